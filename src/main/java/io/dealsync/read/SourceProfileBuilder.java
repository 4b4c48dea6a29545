package io.dealsync.read;

import io.dealsync.model.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a profile's key/value pairs and builds the {@link SourceProfile}: each problem is noted, prefixed
 * with the profile's origin, and reading goes on, so an operator sees every mistake of a profile at once.
 * The keys are those docs/formats.md lists under source profiles.
 */
final class SourceProfileBuilder {
    /** The encodings a profile may name (docs/formats.md), by their canonical Java names. */
    private static final Set<String> ENCODINGS = Set.of("UTF-8", "windows-1252", "ISO-8859-1");
    private static final String COLUMN = "column.";
    private static final String STAGE = "stage.";
    private static final String VALUE = "value.";

    private final String origin;
    private final List<String> problems;
    private char delimiter = ',';
    private Charset charset = StandardCharsets.UTF_8;
    private ProfileDateFormat dates;
    private char decimal = '.';
    private String thousandsRaw;
    private final Set<String> yes = new LinkedHashSet<>();
    private final Set<String> no = new LinkedHashSet<>();
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final Map<String, Integer> stages = new LinkedHashMap<>();
    private final Map<Field, Map<String, String>> values = new EnumMap<>(Field.class);

    private SourceProfileBuilder(String origin, List<String> problems) {
        this.origin = origin;
        this.problems = problems;
    }

    /**
     * The profile of source {@code name}, or null after adding each of its problems to {@code problems}.
     *
     * @param origin what the problems name, e.g. the profile's path
     */
    static SourceProfile build(String name, String origin, Map<String, String> entries, List<String> problems) {
        int before = problems.size();
        SourceProfileBuilder b = new SourceProfileBuilder(origin, problems);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            b.entry(e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        ProfileAmountFormat amounts = b.amounts();
        b.checkYesNoApart();
        if (problems.size() > before) {
            return null;
        }
        return new SourceProfile(name, b.delimiter, b.charset, b.dates, amounts,
                Collections.unmodifiableSet(b.yes), Collections.unmodifiableSet(b.no),
                Collections.unmodifiableMap(b.columns), Collections.unmodifiableMap(b.stages), freeze(b.values));
    }

    private void entry(String key, String value) {
        if (hasPrefix(key, COLUMN)) {
            column(key, value);
        } else if (hasPrefix(key, STAGE)) {
            stage(key, value);
        } else if (hasPrefix(key, VALUE)) {
            valueMapping(key, value);
        } else {
            setting(key, value);
        }
    }

    private static boolean hasPrefix(String key, String prefix) {
        return key.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** {@code column.<source column>=<canonical header>}, or empty to ignore the column. */
    private void column(String key, String value) {
        String source = key.substring(COLUMN.length());
        String target = value.strip();
        if (source.isBlank()) {
            problems.add(origin + ": '" + key + "' names no source column");
        } else if (!target.isEmpty() && !HeaderColumns.isCanonicalHeader(target)) {
            problems.add(origin + ": " + key + " maps to unknown canonical column '" + target + "'");
        } else if (columns.put(Field.key(Spaces.toPlain(source)), target) != null) {
            problems.add(origin + ": column '" + source.strip() + "' is mapped twice");
        }
    }

    /** {@code stage.<stage name>=<Partner Center percentage>}. */
    private void stage(String key, String value) {
        String stage = key.substring(STAGE.length());
        Integer pct = null;
        try {
            pct = Integer.valueOf(value.strip());
        } catch (NumberFormatException ex) {
            // reported below
        }
        if (stage.isBlank()) {
            problems.add(origin + ": '" + key + "' names no stage");
        } else if (pct == null || !SourceProfile.STAGE_PERCENTS.contains(pct)) {
            problems.add(origin + ": " + key + " maps to '" + value.strip()
                    + "', not a stage percentage (10, 20, 40, 60, 80, 100)");
        } else if (stages.put(SourceProfile.stageKey(stage), pct) != null) {
            problems.add(origin + ": stage '" + stage.strip() + "' is mapped twice");
        }
    }

    /** {@code value.<canonical column>.<source value>=<canonical value>}. */
    private void valueMapping(String key, String value) {
        String rest = key.substring(VALUE.length());
        int dot = rest.indexOf('.');
        Field f = dot > 0 ? Field.byHeader(Spaces.toPlain(rest.substring(0, dot))) : null;
        String sourceValue = dot > 0 ? Spaces.strip(rest.substring(dot + 1)) : "";
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
    }

    /** The keys without a prefix: the file's form and the Yes/No words. */
    private void setting(String key, String value) {
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
            case "date.pattern" -> datePattern(value.strip());
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

    private void datePattern(String pattern) {
        try {
            dates = ProfileDateFormat.of(pattern);
        } catch (IllegalArgumentException | DateTimeException ex) {
            problems.add(origin + ": bad date.pattern '" + pattern + "': " + ex.getMessage());
            dates = null;
        }
    }

    /** Checked once all keys are read: the thousands separator must differ from the decimal one. */
    private ProfileAmountFormat amounts() {
        String thousands = "";
        if (thousandsRaw != null) {
            String t = ProfileAmountFormat.thousandsSeparatorsOf(thousandsRaw);
            if (t == null) {
                problems.add(origin + ": thousands.separator '" + thousandsRaw
                        + "' must be empty/none, space, nbsp, '.', ',' or an apostrophe");
            } else if (t.indexOf(decimal) >= 0) {
                problems.add(origin + ": thousands.separator and decimal.separator are both '" + decimal + "'");
            } else {
                thousands = t;
            }
        }
        return new ProfileAmountFormat(decimal, thousands);
    }

    private void checkYesNoApart() {
        for (String w : yes) {
            if (no.contains(w)) {
                problems.add(origin + ": '" + w + "' is both in yes.words and no.words");
            }
        }
    }

    private static Character delimiterOf(String value) {
        if (value.equals("\t")) {
            return '\t';
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ',';
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

    private static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        for (String w : value.split(",")) {
            String k = Spaces.strip(w).toLowerCase(Locale.ROOT);
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    private static Map<Field, Map<String, String>> freeze(Map<Field, Map<String, String>> values) {
        Map<Field, Map<String, String>> out = new EnumMap<>(Field.class);
        values.forEach((f, m) -> out.put(f, Collections.unmodifiableMap(m)));
        return Collections.unmodifiableMap(out);
    }
}
