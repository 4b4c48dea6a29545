package io.dealsync.rules;

import io.dealsync.rulecases.CaseDeal;
import static io.dealsync.rules.RuleFixtures.accepted;
import static io.dealsync.rules.RuleFixtures.accepting;
import static io.dealsync.rules.RuleFixtures.codes;
import static io.dealsync.rules.RuleFixtures.judge;
import static io.dealsync.rules.RuleFixtures.received;
import static io.dealsync.rules.RuleFixtures.won;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.sync.Decision;
import io.dealsync.sync.Decision.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R30-R32 (rules/changes.drl). */
class ChangeRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Won", "Lost", "Declined", "Expired", "Error"})
    void r30AClosedDealSentAgainUnchangedIsANoOp(String substatus) {
        CaseDeal stored = closed(substatus);
        Decision d = judge(stored.copy(), stored);
        assertThat(d.violations()).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(d.notifyEvent()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Won", "Lost", "Declined", "Expired", "Error"})
    void r30AnyDifferenceToAClosedDealIsRefused(String substatus) {
        CaseDeal stored = closed(substatus);
        Decision d = judge(stored.copy().set("Status Reason", "one more remark"), stored);
        assertThat(codes(d)).containsExactly("CLOSED_DEAL_MODIFIED");
        assertThat(d.violations().get(0).message()).endsWith("(changed: Status Reason)");
    }

    @Test
    void r30AClosedDealCannotBeReopened() {
        CaseDeal stored = closed("Lost");
        Decision d = judge(stored.copy().set("Partner Referral Status", "Active").set("Partner Referral Substatus", "Accepted")
                .set("Declined/Lost/Error reason", ""), stored);
        assertThat(codes(d)).containsExactly("CLOSED_DEAL_MODIFIED");
    }

    @Test
    void r30ADuplicateReSendOfAClosedDealIsStillADuplicate() {
        CaseDeal stored = closed("Won");
        var d = RuleFixtures.judgeFile(RuleFixtures.AS_OF, java.util.List.of(stored.copy(), stored.copy()), stored);
        assertThat(d.get(0).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(codes(d.get(1))).containsExactly("DUPLICATE_IN_FILE");
    }

    static CaseDeal closed(String substatus) {
        return switch (substatus) {
            case "Won" -> won();
            case "Lost", "Error" -> accepted().set("Partner Referral Status", "Closed").set("Partner Referral Substatus", substatus)
                    .set("Declined/Lost/Error reason", "3");
            default -> received().set("Partner Referral Status", "Closed").set("Partner Referral Substatus", substatus)
                    .set("Declined/Lost/Error reason", substatus.equals("Declined") ? "3" : "");
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Location|LOC-FR-LILLE",
            "Assessment Location|LOC-FR-LILLE",
            "Deal Direction|Incoming",
            "PartnerID (formerly MPN ID)|4009999",
            "Customer Name|Contoso Group",
            "Customer Address Line 1|14 rue de la Paix",
            "Customer Address Line 2|Building B",
            "Customer City|Versailles",
            "Customer State|Normandie",
            "Customer Postal code|75001",
            "Customer Country|BE",
            "Customer D-U-N-S ID|987654321",
            "Solution 1|SOL-SA-SECURITY"})
    void r31EachFieldFixedAtCreationCannotChange(String column, String value) {
        // found by Referral ID, so that a new PartnerID still finds the deal
        CaseDeal stored = accepted().set("Referral ID", "R-1001");
        Decision d = judge(stored.copy().set(column, value), stored);
        assertThat(codes(d)).containsExactly("IMMUTABLE_FIELD_CHANGED(" + column + ")");
    }

    @Test
    void r31ConsentCannotChange() {
        CaseDeal stored = accepted();
        assertThat(codes(judge(stored.copy().set("Consent to share Customer/Partner contact", "No"), stored)))
                .containsExactly("CONSENT_REQUIRED(Consent to share Customer/Partner contact)",
                        "IMMUTABLE_FIELD_CHANGED(Consent to share Customer/Partner contact)");
    }

    @Test
    void r31ImmutableFieldsMayBeSetOnAReceivedDealOnlyAsTheyWere() {
        CaseDeal stored = received();
        assertThat(codes(judge(accepting(stored).set("Customer City", "Villeurbanne"), stored)))
                .containsExactly("IMMUTABLE_FIELD_CHANGED(Customer City)");
    }

    @Test
    void r31EmptyDirectionAndPartnerIdKeepTheStoredValue() {
        CaseDeal stored = accepted();
        Decision d = judge(stored.copy().set("Deal Direction", "").set("PartnerID", ""), stored);
        assertThat(d.violations()).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void r32TheEditableFieldsMayChange() {
        CaseDeal stored = accepting(received());
        Decision d = judge(stored.copy()
                .set("Deal Name", "Fabrikam data estate assessment (phase 1)")
                .set("Estimated Deal Value", "21000")
                .set("Estimated Close Date", "2026-11-15")
                .set("Notes", "Scope extended.")
                .set("CRM ID", "OPP-778")
                .set("Marketing Campaign ID", "CAMP-2026")
                .set("Team member 1", "Sam, Lee, +33 6 98 76 54 32, sam.lee@partner.example")
                .set("Team member 2", "Alex, Durand, +33 6 12 34 56 78, alex.durand@partner.example"), stored);
        assertThat(d.violations()).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.UPDATE);
    }

    @Test
    void absentColumnsKeepTheStoredValuePresentEmptyOnesAreJudged() {
        CaseDeal stored = accepted();
        assertThat(judge(stored.copy().remove("Notes"), stored).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(codes(judge(stored.copy().set("Notes", ""), stored))).containsExactly("REQUIRED_FIELD(Notes)");
    }
}
