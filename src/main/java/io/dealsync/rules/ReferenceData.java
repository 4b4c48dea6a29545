package io.dealsync.rules;

import io.dealsync.model.Severity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The analysts' reference tables under {@code rules/reference/}: the assessment catalogue, the stage-name
 * mapping, the reason codes with their messages, the Partner Center status reasons, and settings such as
 * the expiry window. Plain CSV and properties files, so that adding a value needs no Java.
 */
public final class ReferenceData {
    public static final String CATALOGUE = "assessment-catalogue.csv";
    public static final String STAGE_NAMES = "stage-names.csv";
    public static final String REASON_CODES = "reason-codes.csv";
    public static final String STATUS_REASONS = "status-reasons.csv";
    public static final String SETTINGS = "settings.properties";
    /** Optional: without it the JDK's ISO 4217 list applies. */
    public static final String CURRENCIES = "currencies.csv";
    /** Optional: without it the JDK's ISO 3166 alpha-2 list applies. */
    public static final String COUNTRIES = "countries.csv";

    private final Map<String, Assessment> catalogue;
    private final Map<String, Integer> stageNames;
    private final Map<String, ReasonCode> reasonCodes;
    private final List<StatusReason> statusReasons;
    private final int expiryWindowDays;
    private final int wonTooSoonHours;
    private List<CurrencyCode> currencies = List.of();
    private List<CountryCode> countries = List.of();
    private Settings settings;

    private ReferenceData(Map<String, Assessment> catalogue, Map<String, Integer> stageNames,
            Map<String, ReasonCode> reasonCodes, List<StatusReason> statusReasons, int expiryWindowDays,
            int wonTooSoonHours) {
        this.catalogue = catalogue;
        this.stageNames = stageNames;
        this.reasonCodes = reasonCodes;
        this.statusReasons = statusReasons;
        this.expiryWindowDays = expiryWindowDays;
        this.wonTooSoonHours = wonTooSoonHours;
    }

