package io.dealsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plausibility checks walked by hand answer what their patterns answer (docs/domain.md). */
class ContactTest {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()\\-]+");
    private static final String ALPHABET = "ab@.+-() 0123456789\t\n\u000B\f\r\u00A0é_";

    @Test
    void theyAgreeWithThePatternsOnEveryKindOfText() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(18); n > 0; n--) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = sb.toString();
            assertThat(Contact.isPlausibleEmail(s)).as("email [%s]", s).isEqualTo(byPatternEmail(s));
            assertThat(Contact.isPlausiblePhone(s)).as("phone [%s]", s).isEqualTo(byPatternPhone(s));
        }
    }

    @Test
    void theUsualCases() {
        assertThat(Contact.isPlausibleEmail("ana.silva@contoso.com")).isTrue();
        assertThat(Contact.isPlausibleEmail("ana@contoso")).isFalse();
        assertThat(Contact.isPlausibleEmail("ana@.contoso.com")).isFalse();
        assertThat(Contact.isPlausibleEmail("ana@contoso.com.")).isFalse();
        assertThat(Contact.isPlausibleEmail("ana silva@contoso.com")).isFalse();
        assertThat(Contact.isPlausiblePhone("+33 1 23 45 67 89")).isTrue();
        assertThat(Contact.isPlausiblePhone("(425) 555-0100")).isTrue();
        assertThat(Contact.isPlausiblePhone("555-0100")).isTrue(); // 7 digits
        assertThat(Contact.isPlausiblePhone("555-010")).isFalse();
        assertThat(Contact.isPlausiblePhone("+")).isFalse();
        assertThat(Contact.isPlausiblePhone("++33 1 23 45 67 89")).isFalse();
        assertThat(Contact.isPlausiblePhone("0033 1 23 45 67 89 123")).isFalse(); // 16 digits
    }

    private static boolean byPatternEmail(String s) {
        if (!EMAIL.matcher(s).matches()) {
            return false;
        }
        String domain = s.substring(s.indexOf('@') + 1);
        return !domain.startsWith(".") && !domain.endsWith(".");
    }

    private static boolean byPatternPhone(String s) {
        if (!PHONE.matcher(s).matches()) {
            return false;
        }
        long digits = s.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15;
    }
}
