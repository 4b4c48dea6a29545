package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileAmountFormatTest {

    @Test
    void theThousandsSeparatorIsNamedOrWritten() {
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf("")).isEmpty();
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf("none")).isEmpty();
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf(" ")).isEqualTo(Spaces.ALL);
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf("NBSP")).isEqualTo(Spaces.ALL);
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf("\u00a0")).isEqualTo(Spaces.ALL);
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf(".")).isEqualTo(".");
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf("apostrophe")).isEqualTo("'\u2019");
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf("\u2019")).isEqualTo("'\u2019");
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf("x")).isNull();
        assertThat(ProfileAmountFormat.thousandsSeparatorsOf("dots")).isNull();
    }

    @Test
    void groupsOfThreeDigitsOnlyAndTheDecimalSeparatorOnce() {
        ProfileAmountFormat fr = new ProfileAmountFormat(',', Spaces.ALL);

        assertThat(fr.decimalSeparator()).isEqualTo(',');
        assertThat(fr.toPlain("1 234,56")).isEqualTo("1234.56");
        assertThat(fr.toPlain("1\u202f234\u00a0567,8")).isEqualTo("1234567.8");
        assertThat(fr.toPlain("+1 234")).isEqualTo("1234");
        assertThat(fr.toPlain("-12,5")).isEqualTo("-12.5");
        assertThat(fr.toPlain("  ")).isEmpty();
        assertThat(fr.toPlain("1 23,4")).isNull();
        assertThat(fr.toPlain("1234 567")).isNull();
        assertThat(fr.toPlain("1,2,3")).isNull();
        assertThat(fr.toPlain("12,")).isNull();
        assertThat(fr.toPlain("1234.56")).isNull(); // not silently 123456
        assertThat(fr.toPlain("-")).isNull();
    }

    @Test
    void theCanonicalFormHasNoThousandsSeparator() {
        assertThat(ProfileAmountFormat.CANONICAL.toPlain("1234.50")).isEqualTo("1234.5");
        assertThat(ProfileAmountFormat.CANONICAL.toPlain("1,234.50")).isNull();
    }
}
