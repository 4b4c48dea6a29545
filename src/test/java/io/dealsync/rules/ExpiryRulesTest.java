package io.dealsync.rules;

import io.dealsync.rulecases.CaseDeal;
import static io.dealsync.rules.RuleFixtures.AS_OF;
import static io.dealsync.rules.RuleFixtures.accepting;
import static io.dealsync.rules.RuleFixtures.codes;
import static io.dealsync.rules.RuleFixtures.judge;
import static io.dealsync.rules.RuleFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Field;
import io.dealsync.sync.Decision;
import io.dealsync.sync.Decision.Outcome;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R50 (outcome), R52 (rules/expiry.drl). Received on D: answerable through D+14, expired from D+15. */
class ExpiryRulesTest {
    private static final LocalDate D = LocalDate.of(2026, 5, 1);

    @Test
    void r50ADealArrivingWithinItsWindowStaysReceived() {
        Decision d = judge(D.plusDays(14), received(D), null);
        assertThat(d.violations()).isEmpty();
        assertThat(d.expired()).isFalse();
        assertThat(d.proposed().getSubstatus()).isEqualTo("Received");
    }

    @Test
    void r50ADealArrivingPastItsWindowIsStoredExpiredAndNotified() {
        Decision d = judge(D.plusDays(15), received(D), null);
        assertThat(d.violations()).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.CREATE);
        assertThat(d.expired()).isTrue();
        assertThat(d.proposed().get(Field.SUBSTATUS)).isEqualTo("Expired");
        assertThat(d.notifyEvent()).isEqualTo("Expired");
    }

    @Test
    void r52AcceptingOnTheLastDayOfTheWindowIsFine() {
        CaseDeal stored = received(D);
        Decision d = judge(D.plusDays(14), accepting(stored), stored);
        assertThat(d.violations()).isEmpty();
        assertThat(d.outcome()).isEqualTo(Outcome.UPDATE);
    }

    @Test
    void r52AcceptingTheDayAfterTheWindowIsRefusedAndTheDealExpires() {
        CaseDeal stored = received(D);
        Decision d = judge(D.plusDays(15), accepting(stored), stored);
        assertThat(codes(d)).containsExactly("DEAL_EXPIRED(Partner Referral Substatus)");
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(d.expireStored()).isTrue();
        assertThat(d.notifyEvent()).isEqualTo("Expired");
    }

    @Test
    void r52DecliningPastTheWindowIsRefused() {
        CaseDeal stored = received(D);
        CaseDeal decline = stored.copy().set("Partner Referral Status", "Closed")
                .set("Partner Referral Substatus", "Declined").set("Declined/Lost/Error reason", "2");
        Decision d = judge(D.plusDays(30), decline, stored);
        assertThat(codes(d)).containsExactly("DEAL_EXPIRED(Partner Referral Substatus)");
        assertThat(d.expireStored()).isTrue();
    }

    @Test
    void r52AnAcceptForADealAlreadyExpiredIsDealExpiredNotClosedDealModified() {
        CaseDeal stored = received(D).set("Partner Referral Status", "Closed").set("Partner Referral Substatus", "Expired");
        Decision d = judge(AS_OF, accepting(received(D)), stored);
        assertThat(codes(d)).containsExactly("DEAL_EXPIRED(Partner Referral Substatus)");
        assertThat(d.expireStored()).isFalse(); // it is expired already
    }

    @Test
    void r52ADeclineForADealAlreadyExpiredIsDealExpired() {
        CaseDeal stored = received(D).set("Partner Referral Status", "Closed").set("Partner Referral Substatus", "Expired");
        CaseDeal decline = received(D).set("Partner Referral Status", "Closed")
                .set("Partner Referral Substatus", "Declined").set("Declined/Lost/Error reason", "2");
        assertThat(codes(judge(AS_OF, decline, stored))).containsExactly("DEAL_EXPIRED(Partner Referral Substatus)");
    }

    @Test
    void r52OtherChangesToAnExpiredDealAreClosedDealModified() {
        CaseDeal stored = received(D).set("Partner Referral Status", "Closed").set("Partner Referral Substatus", "Expired");
        assertThat(codes(judge(AS_OF, stored.copy().set("Status Reason", "late"), stored)))
                .containsExactly("CLOSED_DEAL_MODIFIED");
    }

    @Test
    void r50AnUpdateThatLeavesAStoredDealReceivedPastItsWindowExpiresIt() {
        CaseDeal stored = received(D);
        Decision d = judge(D.plusDays(15), stored.copy().set("Notes", "still thinking"), stored);
        assertThat(d.violations()).isEmpty();
        assertThat(d.expired()).isTrue();
        assertThat(d.notifyEvent()).isEqualTo("Expired");
    }
}
