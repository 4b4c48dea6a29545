package io.dealsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {
    /** What canonical() gave before its fast path: the BigDecimal way for every number. */
    private static String byBigDecimal(String text) {
        BigDecimal d = Amounts.parse(text);
        if (d == null) {
            return Text.clean(text);
        }
        d = d.stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    @Test
    void theFastPathGivesWhatBigDecimalGives() {
        String[] samples = {"0", "00", "0.0", "0.50", "5.", ".5", "10", "105500.00", "105500.05", "1000.50", "007",
            "-5", "+5", "1e3", " 12 ", "12.3.4", "", "1,000", "99999999999999999999.000", "0.000001", "1.", "10.10"};
        for (String s : samples) {
            assertThat(Amounts.canonical(s)).as(s).isEqualTo(byBigDecimal(s));
        }
        for (int i = 0; i < 20_000; i++) {
            String s = (i / 100) + "." + String.format("%02d", i % 100);
            assertThat(Amounts.canonical(s)).as(s).isEqualTo(byBigDecimal(s));
            assertThat(Amounts.canonical(String.valueOf(i))).isEqualTo(byBigDecimal(String.valueOf(i)));
        }
    }

    @Test
    void datesAlreadyInIsoFormStayAsGiven() {
        assertThat(Dates.canonical("2026-02-05")).isEqualTo("2026-02-05");
        assertThat(Dates.canonical(" 0999-01-05 ")).isEqualTo("0999-01-05");
        assertThat(Dates.canonical("2026-02-30")).isEqualTo("2026-02-30"); // not a date: kept for the rules
        assertThat(Dates.canonical("2/5/2026")).isEqualTo("2026-02-05");
        assertThat(Dates.canonical("2026-02-05T23:30:00-05:00")).isEqualTo("2026-02-06");
    }
}
