package io.dealsync.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The collector a deal's violates(...) reports to. */
class FindingsTest {
    @Test
    void keepsWhatIsRaisedInFiringOrderWithEmptyForAbsentParts() {
        // given
        Deal deal = new Deal();
        // when
        deal.violates("REQUIRED_FIELD", "Notes");
        deal.violates("INVALID_VALUE", "Currency", "EURO is not a code");
        deal.violates("DUPLICATE_IN_FILE");
        deal.violates("REQUIRED_FIELD", null, null);
        // then
        assertThat(deal.findings().list()).containsExactly(
                new Finding("REQUIRED_FIELD", "Notes", ""),
                new Finding("INVALID_VALUE", "Currency", "EURO is not a code"),
                new Finding("DUPLICATE_IN_FILE", "", ""),
                new Finding("REQUIRED_FIELD", "", ""));
        assertThat(deal.findings().has("INVALID_VALUE")).isTrue();
        assertThat(deal.findings().has("DEAL_EXPIRED")).isFalse();
    }

    @Test
    void aDealThatRaisesNothingHasAnEmptyList() {
        assertThat(new Deal().findings().list()).isEmpty();
        assertThat(new Deal().findings().has("REQUIRED_FIELD")).isFalse();
    }

    @Test
    void aColumnThatIsNoColumnOfTheRejectRowIsARuleTypo() {
        Findings findings = new Findings();
        assertThatThrownBy(() -> findings.add("REQUIRED_FIELD", "Notez", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"Notez\" is not a column (did you mean \"Notes\"?)");
        assertThat(findings.list()).isEmpty();
    }

    @Test
    void listMembersAreColumnsOfTheRejectRow() {
        Findings findings = new Findings();
        findings.add("TEAM_INCOMPLETE", "Team member 2", "the phone is missing");
        assertThat(findings.list()).extracting(Finding::column).containsExactly("Team member 2");
    }
}
