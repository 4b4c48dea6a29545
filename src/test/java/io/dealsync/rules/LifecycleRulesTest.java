package io.dealsync.rules;

import io.dealsync.rulecases.CaseDeal;
import static io.dealsync.rules.RuleFixtures.accepted;
import static io.dealsync.rules.RuleFixtures.accepting;
import static io.dealsync.rules.RuleFixtures.codes;
import static io.dealsync.rules.RuleFixtures.judge;
import static io.dealsync.rules.RuleFixtures.marked;
import static io.dealsync.rules.RuleFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.sync.Decision;
import io.dealsync.sync.Decision.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R20-R24 (rules/lifecycle.drl). */
class LifecycleRulesTest {

    private static CaseDeal status(CaseDeal d, String status, String substatus) {
        d.set("Partner Referral Status", status).set("Partner Referral Substatus", substatus);
        if (substatus.equals("Declined") || substatus.equals("Lost") || substatus.equals("Error")) {
            d.set("Declined/Lost/Error reason", "2");
        }
        if (substatus.equals("Won")) {
            marked(d, 4).set("Sales Stage", "100");
        }
        return d;
    }

    @ParameterizedTest
    @CsvSource({"Active,Won", "New,Accepted", "Closed,Received", "Closed,Pending", "Active,Qualified", "'',Accepted", "Closed,''"})
    void r20OnlyTheApiPairsAreAllowed(String status, String substatus) {
        Decision d = judge(accepted().set("Partner Referral Status", status).set("Partner Referral Substatus", substatus));
        assertThat(codes(d)).containsExactly("INVALID_STATUS(Partner Referral Substatus)");
    }

    @ParameterizedTest
    @CsvSource({"New,Received", "New,Pending", "Closed,Declined", "Closed,Expired"})
    void r21AnOutgoingDealIsNotFirstSeenBeforeAcceptance(String status, String substatus) {
        Decision d = judge(status(accepted(), status, substatus));
        assertThat(codes(d)).containsExactly("INVALID_STATUS(Partner Referral Substatus)");
        assertThat(d.violations().get(0).message()).contains("Outgoing deal first seen as " + status + "/" + substatus);
    }

    @ParameterizedTest
    @CsvSource({"Active,Accepted", "Closed,Won", "Closed,Lost", "Closed,Error"})
    void r21AnOutgoingDealMayBeFirstSeenAccepted(String status, String substatus) {
        assertThat(codes(judge(status(accepted(), status, substatus)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"New,Received", "New,Pending", "Active,Accepted", "Closed,Declined", "Closed,Won", "Closed,Lost", "Closed,Error"})
    void r21AnIncomingDealMayBeFirstSeenInAnyStateButExpired(String status, String substatus) {
        assertThat(codes(judge(status(accepting(received()), status, substatus)))).isEmpty();
    }

    @Test
    void r21NoDealIsFirstSeenExpired() {
        assertThat(codes(judge(status(received(), "Closed", "Expired"))))
                .containsExactly("INVALID_STATUS(Partner Referral Substatus)");
    }

    @ParameterizedTest
    @CsvSource({"Declined", "Lost", "Error"})
    void r22DeclinedLostAndErrorNeedAReason(String substatus) {
        CaseDeal r = status(substatus.equals("Declined") ? received() : accepted(), "Closed", substatus)
                .set("Declined/Lost/Error reason", "");
        assertThat(codes(judge(r))).containsExactly("REASON_REQUIRED(Declined/Lost/Error reason)");
    }

    // ---------------------------------------------------------------- R23, every allowed and refused move

    @ParameterizedTest
    @CsvSource({"New,Received", "New,Pending", "Active,Accepted", "Closed,Declined"})
    void r23AllowedMovesFromReceived(String status, String substatus) {
        CaseDeal stored = received();
        Decision d = judge(status(accepting(stored), status, substatus), stored);
        assertThat(codes(d)).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.UPDATE);
    }

    @ParameterizedTest
    @CsvSource({"Closed,Won", "Closed,Lost", "Closed,Error", "Closed,Expired"})
    void r23RefusedMovesFromReceived(String status, String substatus) {
        CaseDeal stored = accepting(received()).set("Partner Referral Status", "New")
                .set("Partner Referral Substatus", "Received");
        Decision d = judge(status(stored.copy(), status, substatus), stored);
        assertThat(codes(d)).containsExactly("INVALID_TRANSITION(Partner Referral Substatus)");
        assertThat(d.violations().get(0).message()).endsWith("(Received -> " + substatus + ")");
    }

    @Test
    void r23APendingDealMovesLikeAReceivedOne() {
        CaseDeal stored = accepting(received()).set("Partner Referral Status", "New").set("Partner Referral Substatus", "Pending");
        assertThat(codes(judge(status(stored.copy(), "Active", "Accepted"), stored))).isEmpty();
        assertThat(codes(judge(status(stored.copy(), "Closed", "Won"), stored)))
                .containsExactly("INVALID_TRANSITION(Partner Referral Substatus)");
    }

    @ParameterizedTest
    @CsvSource({"Active,Accepted", "Closed,Won", "Closed,Lost", "Closed,Error"})
    void r23AllowedMovesFromAccepted(String status, String substatus) {
        CaseDeal stored = accepted();
        Decision d = judge(status(stored.copy().set("Notes", "moved on"), status, substatus), stored);
        assertThat(codes(d)).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.UPDATE);
    }

    @ParameterizedTest
    @CsvSource({"New,Received", "New,Pending", "Closed,Declined", "Closed,Expired"})
    void r23RefusedMovesFromAccepted(String status, String substatus) {
        CaseDeal stored = accepted();
        Decision d = judge(status(stored.copy(), status, substatus), stored);
        assertThat(codes(d)).containsExactly("INVALID_TRANSITION(Partner Referral Substatus)");
        assertThat(d.violations().get(0).message()).endsWith("(Accepted -> " + substatus + ")");
    }

    @ParameterizedTest
    @CsvSource({"Deal Name", "Estimated Deal Value", "Estimated Close Date", "Notes"})
    void r24AcceptingAReceivedDealNeedsItsDetails(String column) {
        CaseDeal stored = received();
        assertThat(codes(judge(accepting(stored).set(column, ""), stored))).containsExactly("REQUIRED_FIELD(" + column + ")");
    }

    @Test
    void r24AnAcceptCarryingOnlyItsStatusKeepsTheStoredDetails() {
        CaseDeal stored = accepting(received()).set("Partner Referral Status", "New").set("Partner Referral Substatus", "Received");
        CaseDeal accept = new CaseDeal().set("Referral ID", "R-2001").set("Partner Referral Status", "Active")
                .set("Partner Referral Substatus", "Accepted");
        Decision d = judge(accept, stored);
        assertThat(codes(d)).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.UPDATE);
    }
}
