package io.dealsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.rules.ReferenceData;
import io.dealsync.rules.RuleFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A record laid over its stored deal (docs/domain.md, "A record is a snapshot"), and the context it is judged in. */
class DealMergeTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    private static final FileContext FILE = new FileContext(AS_OF, "4001234", Map.of());

    private static ReferenceData ref() {
        return RuleFixtures.book().reference();
    }

    private static Deal stored() {
        Deal d = new Deal().set(Field.CRM_ID, "CRM-1").set(Field.PARTNER_ID, "4009999").set(Field.DIRECTION, "Incoming")
                .set(Field.DEAL_TYPE, "Solution Assessment").set(Field.STATUS, "New").set(Field.SUBSTATUS, "Received")
                .set(Field.NOTES, "stored notes").set(Field.LOCATION, "LOC-1").set(Field.SALES_STAGE, "40")
                .setSolutions(List.of(Solution.parse("SOL-1")));
        d.setId(42);
        d.setStoredOn(LocalDate.of(2026, 5, 25));
        return d;
    }

    private static SourceRecord record(Deal values, String... present) {
        return SourceRecord.csv(9, values, List.of(), Set.of(present));
    }

    @Test
    void aColumnTheRecordCarriesReplacesTheStoredValueEvenWhenEmpty() {
        // given a record with Notes present and empty, and no Location column
        SourceRecord r = record(new Deal().set(Field.CRM_ID, "CRM-1").set(Field.NOTES, ""), "CRM ID", "Notes");
        // when
        Deal p = DealMerge.merge(r, stored(), FILE, ref());
        // then
        assertThat(p.get(Field.NOTES)).isEmpty();
        assertThat(p.get(Field.LOCATION)).isEqualTo("LOC-1");
        assertThat(p.getSolutions()).extracting(Solution::getId).containsExactly("SOL-1"); // no solution columns
        assertThat(p.getId()).isEqualTo(42);
    }

    @Test
    void anEmptyDirectionPartnerOrDealTypeKeepsTheStoredValue() {
        SourceRecord r = record(new Deal(), "Deal Direction", "PartnerID (formerly MPN ID)", "Deal Type", "Location");
        Deal p = DealMerge.merge(r, stored(), FILE, ref());
        assertThat(p.get(Field.DIRECTION)).isEqualTo("Incoming");
        assertThat(p.getPartnerId()).isEqualTo("4009999");
        assertThat(p.get(Field.DEAL_TYPE)).isEqualTo("Solution Assessment");
        assertThat(p.get(Field.LOCATION)).isEmpty();
    }

    @Test
    void theReportedSalesStageIsTheRecordsOwn() {
        SourceRecord r = record(new Deal(), "CRM ID");
        assertThat(DealMerge.merge(r, stored(), FILE, ref()).get(Field.SALES_STAGE)).isEmpty();
    }

    @Test
    void aNewDealTakesTheDefaultsOfItsDirection() {
        SourceRecord outgoing = record(new Deal().set(Field.CRM_ID, "CRM-2").set(Field.DEAL_TYPE, "Solution Assessment"),
                "CRM ID", "Deal Type");
        Deal p = DealMerge.merge(outgoing, null, FILE, ref());
        assertThat(p.get(Field.DIRECTION)).isEqualTo("Outgoing");
        assertThat(p.getPartnerId()).isEqualTo("4001234");
        assertThat(p.getStatusPair()).isEqualTo("Active/Accepted");
        assertThat(p.isSolutionAssessment()).isTrue();

        SourceRecord incoming = record(new Deal().set(Field.DIRECTION, "Incoming"), "Deal Direction");
        assertThat(DealMerge.merge(incoming, null, FILE, ref()).getStatusPair()).isEqualTo("New/Received");
    }

    @Test
    void aDealIsTheEnginesToJudgeOnlyWhenItIsASolutionAssessment() {
        SourceRecord r = record(new Deal().set(Field.DEAL_TYPE, "Consulting"), "Deal Type");
        Deal p = DealMerge.merge(r, null, FILE, ref());
        assertThat(p.isSolutionAssessment()).isFalse();
        assertThat(p.get(Field.DEAL_TYPE)).isEqualTo("Consulting");
    }

    @Test
    void theContextNamesTheStoredDealTheAsOfDateTheLineAndTheAnswerWindow() {
        Deal stored = stored(); // Incoming, Received, first stored 2026-05-25: its 14-day window runs to 2026-06-08
        SourceRecord r = record(new Deal(), "CRM ID");
        Deal p = DealMerge.merge(r, stored, FILE, ref());
        assertThat(p.getStored()).isSameAs(stored);
        assertThat(p.getAsOf()).isEqualTo(AS_OF);
        assertThat(p.getLine()).isEqualTo(9);
        assertThat(p.isExpiryDue()).isFalse();

        FileContext late = new FileContext(AS_OF.plusDays(30), "4001234", Map.of());
        Deal q = DealMerge.merge(r, stored, late, ref());
        assertThat(q.isExpiryDue()).isTrue();
        assertThat(q.isPastAnswerWindow()).isTrue();
    }
}
