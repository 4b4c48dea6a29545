package io.dealsync.read;

import io.dealsync.model.Amounts;
import java.util.Locale;

/**
 * A profile's {@code decimal.separator} and {@code thousands.separator} (docs/formats.md, source
 * profiles): reads the source's amount cells as plain numbers, never guessing ("1,5" is not 15).
 */
final class ProfileAmountFormat {
    /** The canonical form: a decimal point, no thousands separators. */
    static final ProfileAmountFormat CANONICAL = new ProfileAmountFormat('.', "");

    private final char decimalSeparator;
    /** The characters read as thousands separators ("" for none; a space stands for every kind of space). */
    private final String thousandsSeparators;

    ProfileAmountFormat(char decimalSeparator, String thousandsSeparators) {
        this.decimalSeparator = decimalSeparator;
        this.thousandsSeparators = thousandsSeparators;
    }

    char decimalSeparator() {
        return decimalSeparator;
    }

    /** Both separators, as text: what {@link SourceProfile#readingFingerprint()} hashes of the amounts. */
    String describe() {
        return decimalSeparator + "|" + thousandsSeparators;
    }

    /**
     * The thousands separators a profile's value names (empty or none, space, nbsp, '.', ',', an
     * apostrophe), or null when it names none we read.
     */
    static String thousandsSeparatorsOf(String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (!value.isBlank() && value.strip().length() > 1) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none" -> "";
                case "space", "nbsp" -> Spaces.ALL;
                case "apostrophe" -> "'\u2019";
                default -> null;
            };
        }
        char c = value.isBlank() ? ' ' : value.strip().charAt(0);
        if (Spaces.isSpace(c) || Character.isWhitespace(c)) {
            return Spaces.ALL;
        }
        return switch (c) {
            case '.', ',' -> String.valueOf(c);
            case '\'', '\u2019' -> "'\u2019";
            default -> null;
        };
    }

    /**
     * An amount cell in plain form ({@code 1234.56}): this decimal separator, thousands separators only
     * between groups of three digits. "" for a blank cell, null when the text is not an amount in this form.
     */
    String toPlain(String raw) {
        String s = Spaces.strip(raw);
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
            } else if (!fraction && thousandsSeparators.indexOf(c) >= 0) {
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
}
