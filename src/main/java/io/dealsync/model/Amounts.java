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
}
