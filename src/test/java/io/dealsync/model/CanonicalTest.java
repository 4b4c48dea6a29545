package io.dealsync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A canonical value is its own canonical form: {@link Deal#setFrom} copies values between deals on that
 * promise instead of tidying each again.
 */
class CanonicalTest {
    private static final List<String> VALUES = List.of("", " ", "  Incoming ", "incoming", "INCOMING", "true", "no",
            "solution assessment", "co-sell", "Won", "1000.00", "0105", "-5", "+7", "1e3", "1,000.50", "0.50", "00",
            "12 345", ".5", "5.", "2026-11-26", "2026-11-26T10:00:00Z", "26/11/2026", "11/26/2026", "2026-1-5",
            "20261126", "2026-02-30", "not a date", "eur", "fr", "a\u0000b", "tab\there", "line\nbreak", "\uFEFFbom",
            "caf\u00e9", "\u00a0nbsp\u00a0", "x".repeat(600), "=HYPERLINK(\"x\")", "'quoted", "\"", "\u2028");

    @Test
    void tidyingATidyValueAgainChangesNothing() {
        for (Field f : Field.values()) {
            for (String v : VALUES) {
                String once = new Deal().set(f, v).get(f);
                assertThat(new Deal().set(f, once).get(f)).as("%s [%s]", f, v).isEqualTo(once);
            }
        }
    }

    @Test
    void aValueTakenFromAnotherDealIsTheSameAsSetAgain() {
        Deal from = new Deal().set(Field.ESTIMATED_VALUE, "1000.00").set(Field.DIRECTION, "incoming");
        Deal to = new Deal().setFrom(Field.ESTIMATED_VALUE, from).setFrom(Field.DIRECTION, from);
        assertThat(to.get(Field.ESTIMATED_VALUE)).isEqualTo("1000");
        assertThat(to.get(Field.DIRECTION)).isEqualTo("Incoming");
    }
}
