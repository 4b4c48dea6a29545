package io.dealsync.read;

import io.dealsync.model.Dates;
import io.dealsync.model.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * <p>Keys (see {@link SourceProfiles} for the file form, {@link SourceProfileBuilder} for their checks):
 * {@code delimiter}, {@code encoding}, {@code date.pattern}, {@code decimal.separator},
 * {@code thousands.separator}, {@code yes.words}, {@code no.words}, {@code description},
 * {@code column.<source column>}, {@code stage.<stage name>}, {@code value.<column>.<source value>}.
 * Immutable, so one instance serves every file of the source.
 */
public final class SourceProfile {

    /** The Partner Center stage percentages a stage name may map to. */
    public static final Set<Integer> STAGE_PERCENTS = Set.of(10, 20, 40, 60, 80, 100);

    private static final SourceProfile CANONICAL = new SourceProfile("", ',', StandardCharsets.UTF_8, null,
            ProfileAmountFormat.CANONICAL, Set.of(), Set.of(), Map.of(), Map.of(), Map.of());

    private final String name;
    private final char delimiter;
    private final Charset charset;
    /** The profile's date.pattern, or null: dates are then read as docs/formats.md writes them. */
    private final ProfileDateFormat dates;
    private final ProfileAmountFormat amounts;
    private final Set<String> yesWords;
    private final Set<String> noWords;
    private final Map<String, String> columns;
    private final Map<String, Integer> stages;
    private final Map<Field, Map<String, String>> values;

    SourceProfile(String name, char delimiter, Charset charset, ProfileDateFormat dates, ProfileAmountFormat amounts,
            Set<String> yesWords, Set<String> noWords, Map<String, String> columns, Map<String, Integer> stages,
            Map<Field, Map<String, String>> values) {
        this.name = name;
        this.delimiter = delimiter;
        this.charset = charset;
        this.dates = dates;
        this.amounts = amounts;
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
        SourceProfile p = SourceProfileBuilder.build(name, origin, entries, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return p;
    }

    // ---------------------------------------------------------------- what the profile says

    /** The source (inbox subfolder) name; "" for the canonical profile. */
    public String name() { return name; }

    public boolean isCanonical() { return this == CANONICAL; }

    public char delimiter() { return delimiter; }

    public Charset charset() { return charset; }

    /** The date pattern as written in the profile, or null (then dates are read as docs/formats.md says). */
    public String datePattern() { return dates == null ? null : dates.pattern(); }

    public char decimalSeparator() { return amounts.decimalSeparator(); }

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
        return Field.key(Spaces.toPlain(stageName));
    }

    /**
     * The canonical header a source column stands for: the profile's mapping, "" when the profile says to
     * ignore it, else the header itself (so canonical names also work in a source's files).
     */
    public String mapColumn(String sourceHeader) {
        String mapped = columns.get(Field.key(Spaces.toPlain(sourceHeader)));
        return mapped != null ? mapped : sourceHeader;
    }

    // ---------------------------------------------------------------- value conversion

    /**
     * A cell of column {@code f} in canonical text: the profile's value mapping, then its date, amount
     * or Yes/No form; null when the profile cannot read it.
     */
    String toCanonical(Field f, String cell) {
        String raw = mapValue(f, cell);
        if (Field.DATES.contains(f)) {
            return toIsoDate(raw);
        }
        if (f == Field.ESTIMATED_VALUE) {
            return toPlainAmount(raw);
        }
        if (f == Field.CONSENT) {
            return toYesNo(raw);
        }
        return raw;
    }

    /** The canonical value the profile gives a cell's text (case-insensitive), or the text unchanged. */
    public String mapValue(Field f, String raw) {
        Map<String, String> m = values.get(f);
        if (m == null || raw == null) {
            return raw;
        }
        String mapped = m.get(Spaces.strip(raw).toLowerCase(Locale.ROOT));
        return mapped != null ? mapped : raw;
    }

    /**
     * A date cell as ISO {@code yyyy-MM-dd}: the profile's pattern (day and month also with one digit;
     * a trailing time is ignored) or ISO 8601; without a pattern, the canonical forms (ISO, M/D/YYYY).
     * Returns "" for a blank cell, null when the text is not a date in those forms.
     */
    public String toIsoDate(String raw) {
        String s = Spaces.strip(raw);
        if (s.isEmpty()) {
            return "";
        }
        LocalDate d = dates == null ? Dates.parse(s) : dates.parse(s);
        return d == null ? null : d.toString();
    }

    /**
     * An amount cell in plain form ({@code 1234.56}): the profile's decimal separator, thousands
     * separators only between groups of three digits. Returns "" for a blank cell, null when the text
     * is not an amount in this profile's form (so "1,5" is not silently read as 15).
     */
    public String toPlainAmount(String raw) {
        return amounts.toPlain(raw);
    }

    /** A Yes/No cell: the profile's words give "Yes"/"No"; any other text is returned unchanged. */
    public String toYesNo(String raw) {
        String s = Spaces.strip(raw);
        String k = s.toLowerCase(Locale.ROOT);
        if (yesWords.contains(k)) {
            return "Yes";
        }
        if (noWords.contains(k)) {
            return "No";
        }
        return s;
    }

    /**
     * A hash of everything the profile says about reading a cell (the row fast path's seed: a profile edited
     * since a row was applied reads the same text otherwise, so the row is read and judged again).
     */
    long readingFingerprint() {
        return new io.dealsync.model.Hash64().add(isCanonical() ? "" : name).add(delimiter).add(charset.name())
                .add(String.valueOf(datePattern())).add(amounts.describe())
                .add(new java.util.TreeSet<>(yesWords).toString()).add(new java.util.TreeSet<>(noWords).toString())
                .add(new java.util.TreeMap<>(columns).toString()).add(new java.util.TreeMap<>(stages).toString())
                .add(new java.util.TreeMap<>(values).toString()).value();
    }

    @Override
    public String toString() {
        return "SourceProfile[" + (isCanonical() ? "canonical" : name) + "]";
    }
}
