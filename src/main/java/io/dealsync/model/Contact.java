package io.dealsync.model;

/**
 * What "plausible" means for contact data (docs/domain.md, "Plausible contact data"). The checks are the
 * patterns {@code [^@\s]+@[^@\s]+\.[^@\s]+} (email) and {@code \+?[0-9 .()\-]+} (phone) walked by hand: a
 * first night asks them of every contact and team member, ~6 a deal, and the regex engine's matchers were
 * 0.9 GB of its garbage (ContactTest holds the patterns as the oracle).
 */
public final class Contact {
    /** The forms a reviewer is told to use (reject messages). */
    public static final String EMAIL_FORM = "name@domain.tld";
    public static final String PHONE_FORM = "7 to 15 digits; only digits, spaces, - . ( ) and a leading +";

    private Contact() {
    }

    /** {@code local@domain.tld}: one {@code @}, no spaces, a dot in the domain. */
    public static boolean isPlausibleEmail(String email) {
        if (email == null) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            return false;
        }
        for (int i = 0; i < email.length(); i++) {
            if (isRegexSpace(email.charAt(i))) {
                return false;
            }
        }
        int dot = email.indexOf('.', at + 1); // a dot in the domain, which neither starts nor ends with one
        return dot >= 0 && email.charAt(at + 1) != '.' && email.charAt(email.length() - 1) != '.';
    }

    /** {@code \s} as java.util.regex reads it. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Digits, spaces, {@code - . ( )} and a leading {@code +}, with 7 to 15 digits. */
    public static boolean isPlausiblePhone(String phone) {
        if (phone == null) {
            return false;
        }
        int from = phone.startsWith("+") ? 1 : 0;
        if (phone.length() == from) {
            return false;
        }
        int digits = 0;
        for (int i = from; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != ' ' && c != '.' && c != '(' && c != ')' && c != '-') {
                return false;
            }
        }
        return digits >= 7 && digits <= 15;
    }

    /**
     * What is wrong with one column of the customer's primary contact (R3): "is missing", or the implausible
     * value and the form expected; "" when nothing.
     */
    static String problem(Field column, String value) {
        if (value.isEmpty()) {
            return "is missing";
        }
        if (column == Field.CONTACT_PHONE && !isPlausiblePhone(value)) {
            return "'" + value + "' is not a plausible phone (" + PHONE_FORM + ")";
        }
        if (column == Field.CONTACT_EMAIL && !isPlausibleEmail(value)) {
            return "'" + value + "' is not a plausible email (" + EMAIL_FORM + ")";
        }
        return "";
    }
}
