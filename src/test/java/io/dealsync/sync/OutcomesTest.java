package io.dealsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import io.dealsync.rules.ReferenceData;
import io.dealsync.rules.RuleFixtures;
import io.dealsync.rules.Wording;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What becomes of a record once the rules have judged it: outcome, expiry, notification, fingerprint kept. */
class OutcomesTest {
    private static final long PRINT = 1234;
    private static final Violation ERROR = new Violation("DEAL_EXPIRED", "", "expired", Severity.ERROR, "");

    private static ReferenceData ref() {
        return RuleFixtures.book().reference();
    }

    private static SourceRecord record(Deal d) {
        return SourceRecord.csv(2, d, List.of(), Set.of());
    }

    private static Deal deal(String direction, String status, String substatus) {
        Deal d = new Deal().set(Field.CRM_ID, "CRM-1").set(Field.DIRECTION, direction).set(Field.STATUS, status)
                .set(Field.SUBSTATUS, substatus);
        d.context().solutionAssessment(true);
        return d;
    }

    private static Decision of(Deal p, Deal stored, List<Violation> raised) {
        return Outcomes.of(record(p), p, stored, raised, ref(), Wording.CANONICAL, PRINT);
    }

    @Test
    void aMalformedRecordIsRejectedWithItsReason() {
        SourceRecord r = SourceRecord.malformedCsv(5, "an unclosed quote", List.of());
        Decision d = Outcomes.of(r, null, null, List.of(), ref(), Wording.CANONICAL, PRINT);
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.REJECT);
        assertThat(d.violations()).extracting(Violation::code).containsExactly("MALFORMED_RECORD");
    }

    @Test
    void aDealThatIsNoSolutionAssessmentIsSkipped() {
        Deal p = new Deal();
        assertThat(of(p, null, List.of()).outcome()).isEqualTo(Decision.Outcome.SKIP);
    }

    @Test
    void aNewDealIsCreatedWithItsDerivedStageAndKeepsItsFingerprint() {
        Deal p = deal("Outgoing", "Active", "Accepted").set(Field.SALES_STAGE, "Qualify");
        Decision d = of(p, null, List.of());
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.CREATE);
        assertThat(p.get(Field.SALES_STAGE)).isEqualTo("10");
        assertThat(d.contentHash()).isEqualTo(PRINT);
        assertThat(d.notifyEvent()).isNull();
    }

    @Test
    void aReceivedDealPastItsWindowExpiresAndItsSenderIsTold() {
        Deal p = deal("Incoming", "New", "Received");
        p.context().expiryDue(true);
        Decision d = of(p, null, List.of());
        assertThat(p.getStatusPair()).isEqualTo("Closed/Expired");
        assertThat(d.expired()).isTrue();
        assertThat(d.notifyEvent()).isEqualTo("Expired");
        assertThat(d.contentHash()).isZero(); // judged again next time
    }

    @Test
    void aDealAwaitingAnAnswerKeepsItsFingerprintTiedToTheDayItIsDue() {
        Deal p = deal("Incoming", "New", "Received").set(Field.RECEIVED_DATE, "2026-11-01");
        assertThat(of(p, null, List.of()).contentHash())
                .isEqualTo(RecordFingerprint.untilDue(PRINT, java.time.LocalDate.of(2026, 11, 16))).isNotEqualTo(PRINT);
        // without Received Date or Created Date its window counts from the day it is stored: no print
        assertThat(of(deal("Incoming", "New", "Received"), null, List.of()).contentHash()).isZero();
    }

    @Test
    void aDeclineIsToldOnceAndAResendIsUnchanged() {
        Deal stored = deal("Incoming", "Closed", "Declined");
        Deal p = stored.copyContent();
        p.context().solutionAssessment(true);
        Decision d = of(p, stored, List.of());
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.UNCHANGED);
        assertThat(d.notifyEvent()).isNull();
        Deal declining = deal("Incoming", "Closed", "Declined");
        assertThat(of(declining, deal("Incoming", "New", "Received"), List.of()).notifyEvent()).isEqualTo("Declined");
    }

    @Test
    void answeringAnExpiredDealIsRejectedAndTheStoredDealExpires() {
        Deal stored = deal("Incoming", "New", "Received");
        Deal p = deal("Incoming", "Active", "Accepted");
        p.context().stored(stored).expiryDue(true);
        p.violates("DEAL_EXPIRED", "Partner Referral Substatus");
        Decision d = of(p, stored, List.of(ERROR));
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.REJECT);
        assertThat(d.expireStored()).isTrue();
        assertThat(d.notifyEvent()).isEqualTo("Expired");
    }
}
