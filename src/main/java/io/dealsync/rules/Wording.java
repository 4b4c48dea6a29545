package io.dealsync.rules;

import io.dealsync.model.Field;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a reviewer's file words things: its column names (a source profile's headers, e.g. "Remarques" for
 * Notes), its date pattern and its decimal separator. Messages are rendered with it, so that a reject row
 * says "Remarques is required" in the file the reviewer fixes. Placeholders a message or a rule's detail may
 * use: {@code {field}}, {@code {detail}}, {@code {column:Notes}} (another column, by its template name),
 * {@code {date format}}, {@code {number format}}.
 */
public final class Wording {
    /** Canonical files (the Partner Center template): template names, yyyy-mm-dd or M/D/YYYY, a dot. */
    public static final Wording CANONICAL = new Wording(Map.of(), null, '.');

    private static final Pattern COLUMN = Pattern.compile("\\{column:([^}]*)\\}");
    private static final LocalDate EXAMPLE_DATE = LocalDate.of(2026, 6, 30);

    private final Map<String, String> names;
    private final String datePattern;
    private final char decimalSeparator;

    private Wording(Map<String, String> names, String datePattern, char decimalSeparator) {
        this.names = names;
        this.datePattern = datePattern;
        this.decimalSeparator = decimalSeparator;
    }

    /**
     * The wording of a file read through a profile: each header of the file that the profile maps to a
     * column names that column; the profile's date pattern (null: the canonical forms) and decimal separator.
     */
    public static Wording of(List<String> header, Function<String, String> toCanonical, String datePattern,
            char decimalSeparator) {
        Map<String, String> names = new HashMap<>();
        if (header != null) {
            for (String h : header) {
                String canonical = toCanonical.apply(h);
                if (canonical != null && !canonical.isEmpty() && !Field.key(canonical).equals(Field.key(h))) {
                    names.putIfAbsent(canonicalKey(canonical), h.strip());
                }
            }
        }
        if (names.isEmpty() && datePattern == null && decimalSeparator == '.') {
            return CANONICAL;
        }
        return new Wording(Map.copyOf(names), datePattern, decimalSeparator);
    }

    /** The column as the reviewer's file names it ("" stays ""). */
    public String column(String canonical) {
        if (canonical == null || canonical.isEmpty()) {
            return "";
        }
        return names.getOrDefault(canonicalKey(canonical), canonical);
    }

    /** The expected form of a date, with an example: "dd/MM/yyyy, e.g. 30/06/2026". */
    public String dateFormat() {
        if (datePattern == null || datePattern.isEmpty()) {
            return "yyyy-mm-dd or M/D/YYYY, e.g. 2026-06-30";
        }
        String example;
        try {
            example = EXAMPLE_DATE.format(DateTimeFormatter.ofPattern(datePattern, Locale.ROOT));
        } catch (IllegalArgumentException e) {
            example = "";
        }
        return datePattern + (example.isEmpty() ? "" : ", e.g. " + example);
    }

    /** The expected form of an amount: "digits with a dot as decimal separator, e.g. 48500.00". */
    public String numberFormat() {
        String name = switch (decimalSeparator) {
            case '.' -> "a dot";
            case ',' -> "a comma";
            default -> "'" + decimalSeparator + "'";
        };
        return "digits with " + name + " as decimal separator, e.g. 48500" + decimalSeparator + "00";
    }

    /** A message template (or a rule's detail) with its placeholders filled in. */
    public String render(String template, String field, String detail) {
        String s = template;
        if (s.contains("{detail}")) {
            s = s.replace("{detail}", detail == null ? "" : detail);
        }
        return fill(s).replace("{field}", field == null || field.isEmpty() ? "the record" : column(field));
    }

    /** {@code {column:X}}, {@code {date format}} and {@code {number format}} in a text. */
    public String fill(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher m = COLUMN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(column(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString().replace("{date format}", dateFormat()).replace("{number format}", numberFormat());
    }

    /** Solution 1 and Team member 2 are list columns: keyed like the other columns, by their normalised name. */
    private static String canonicalKey(String column) {
        Field f = Field.byHeader(column);
        return f != null ? f.name() : Field.key(column);
    }
}