    /** Reads every table; collects every problem into {@code problems} (file, line, message) instead of stopping at the first. */
    public static ReferenceData load(Path referenceDir, String displayPrefix, List<RuleProblem> problems) {
        Map<String, Assessment> catalogue = new LinkedHashMap<>();
        for (Row r : rows(referenceDir.resolve(CATALOGUE), displayPrefix + CATALOGUE, 2, problems)) {
            catalogue.put(r.cells[0], new Assessment(r.cells[0], r.cells[1]));
        }
        Map<String, Integer> stageNames = new LinkedHashMap<>();
        for (Row r : rows(referenceDir.resolve(STAGE_NAMES), displayPrefix + STAGE_NAMES, 2, problems)) {
            Integer pct = intOrProblem(r, 1, displayPrefix + STAGE_NAMES, problems);
            if (pct != null) {
                stageNames.put(r.cells[0].toLowerCase(Locale.ROOT), pct);
            }
        }
        Map<String, ReasonCode> reasonCodes = new LinkedHashMap<>();
        for (Row r : rows(referenceDir.resolve(REASON_CODES), displayPrefix + REASON_CODES, 3, problems)) {
            try {
                Severity sev = Severity.valueOf(r.cells[1].toUpperCase(Locale.ROOT));
                reasonCodes.put(r.cells[0], new ReasonCode(r.cells[0], sev, r.cells[2]));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(displayPrefix + REASON_CODES, (int) r.line, 0,
                        "severity '" + r.cells[1] + "' of " + r.cells[0] + " is neither ERROR nor WARNING"));
            }
        }
        List<StatusReason> statusReasons = new ArrayList<>();
        for (Row r : rows(referenceDir.resolve(STATUS_REASONS), displayPrefix + STATUS_REASONS, 3, problems)) {
            Integer code = intOrProblem(r, 1, displayPrefix + STATUS_REASONS, problems);
            if (code != null) {
                statusReasons.add(new StatusReason(r.cells[0], code, r.cells[2]));
            }
        }
        Properties settings = new Properties();
        Path settingsFile = referenceDir.resolve(SETTINGS);
        try (Reader in = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
            settings.load(in);
        } catch (IOException e) {
            problems.add(new RuleProblem(displayPrefix + SETTINGS, 0, 0, "cannot be read: " + e.getMessage()));
        }
        int window = intSetting(settings, "expiry.window.days", 14, displayPrefix + SETTINGS, problems);
        int tooSoon = intSetting(settings, "won.too.soon.hours", 72, displayPrefix + SETTINGS, problems);
        ReferenceData data = new ReferenceData(catalogue, stageNames, reasonCodes, List.copyOf(statusReasons), window,
                tooSoon);
        Map<String, String> values = new LinkedHashMap<>();
        settings.stringPropertyNames().forEach(k -> values.put(k, settings.getProperty(k)));
        data.settings = new Settings(values, window, tooSoon);
        fillSettings(reasonCodes, values, displayPrefix + REASON_CODES, problems);
        data.currencies = codes(referenceDir.resolve(CURRENCIES), displayPrefix + CURRENCIES, problems,
                CurrencyCode::new, java.util.Currency.getAvailableCurrencies().stream()
                        .map(c -> new CurrencyCode(c.getCurrencyCode(), c.getDisplayName(Locale.ENGLISH))).toList());
        data.countries = codes(referenceDir.resolve(COUNTRIES), displayPrefix + COUNTRIES, problems,
                CountryCode::new, java.util.Arrays.stream(Locale.getISOCountries())
                        .map(c -> new CountryCode(c, new Locale.Builder().setRegion(c).build().getDisplayCountry(Locale.ENGLISH))).toList());
        return data;
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([^}]*)\\}");
    /** Placeholders filled per reject row (Wording), not from the settings. */
    private static final java.util.Set<String> ROW_PLACEHOLDERS = java.util.Set.of("field", "detail", "date format", "number format");

    /**
     * Analyst-owned numbers reach the messages from the settings ({@code {won.too.soon.hours}}), so a message
     * never says 72 when the setting says 48. A placeholder that is neither a setting nor filled per row is a problem.
     */
    private static void fillSettings(Map<String, ReasonCode> codes, Map<String, String> settings, String display,
            List<RuleProblem> problems) {
        codes.replaceAll((code, rc) -> {
            java.util.regex.Matcher m = PLACEHOLDER.matcher(rc.message());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String value = settings.get(key);
                if (value == null && !ROW_PLACEHOLDERS.contains(key) && !key.startsWith("column:")) {
                    problems.add(new RuleProblem(display, 0, 0, "the message of " + code + " uses {" + key + "}, which is"
                            + " neither {field}, {detail}, {date format}, {number format} nor a setting of " + SETTINGS));
                }
                m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(value == null ? m.group() : value.strip()));
            }
            m.appendTail(sb);
            return new ReasonCode(rc.code(), rc.severity(), sb.toString());
        });
    }

    /** A code table (code,name; codes upper case, as Canonical writes them), or the JDK's list when the file is absent. */
    private static <T> List<T> codes(Path file, String display, List<RuleProblem> problems,
            java.util.function.BiFunction<String, String, T> row, List<T> fallback) {
        if (!Files.exists(file)) {
            return fallback;
        }
        List<T> out = new ArrayList<>();
        for (Row r : rows(file, display, 2, problems)) {
            out.add(row.apply(r.cells[0].toUpperCase(Locale.ROOT), r.cells[1]));
        }
        return List.copyOf(out);
    }

    private record Row(long line, String[] cells) {
    }

    private static List<Row> rows(Path file, String display, int columns, List<RuleProblem> problems) {
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setCommentMarker('#').build();
        // the parser's line count after a record is that record's line (comment lines included, unlike
        // getRecordNumber); a final line break makes it hold for the last record too
        try (org.apache.commons.csv.CSVParser parser = format.parse(new java.io.StringReader(withFinalNewline(file)))) {
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                if (rec.size() != columns) {
                    // one cell too many is mostly an unquoted comma in a text: "over 10,000,000" would read as "over 10"
                    problems.add(new RuleProblem(display, (int) line, 0, "this line has " + rec.size() + " cells, the table has "
                            + columns + " (" + String.join(", ", format.getHeader() == null ? List.of() : parser.getHeaderNames())
                            + ")" + (rec.size() > columns ? ": a text holding a comma goes in double quotes, e.g. \"over 10,000,000\"" : "")));
                    continue;
                }
                String[] cells = new String[columns];
                for (int i = 0; i < columns; i++) {
                    cells[i] = rec.get(i).strip();
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(display, 0, 0, "cannot be read: " + e.getMessage()));
        }
        return rows;
    }

    private static String withFinalNewline(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static Integer intOrProblem(Row r, int i, String display, List<RuleProblem> problems) {
        try {
            return Integer.valueOf(r.cells[i]);
        } catch (NumberFormatException e) {
            problems.add(new RuleProblem(display, (int) r.line, 0, "'" + r.cells[i] + "' is not a whole number"));
            return null;
        }
    }

    private static int intSetting(Properties p, String key, int dflt, String display, List<RuleProblem> problems) {
        String v = p.getProperty(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            problems.add(new RuleProblem(display, 0, 0, key + "='" + v + "' is not a whole number"));
            return dflt;
        }
    }

    public Map<String, Assessment> catalogue() { return catalogue; }
    public boolean isAssessment(String solutionId) { return catalogue.containsKey(solutionId); }
    /** Stage names (lower case) to percentages. */
    public Map<String, Integer> stageNames() { return stageNames; }
    public Map<String, ReasonCode> reasonCodes() { return reasonCodes; }
    public List<StatusReason> statusReasons() { return statusReasons; }
    /** Days an Incoming deal may stay Received: received on D, it can be answered through D + window. */
    public int expiryWindowDays() { return expiryWindowDays; }
    public int wonTooSoonHours() { return wonTooSoonHours; }
    /** ISO 4217 codes a Currency may hold (facts for R2). */
    public List<CurrencyCode> currencies() { return currencies; }
    /** ISO 3166 alpha-2 codes a Customer Country may hold (facts for R2). */
    public List<CountryCode> countries() { return countries; }
    /** Every setting, as a fact for the rules. */
    public Settings settings() { return settings; }
}
