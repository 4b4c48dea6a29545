package io.dealsync.rules;

import io.dealsync.rulecases.CaseDeal;
import static io.dealsync.rules.RuleFixtures.accepted;
import static io.dealsync.rules.RuleFixtures.codes;
import static io.dealsync.rules.RuleFixtures.judge;
import static io.dealsync.rules.RuleFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.sync.Decision;
import io.dealsync.sync.Decision.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R1-R8 (rules/creation.drl), through the engine's path. */
class CreationRulesTest {

    @Test
    void aCompleteAcceptedDealIsCreated() {
        Decision d = judge(accepted());
        assertThat(codes(d)).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.CREATE);
    }

    @Test
    void aCompleteReceivedDealIsCreatedWithoutDealDetails() {
        assertThat(codes(judge(received()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Deal Name", "Location", "Estimated Deal Value", "Currency", "Estimated Close Date", "Notes",
            "Customer Name", "Customer Country"})
    void r1EachColumnIsRequiredOnAnAcceptedDeal(String column) {
        Decision d = judge(accepted().set(column, ""));
        assertThat(codes(d)).containsExactly("REQUIRED_FIELD(" + column + ")");
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
    }

    @ParameterizedTest
    @CsvSource({"Closed,Won", "Closed,Lost", "Closed,Error"})
    void r1AppliesToClosedDealsTheEngineSeesFirst(String status, String substatus) {
        CaseDeal r = RuleFixtures.won().set("Partner Referral Status", status).set("Partner Referral Substatus", substatus)
                .set("Declined/Lost/Error reason", substatus.equals("Won") ? "" : "1").set("Notes", "")
                .set("Sales Stage", substatus.equals("Won") ? "100" : "80");
        assertThat(codes(judge(r))).containsExactly("REQUIRED_FIELD(Notes)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Customer Name", "Customer Country", "Location"})
    void r1AReceivedDealStillNeedsCustomerAndLocation(String column) {
        assertThat(codes(judge(received().set(column, "")))).containsExactly("REQUIRED_FIELD(" + column + ")");
    }

    @Test
    void r1AnIncomingDeclinedDealNeedsOnlyTheReceivedColumns() {
        CaseDeal r = received().set("Partner Referral Status", "Closed").set("Partner Referral Substatus", "Declined")
                .set("Declined/Lost/Error reason", "6").set("Assessment Location", "")
                .set("Consent to share Customer/Partner contact", "").set("Customer Contact Email Address", "");
        Decision d = judge(r);
        assertThat(codes(d)).isEmpty();
        assertThat(d.notifyEvent()).isEqualTo("Declined");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-10", "25k", "1,000", "abc"})
    void r2EstimatedValueIsANumberAboveZero(String value) {
        assertThat(codes(judge(accepted().set("Estimated Deal Value", value))))
                .containsExactly("INVALID_VALUE(Estimated Deal Value)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "1", "1000000.50"})
    void r2PositiveValuesAreFine(String value) {
        assertThat(codes(judge(accepted().set("Estimated Deal Value", value)))).isEmpty();
    }

    @Test
    void r2CurrencyIsIso4217WhateverItsCase() {
        assertThat(codes(judge(accepted().set("Currency", "EURO")))).containsExactly("INVALID_VALUE(Currency)");
        assertThat(codes(judge(accepted().set("Currency", "XYZ")))).containsExactly("INVALID_VALUE(Currency)");
        assertThat(codes(judge(accepted().set("Currency", "usd")))).isEmpty();
        assertThat(codes(judge(accepted().set("Currency", "JPY")))).isEmpty();
    }

    @Test
    void r2CustomerCountryIsIso3166Alpha2() {
        assertThat(codes(judge(accepted().set("Customer Country", "FRA")))).containsExactly("INVALID_VALUE(Customer Country)");
        assertThat(codes(judge(accepted().set("Customer Country", "XX")))).containsExactly("INVALID_VALUE(Customer Country)");
        assertThat(codes(judge(accepted().set("Customer Country", "de")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "1234567890", "12-345-6789", "12345678A"})
    void r2DunsIsNineDigits(String duns) {
        assertThat(codes(judge(accepted().set("Customer D-U-N-S ID", duns)))).containsExactly("INVALID_VALUE(Customer D-U-N-S ID)");
    }

    @Test
    void r2DunsMayBeEmpty() {
        assertThat(codes(judge(accepted().set("Customer D-U-N-S ID", "")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Estimated Close Date", "Created Date", "Received Date", "Stage Secure LOE Date"})
    void r2EveryDateColumnParses(String column) {
        CaseDeal r = accepted().set(column, "2026-02-30");
        if (column.startsWith("Stage")) {
            r.set("Sales Stage", "20");
        }
        assertThat(codes(judge(r))).containsExactly("INVALID_VALUE(" + column + ")");
    }

    @Test
    void r2DatesReadIsoAndTemplateForms() {
        assertThat(codes(judge(accepted().set("Estimated Close Date", "12/31/2026")))).isEmpty();
        assertThat(codes(judge(accepted().set("Estimated Close Date", "2026-12-31T10:00:00Z")))).isEmpty();
        assertThat(codes(judge(accepted().set("Estimated Close Date", "31/12/2026"))))
                .containsExactly("INVALID_VALUE(Estimated Close Date)");
    }

    @Test
    void r2ConsentIsYesOrNo() {
        assertThat(codes(judge(accepted().set("Consent to share Customer/Partner contact", "Maybe"))))
                .containsExactly("CONSENT_REQUIRED(Consent to share Customer/Partner contact)",
                        "INVALID_VALUE(Consent to share Customer/Partner contact)");
        assertThat(codes(judge(accepted().set("Consent to share Customer/Partner contact", "true")))).isEmpty();
    }

    @Test
    void r2DirectionIsIncomingOrOutgoing() {
        assertThat(codes(judge(accepted().set("Deal Direction", "Inbound")))).containsExactly("INVALID_VALUE(Deal Direction)");
        assertThat(codes(judge(accepted().set("Deal Direction", "outgoing")))).isEmpty();
    }

    @Test
    void r2PresentValuesAreCheckedWhateverTheState() {
        assertThat(codes(judge(received().set("Currency", "XYZ").set("Estimated Deal Value", "-1"))))
                .containsExactly("INVALID_VALUE(Currency)", "INVALID_VALUE(Estimated Deal Value)");
    }

    @ParameterizedTest
    @CsvSource({"Lost,9", "Lost,0", "Declined,9", "Error,10", "Error,x"})
    void r2AReasonCodeOutsideItsRangeIsInvalid(String substatus, String reason) {
        CaseDeal r = (substatus.equals("Declined") ? received() : accepted())
                .set("Partner Referral Status", "Closed").set("Partner Referral Substatus", substatus)
                .set("Declined/Lost/Error reason", reason);
        assertThat(codes(judge(r))).containsExactly("INVALID_VALUE(Declined/Lost/Error reason)");
    }

    @ParameterizedTest
    @CsvSource({"Lost,1", "Lost,8", "Declined,1", "Declined,8", "Error,1", "Error,9"})
    void r2AReasonCodeInsideItsRangeIsFine(String substatus, String reason) {
        CaseDeal r = (substatus.equals("Declined") ? received() : accepted())
                .set("Partner Referral Status", "Closed").set("Partner Referral Substatus", substatus)
                .set("Declined/Lost/Error reason", reason);
        assertThat(codes(judge(r))).isEmpty();
    }

    @Test
    void r3TheCustomerContactIsCompleteAndPlausible() {
        assertThat(codes(judge(accepted().set("Customer Contact Email Address", "camille@contoso"))))
                .containsExactly("CUSTOMER_CONTACT_INCOMPLETE(Customer Contact Email Address)");
        assertThat(codes(judge(accepted().set("Customer Contact Phone number", "12 34"))))
                .containsExactly("CUSTOMER_CONTACT_INCOMPLETE(Customer Contact Phone number)");
        assertThat(codes(judge(accepted().set("Customer Contact Last Name", ""))))
                .containsExactly("CUSTOMER_CONTACT_INCOMPLETE(Customer Contact Last Name)");
        // .example domains and phone punctuation are plausible
        assertThat(codes(judge(accepted().set("Customer Contact Phone number", "(555) 010-2030")))).isEmpty();
    }

    @Test
    void r3AReceivedDealNeedsNoContactYet() {
        assertThat(codes(judge(received().set("Customer Contact Email Address", "")))).isEmpty();
    }

    @Test
    void r4AtLeastOneTeamMember() {
        assertThat(codes(judge(accepted().set("Team member 1", "")))).containsExactly("TEAM_REQUIRED(Team member 1)");
        assertThat(codes(judge(accepted().remove("Team member 1")))).containsExactly("TEAM_REQUIRED(Team member 1)");
    }

    @Test
    void r4EveryTeamMemberIsCompleteAndPlausible() {
        assertThat(codes(judge(accepted().set("Team member 2", "Sam, Lee, , sam@partner.example"))))
                .containsExactly("TEAM_MEMBER_INCOMPLETE(Team member 2)");
        assertThat(codes(judge(accepted().set("Team member 2", "Sam, Lee, 123, sam@partner.example"))))
                .containsExactly("TEAM_MEMBER_INCOMPLETE(Team member 2)");
        assertThat(codes(judge(accepted().set("Team member 2", "Sam, Lee, +1 555 010 2030, sam@partner.example")))).isEmpty();
    }

    @Test
    void r5ExactlyOneSolution() {
        assertThat(codes(judge(accepted().set("Solution 2", "SOL-1234-PQRS")))).containsExactly("SOLUTION_COUNT(Solution 1)");
        assertThat(codes(judge(accepted().set("Solution 2", "SOL-SA-AI")))).containsExactly("SOLUTION_COUNT(Solution 1)");
        assertThat(codes(judge(accepted().set("Solution 1", "")))).containsExactly("SOLUTION_COUNT(Solution 1)");
    }

    @Test
    void r5TheSolutionIsInTheCatalogue() {
        assertThat(codes(judge(accepted().set("Solution 1", "SOL-1234-PQRS"))))
                .containsExactly("UNKNOWN_ASSESSMENT_TYPE(Solution 1)");
        assertThat(codes(judge(accepted().set("Solution 1", "SOL-SA-AI, USD, 0, 1")))).isEmpty();
    }

    @Test
    void aDealWithoutAnAssessmentIsSkippedNotJudged() {
        Decision d = judge(accepted().set("Deal Type", "Co-sell").set("Solution 1", "SOL-1234-PQRS").set("Notes", ""));
        assertThat(d.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(d.violations()).isEmpty();
    }

    @Test
    void r6TheAssessmentLocationIsRequiredOnceAccepted() {
        assertThat(codes(judge(accepted().set("Assessment Location", ""))))
                .containsExactly("ASSESSMENT_LOCATION_REQUIRED(Assessment Location)");
        assertThat(codes(judge(received().set("Assessment Location", "")))).isEmpty();
    }

    @Test
    void r7ConsentIsYesOnceAccepted() {
        assertThat(codes(judge(accepted().set("Consent to share Customer/Partner contact", "No"))))
                .containsExactly("CONSENT_REQUIRED(Consent to share Customer/Partner contact)");
        assertThat(codes(judge(accepted().set("Consent to share Customer/Partner contact", ""))))
                .containsExactly("CONSENT_REQUIRED(Consent to share Customer/Partner contact)");
        assertThat(codes(judge(received().set("Consent to share Customer/Partner contact", "No")))).isEmpty();
    }

    @Test
    void r8AReferralIdOrACrmIdIsPresent() {
        assertThat(codes(judge(accepted().set("CRM ID", "")))).containsExactly("MISSING_KEY(CRM ID)");
        assertThat(codes(judge(received().set("Referral ID", "")))).containsExactly("MISSING_KEY(CRM ID)");
        assertThat(codes(judge(accepted().set("CRM ID", "").set("Referral ID", "R-9")))).isEmpty();
    }

    @Test
    void everyRuleThatFiresIsReported() {
        Decision d = judge(accepted().set("Notes", "").set("Currency", "EURO").set("Team member 1", ""));
        assertThat(codes(d)).containsExactly("INVALID_VALUE(Currency)", "REQUIRED_FIELD(Notes)", "TEAM_REQUIRED(Team member 1)");
        assertThat(d.violations()).filteredOn(v -> v.code().equals("INVALID_VALUE"))
                .extracting(v -> v.message()).containsExactly("Currency does not hold a valid value ('EURO' is not in currencies.csv)");
    }
}
