package io.dealsync.model;

import java.util.regex.Pattern;

/** What "plausible" means for contact data (docs/domain.md, "Plausible contact data"). */
public final class Contact {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE_CHARS = Pattern.compile("\\+?[0-9 .()\\-]+");

    /** The forms a reviewer is told to use (reject messages). */
    public static final String EMAIL_FORM = "name@domain.tld";
    public static final String PHONE_FORM = "7 to 15 digits; only digits, spaces, - . ( ) and a leading +";

    private Contact() {
    }

    /** {@code local@domain.tld}: one {@code @}, no spaces, a dot in the domain. */
    public static boolean isPlausibleEmail(String email) {
        if (email == null || !EMAIL.matcher(email).matches()) {
            return false;
        }
        String domain = email.substring(email.indexOf('@') + 1);
        return !domain.startsWith(".") && !domain.endsWith(".");
    }

    /** Digits, spaces, {@code - . ( )} and a leading {@code +}, with 7 to 15 digits. */
    public static boolean isPlausiblePhone(String phone) {
        if (phone == null || !PHONE_CHARS.matcher(phone).matches()) {
            return false;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
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
