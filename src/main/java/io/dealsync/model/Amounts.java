package io.dealsync.model;

import java.math.BigDecimal;

/** Amounts in canonical form: {@code .} decimal point, no thousands separator. */
public final class Amounts {
    private Amounts() {
    }

    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || ((c == '-' || c == '+') && i == 0))) {
                return null;
            }
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The plain text of an amount ("1000.50", "1000"), or the text unchanged when it is not a number. */
    public static String canonical(String text) {
        String plain = plainDecimal(text);
        if (plain != null) {
            return plain;
        }
        BigDecimal d = parse(text);
        if (d == null) {
            return Text.clean(text);
        }
        d = d.stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }

    /**
     * The canonical text of the common case worked out without BigDecimal (a third of mapping a row): digits
     * with no leading zero, an optional fraction whose trailing zeros go ("105500.00" is "105500"). Null for
     * anything else (signs, leading zeros, exponents, spaces), which takes the BigDecimal way.
     */
    private static String plainDecimal(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0 || (i > 1 && s.charAt(0) == '0')) {
            return null;
        }
        if (i == n) {
            return s;
        }
        if (s.charAt(i) != '.') {
            return null;
        }
        int last = i; // the last char kept: the point itself when the fraction is all zeros
        for (int j = i + 1; j < n; j++) {
            char c = s.charAt(j);
            if (!isDigit(c)) {
                return null;
            }
            if (c != '0') {
                last = j;
            }
        }
        int end = last == i ? i : last + 1;
        return end == n ? s : s.substring(0, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
