package io.dealsync.ingest;

import io.dealsync.model.Amounts;
import io.dealsync.model.Dates;
import io.dealsync.model.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the files of one source (an inbox subfolder) read: CRMs do not export the canonical columns, so
 * a profile names the delimiter, encoding, date and number forms, Yes/No words, the column mapping to
 * canonical headers and the partner's own sales-stage names. Files dropped straight into the inbox
 * use {@link #canonical()}.
 *
 * <p>Keys (see {@link SourceProfiles} for the file form): {@code delimiter}, {@code encoding},
 * {@code date.pattern}, {@code decimal.separator}, {@code thousands.separator}, {@code yes.words},
 * {@code no.words}, {@code description}, {@code column.<source column>}, {@code stage.<stage name>}.
 * Immutable, so one instance serves every file of the source.
 */
public final class SourceProfile {

    /** The encodings a profile may name (docs/formats.md), by their canonical Java names. */
    public static final Set<String> ENCODINGS = Set.of("UTF-8", "windows-1252", "ISO-8859-1");

    /** The Partner Center stage percentages a stage name may map to. */
    public static final Set<Integer> STAGE_PERCENTS = Set.of(10, 20, 40, 60, 80, 100);

    private static final Set<String> PLAIN_KEYS = Set.of("delimiter", "encoding", "date.pattern",
            "decimal.separator", "thousands.separator", "yes.words", "no.words", "description");
    private static final String COLUMN = "column.";
    private static final String STAGE = "stage.";
    private static final String VALUE = "value.";
    /** Characters read as a "space" thousands separator: what spreadsheets and French locales write. */
    private static final String SPACES = " \u00A0\u202F\u2009";

    private static final SourceProfile CANONICAL = new SourceProfile("", "(canonical)", ',', StandardCharsets.UTF_8,
            null, null, null, '.', "", Set.of(), Set.of(), Map.of(), Map.of(), Map.of());

    private final String name;
    private final String origin;
    private final char delimiter;
    private final Charset charset;
    private final String datePattern;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter relaxedDateFormat;
    private final char decimalSeparator;
    private final String thousandsSeparators;
    private final Set<String> yesWords;
    private final Set<String> noWords;
    private final Map<String, String> columns;
    private final Map<String, Integer> stages;
    private final Map<Field, Map<String, String>> values;

    private SourceProfile(String name, String origin, char delimiter, Charset charset, String datePattern,
            DateTimeFormatter dateFormat, DateTimeFormatter relaxedDateFormat, char decimalSeparator,
            String thousandsSeparators, Set<String> yesWords, Set<String> noWords, Map<String, String> columns,
            Map<String, Integer> stages, Map<Field, Map<String, String>> values) {
        this.name = name;
        this.origin = origin;
        this.delimiter = delimiter;
        this.charset = charset;
        this.datePattern = datePattern;
        this.dateFormat = dateFormat;
        this.relaxedDateFormat = relaxedDateFormat;
        this.decimalSeparator = decimalSeparator;
        this.thousandsSeparators = thousandsSeparators;
        this.yesWords = yesWords;
        this.noWords = noWords;
        this.columns = columns;
        this.stages = stages;
        this.values = values;
    }

    /** The canonical profile: comma, UTF-8, canonical headers, values as docs/formats.md writes them. */
    public static SourceProfile canonical() {
        return CANONICAL;
    }

    /**
     * Builds and validates a profile from its key/value pairs.
     *
     * @param name the source (inbox subfolder) name
     * @param origin what error messages name, e.g. the profile's path
     * @throws IllegalArgumentException naming every problem, one per line, each prefixed with {@code origin}
     */
    public static SourceProfile of(String name, String origin, Map<String, String> entries) {
        List<String> problems = new ArrayList<>();
        SourceProfile p = build(name, origin, entries, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return p;
    }

    /** Validates and builds; adds each problem to {@code problems} (prefixed with {@code origin}) and then returns null. */
    static SourceProfile build(String name, String origin, Map<String, String> entries, List<String> problems) {
        int before = problems.size();
        char delimiter = ',';
        Charset charset = StandardCharsets.UTF_8;
        String datePattern = null;
        DateTimeFormatter dateFormat = null;
        DateTimeFormatter relaxed = null;
        char decimal = '.';
        String thousands = "";
        Set<String> yes = new LinkedHashSet<>();
        Set<String> no = new LinkedHashSet<>();
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Integer> stages = new LinkedHashMap<>();
        Map<Field, Map<String, String>> values = new java.util.EnumMap<>(Field.class);
        String thousandsRaw = null;

        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (key.regionMatches(true, 0, COLUMN, 0, COLUMN.length())) {
                String source = key.substring(COLUMN.length());
                if (source.isBlank()) {
                    problems.add(origin + ": '" + key + "' names no source column");
                    continue;
                }
                String target = value.strip();
                if (!target.isEmpty() && !isCanonicalHeader(target)) {
                    problems.add(origin + ": " + key + " maps to unknown canonical column '" + target + "'");
                    continue;
                }
                if (columns.put(Field.key(spaces(source)), target) != null) {
                    problems.add(origin + ": column '" + source.strip() + "' is mapped twice");
                }
                continue;
            }
            if (key.regionMatches(true, 0, STAGE, 0, STAGE.length())) {
                String stage = key.substring(STAGE.length());
                Integer pct = null;
                try {
                    pct = Integer.valueOf(value.strip());
                } catch (NumberFormatException ex) {
                    // reported below
                }
                if (stage.isBlank()) {
                    problems.add(origin + ": '" + key + "' names no stage");
                } else if (pct == null || !STAGE_PERCENTS.contains(pct)) {
                    problems.add(origin + ": " + key + " maps to '" + value.strip()
                            + "', not a stage percentage (10, 20, 40, 60, 80, 100)");
                } else if (stages.put(stageKey(stage), pct) != null) {
                    problems.add(origin + ": stage '" + stage.strip() + "' is mapped twice");
                }
                continue;
            }
            if (key.regionMatches(true, 0, VALUE, 0, VALUE.length())) {
                String rest = key.substring(VALUE.length());
                int dot = rest.indexOf('.');
                Field f = dot > 0 ? Field.byHeader(spaces(rest.substring(0, dot))) : null;
                String sourceValue = dot > 0 ? clean(rest.substring(dot + 1)) : "";
                if (f == null) {
                    problems.add(origin + ": " + key + " names unknown canonical column '"
                            + (dot > 0 ? rest.substring(0, dot).strip() : rest.strip())
                            + "' (expected value.<canonical column>.<source value>)");
                } else if (sourceValue.isEmpty()) {
                    problems.add(origin + ": '" + key + "' names no source value");
                } else if (values.computeIfAbsent(f, x -> new LinkedHashMap<>())
                        .put(sourceValue.toLowerCase(Locale.ROOT), value.strip()) != null) {
                    problems.add(origin + ": value '" + sourceValue + "' of " + f.header() + " is mapped twice");
                }
                continue;
            }
            switch (key.strip().toLowerCase(Locale.ROOT)) {
                case "delimiter" -> {
                    Character d = delimiterOf(value);
                    if (d == null) {
                        problems.add(origin + ": delimiter '" + value + "' is not one of ',' ';' '|' 'tab'");
                    } else {
                        delimiter = d;
                    }
                }
                case "encoding" -> {
                    Charset cs = charsetOf(value.strip());
                    if (cs == null) {
                        problems.add(origin + ": unknown encoding '" + value.strip()
                                + "' (use UTF-8, windows-1252 or ISO-8859-1)");
                    } else {
                        charset = cs;
                    }
                }
                case "date.pattern" -> {
                    String pattern = value.strip();
                    try {
                        dateFormat = formatter(pattern);
                        relaxed = formatter(relax(pattern));
                        LocalDate probe = LocalDate.of(2026, 11, 26);
                        if (!probe.equals(LocalDate.parse(dateFormat.format(probe), dateFormat))) {
                            throw new IllegalArgumentException("it does not read back a whole date");
                        }
                        datePattern = pattern;
                    } catch (IllegalArgumentException | DateTimeException ex) {
                        problems.add(origin + ": bad date.pattern '" + pattern + "': " + ex.getMessage());
                        dateFormat = null;
                        relaxed = null;
                    }
                }
                case "decimal.separator" -> {
                    String v = value.strip();
                    if (v.equals(".") || v.equals(",")) {
                        decimal = v.charAt(0);
                    } else {
                        problems.add(origin + ": decimal.separator '" + value + "' must be '.' or ','");
                    }
                }
                case "thousands.separator" -> thousandsRaw = value;
                case "yes.words" -> yes.addAll(words(value));
                case "no.words" -> no.addAll(words(value));
                case "description" -> {
                    // documentation only
                }
                default -> problems.add(origin + ": unknown key '" + key + "'");
            }
        }
        if (thousandsRaw != null) {
            String t = thousandsOf(thousandsRaw);
            if (t == null) {
                problems.add(origin + ": thousands.separator '" + thousandsRaw
                        + "' must be empty/none, space, nbsp, '.', ',' or an apostrophe");
            } else if (t.indexOf(decimal) >= 0) {
                problems.add(origin + ": thousands.separator and decimal.separator are both '" + decimal + "'");
            } else {
                thousands = t;
            }
        }
        for (String w : yes) {
            if (no.contains(w)) {
                problems.add(origin + ": '" + w + "' is both in yes.words and no.words");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new SourceProfile(name, origin, delimiter, charset, datePattern, dateFormat, relaxed, decimal, thousands,
                Collections.unmodifiableSet(yes), Collections.unmodifiableSet(no),
                Collections.unmodifiableMap(columns), Collections.unmodifiableMap(stages), freeze(values));
    }

    private static Map<Field, Map<String, String>> freeze(Map<Field, Map<String, String>> values) {
        Map<Field, Map<String, String>> out = new java.util.EnumMap<>(Field.class);
        values.forEach((f, m) -> out.put(f, Collections.unmodifiableMap(m)));
        return Collections.unmodifiableMap(out);
    }

    // ---------------------------------------------------------------- what the profile says

    /** The source (inbox subfolder) name; "" for the canonical profile. */
    public String name() { return name; }

    /** Where the profile came from (its path), for messages. */
    public String origin() { return origin; }

    public boolean isCanonical() { return this == CANONICAL; }

    public char delimiter() { return delimiter; }

    public Charset charset() { return charset; }

    /** The date pattern as written in the profile, or null (then dates are read as docs/formats.md says). */
    public String datePattern() { return datePattern; }

    public char decimalSeparator() { return decimalSeparator; }

    /** The characters read as thousands separators ("" for none; a space stands for every kind of space). */
    public String thousandsSeparators() { return thousandsSeparators; }

    /** Extra words read as Yes (lowercased); Yes/No/true/false are always understood. */
    public Set<String> yesWords() { return yesWords; }

    public Set<String> noWords() { return noWords; }

    /** Source column (as {@link Field#key} normalises it) → canonical header, or "" for a column deliberately ignored. */
    public Map<String, String> columnMapping() { return columns; }

    /**
     * The partner's own stage names (lowercased, spaces collapsed: see {@link #stageKey}) → percentage.
     * The engine adds these to the analysts' global stage-name mapping for records of this source.
     */
    public Map<String, Integer> stageMapping() { return stages; }

    /** The percentage this profile maps a stage name to, or null when it does not know the name. */
    public Integer stagePercent(String stageName) {
        return stageName == null ? null : stages.get(stageKey(stageName));
    }

    /** The lookup form of a stage name: lowercased, surrounding spaces dropped, inner spaces collapsed. */
    public static String stageKey(String stageName) {
        return Field.key(spaces(stageName));
    }

    /**
     * The canonical header a source column stands for: the profile's mapping, "" when the profile says to
     * ignore it, else the header itself (so canonical names also work in a source's files).
     */
    public String mapColumn(String sourceHeader) {
        String mapped = columns.get(Field.key(spaces(sourceHeader)));
        return mapped != null ? mapped : sourceHeader;
    }

    // ---------------------------------------------------------------- value conversion

    /** Canonical column → (source value lowercased → canonical value). */
    public Map<Field, Map<String, String>> valueMapping() { return values; }

    /** The canonical value the profile gives a cell's text (case-insensitive), or the text unchanged. */
    public String mapValue(Field f, String raw) {
        Map<String, String> m = values.get(f);
        if (m == null || raw == null) {
            return raw;
        }
        String mapped = m.get(clean(raw).toLowerCase(Locale.ROOT));
        return mapped != null ? mapped : raw;
    }

    /**
     * A date cell as ISO {@code yyyy-MM-dd}: the profile's pattern (day and month also with one digit;
     * a trailing time is ignored) or ISO 8601; without a pattern, the canonical forms (ISO, M/D/YYYY).
     * Returns "" for a blank cell, null when the text is not a date in those forms.
     */
    public String toIsoDate(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return "";
        }
        if (dateFormat == null) {
            LocalDate d = Dates.parse(s);
            return d == null ? null : d.toString();
        }
        LocalDate d = parseDate(s);
        if (d == null) {
            int sp = s.indexOf(' ');
            if (sp > 0) {
                d = parseDate(s.substring(0, sp));
            }
        }
        if (d == null && looksIso(s)) {
            d = Dates.parse(s);
        }
        return d == null ? null : d.toString();
    }

    private LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s, dateFormat);
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(s, relaxedDateFormat);
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }

    private static boolean looksIso(String s) {
        return s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && Character.isDigit(s.charAt(0));
    }

    /**
     * An amount cell in plain form ({@code 1234.56}): the profile's decimal separator, thousands
     * separators only between groups of three digits. Returns "" for a blank cell, null when the text
     * is not an amount in this profile's form (so "1,5" is not silently read as 15).
     */
    public String toPlainAmount(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            if (s.charAt(0) == '-') {
                out.append('-');
            }
            i = 1;
        }
        int groupDigits = 0;
        boolean grouped = false;
        boolean firstGroup = true;
        boolean anyDigit = false;
        boolean fraction = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
                anyDigit = true;
                if (!fraction) {
                    groupDigits++;
                }
            } else if (!fraction && c == decimalSeparator) {
                if (grouped && groupDigits != 3) {
                    return null;
                }
                fraction = true;
                out.append('.');
            } else if (!fraction && isThousands(c)) {
                if (groupDigits == 0 || (firstGroup ? groupDigits > 3 : groupDigits != 3)) {
                    return null;
                }
                grouped = true;
                firstGroup = false;
                groupDigits = 0;
            } else {
                return null;
            }
        }
        if (!anyDigit || (grouped && !fraction && groupDigits != 3) || out.charAt(out.length() - 1) == '.') {
            return null;
        }
        return Amounts.canonical(out.toString());
    }

    private boolean isThousands(char c) {
        if (thousandsSeparators.isEmpty()) {
            return false;
        }
        return thousandsSeparators.indexOf(c) >= 0;
    }

    /** A Yes/No cell: the profile's words give "Yes"/"No"; any other text is returned unchanged. */
    public String toYesNo(String raw) {
        String s = clean(raw);
        String k = s.toLowerCase(Locale.ROOT);
        if (yesWords.contains(k)) {
            return "Yes";
        }
        if (noWords.contains(k)) {
            return "No";
        }
        return s;
    }

    @Override
    public String toString() {
        return "SourceProfile[" + (isCanonical() ? "canonical" : name) + "]";
    }

    // ---------------------------------------------------------------- helpers

    /** Text without surrounding spaces of any kind (NBSPs included: spreadsheets leave them). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        int a = 0;
        int b = s.length();
        while (a < b && (Character.isWhitespace(s.charAt(a)) || SPACES.indexOf(s.charAt(a)) >= 0)) {
            a++;
        }
        while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || SPACES.indexOf(s.charAt(b - 1)) >= 0)) {
            b--;
        }
        return s.substring(a, b);
    }

    /** NBSP and its cousins as plain spaces, for header and stage-name matching. */
    static String spaces(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && SPACES.indexOf(c) >= 0) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Field header (or alias), or "Solution N" / "Team member N". */
    static boolean isCanonicalHeader(String header) {
        return Field.byHeader(spaces(header)) != null
                || Field.listIndex(spaces(header), Field.SOLUTION_PREFIX) > 0
                || Field.listIndex(spaces(header), Field.TEAM_PREFIX) > 0;
    }

    private static Character delimiterOf(String value) {
        if (value.equals("\t")) {
            return '\t';
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "," , "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "|", "pipe" -> '|';
            case "tab", "\\t" -> '\t';
            default -> null;
        };
    }

    private static Charset charsetOf(String value) {
        try {
            Charset cs = Charset.forName(value);
            return ENCODINGS.contains(cs.name()) ? cs : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The thousands separators a value names, or null when it names none we read. */
    private static String thousandsOf(String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (!value.isBlank() && value.strip().length() > 1) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none" -> "";
                case "space", "nbsp" -> SPACES;
                case "apostrophe" -> "'\u2019";
                default -> null;
            };
        }
        char c = value.isBlank() ? ' ' : value.strip().charAt(0);
        if (SPACES.indexOf(c) >= 0 || Character.isWhitespace(c)) {
            return SPACES;
        }
        return switch (c) {
            case '.', ',' -> String.valueOf(c);
            case '\'', '\u2019' -> "'\u2019";
            default -> null;
        };
    }

    private static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        for (String w : value.split(",")) {
            String k = clean(w).toLowerCase(Locale.ROOT);
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    /** Strict (no 31 February), with {@code u} for years so that STRICT needs no era. */
    private static DateTimeFormatter formatter(String pattern) {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(outsideQuotes(pattern, 'y', 'u'))
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** dd → d and MM → M, so that 5/11/2030 reads under dd/MM/yyyy as exports without padding write it. */
    private static String relax(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && (c == 'd' || c == 'M')) {
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) == c) {
                    j++;
                }
                int run = j - i;
                sb.append(run == 2 ? String.valueOf(c) : pattern.substring(i, j));
                i = j - 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String outsideQuotes(String pattern, char from, char to) {
        StringBuilder sb = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            sb.append(!quoted && c == from ? to : c);
        }
        return sb.toString();
    }
}
