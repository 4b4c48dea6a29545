package io.dealsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Hash64;
import io.dealsync.rulecases.CaseDeal;
import io.dealsync.rules.RuleFixtures;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The second night's shortcut: a record whose fingerprint is the one stored with its deal is unchanged with
 * no rules work and no stored deal read; any one column changed, or other rules, and it is judged again.
 */
class UnchangedRecordsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    /** A store holding the deal a first decision created, under the fingerprint that decision kept. */
    private static final class OneDeal implements StoredDeals {
        final Map<Long, KeyRow> keys = new HashMap<>();
        final Map<Long, Deal> deals = new HashMap<>();
        int dealReads;

        OneDeal(Decision created) {
            Deal d = created.proposed().copyContent();
            d.setId(7);
            d.setVersion(1);
            d.setStoredOn(AS_OF);
            for (String k : d.getKeys()) {
                keys.put(Hash64.of(k), new KeyRow(7, created.contentHash()));
            }
            deals.put(7L, d);
        }

        @Override
        public Map<Long, KeyRow> keys(Collection<Long> keyHashes) {
            return keys;
        }

        @Override
        public Map<Long, Deal> deals(Collection<Long> ids) {
            dealReads++;
            return deals;
        }
    }

    private static List<Decision> decide(StoredDeals stored, CaseDeal... records) {
        return decide(stored, AS_OF, records);
    }

    private static List<Decision> decide(StoredDeals stored, LocalDate asOf, CaseDeal... records) {
        List<SourceRecord> in = new java.util.ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            in.add(records[i].toRecord(i + 2L));
        }
        return new ChunkDecider(RuleFixtures.book()).decide(in, stored, new FileContext(asOf, "4001234", Map.of()));
    }

    @Test
    void theSameRecordAgainIsRecognisedUnjudgedAndCountsAsUnchanged() {
        // given the first night stored the deal with the fingerprint of its record
        Decision created = decide(StoredDeals.NONE, RuleFixtures.accepted()).get(0);
        assertThat(created.outcome()).isEqualTo(Decision.Outcome.CREATE);
        assertThat(created.contentHash()).isNotZero();
        OneDeal store = new OneDeal(created);

        // when the second night sends it again
        Decision again = decide(store, RuleFixtures.accepted()).get(0);

        // then it is unchanged, recognised by its fingerprint: no stored deal read, no rule ran
        assertThat(again.outcome()).isEqualTo(Decision.Outcome.UNCHANGED);
        assertThat(again.recognised()).isTrue();
        assertThat(again.violations()).isEmpty();
        assertThat(store.dealReads).isZero();
    }

    @Test
    void anyOneColumnChangedIsJudged() {
        Decision created = decide(StoredDeals.NONE, RuleFixtures.accepted()).get(0);
        for (Field f : List.of(Field.NOTES, Field.ESTIMATED_VALUE, Field.CUSTOMER_CITY, Field.CONTACT_PHONE, Field.SALES_STAGE)) {
            OneDeal store = new OneDeal(created);
            CaseDeal changed = RuleFixtures.accepted().set(f.header(), f == Field.SALES_STAGE ? "20" : "9" + f.ordinal());
            Decision d = decide(store, changed).get(0);
            assertThat(d.recognised()).as(f.header()).isFalse();
            assertThat(d.outcome()).as(f.header()).isIn(Decision.Outcome.UPDATE, Decision.Outcome.REJECT);
            assertThat(store.dealReads).as(f.header()).isEqualTo(1);
        }
    }

    @Test
    void aTeamChangeIsJudged() {
        Decision created = decide(StoredDeals.NONE, RuleFixtures.accepted()).get(0);
        CaseDeal changed = RuleFixtures.accepted().set("Team member 1", "Alex, Durand, +33 6 12 34 56 79, alex.durand@partner.example");
        assertThat(decide(new OneDeal(created), changed).get(0).outcome()).isEqualTo(Decision.Outcome.UPDATE);
    }

    @Test
    void otherRulesJudgeEveryRecordAgain() {
        FileContext ctx = new FileContext(AS_OF, "4001234", Map.of());
        SourceRecord r = RuleFixtures.accepted().toRecord(2);
        assertThat(RecordFingerprint.of(r, RecordFingerprint.salt("rules-a", ctx)))
                .isNotEqualTo(RecordFingerprint.of(r, RecordFingerprint.salt("rules-b", ctx)))
                .isEqualTo(RecordFingerprint.of(RuleFixtures.accepted().toRecord(9), RecordFingerprint.salt("rules-a", ctx)));
    }

    @Test
    void theSameDealTwiceInAFileIsStillADuplicate() {
        Decision created = decide(StoredDeals.NONE, RuleFixtures.accepted()).get(0);
        List<Decision> twice = decide(new OneDeal(created), RuleFixtures.accepted(), RuleFixtures.accepted());
        assertThat(twice.get(0).recognised()).isTrue();
        assertThat(twice.get(1).outcome()).isEqualTo(Decision.Outcome.REJECT);
        assertThat(twice.get(1).violations()).anyMatch(v -> v.code().equals("DUPLICATE_IN_FILE"));
    }

    /**
     * Received on 28 May with a 14-day window: answerable through 11 June, due on the 12th (R50). The same record is
     * recognised every night until then, and judged (and expired) from that day on.
     */
    @Test
    void aDealAwaitingAnAnswerIsRecognisedUntilItsWindowEnds() {
        CaseDeal received = RuleFixtures.accepted().set("Deal Direction", "Incoming").set("Partner Referral Status", "New")
                .set("Partner Referral Substatus", "Received").set("Received Date", "2026-05-28");
        Decision created = decide(StoredDeals.NONE, received).get(0);
        assertThat(created.outcome()).isEqualTo(Decision.Outcome.CREATE);
        assertThat(created.contentHash()).isNotZero();
        for (LocalDate night : List.of(AS_OF, LocalDate.of(2026, 6, 11))) {
            OneDeal store = new OneDeal(created);
            Decision again = decide(store, night, received).get(0);
            assertThat(again.recognised()).as(night.toString()).isTrue();
            assertThat(store.dealReads).as(night.toString()).isZero();
        }
        OneDeal store = new OneDeal(created);
        Decision due = decide(store, LocalDate.of(2026, 6, 12), received).get(0);
        assertThat(due.recognised()).isFalse();
        assertThat(due.expired()).isTrue();
        assertThat(store.dealReads).isEqualTo(1);
        // a record with another Received Date (another due date) is judged like any changed column
        CaseDeal later = received.set("Received Date", "2026-05-29");
        assertThat(decide(new OneDeal(created), later).get(0).recognised()).isFalse();
    }

    /** Neither Received Date nor Created Date: the window counts from the day it was stored, so it keeps no print. */
    @Test
    void aDealAwaitingAnAnswerWithoutItsDatesKeepsNoFingerprint() {
        CaseDeal received = RuleFixtures.accepted().set("Deal Direction", "Incoming").set("Partner Referral Status", "New")
                .set("Partner Referral Substatus", "Received").set("Received Date", "").set("Created Date", "");
        Decision d = decide(StoredDeals.NONE, received).get(0);
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.CREATE);
        assertThat(d.contentHash()).isZero();
    }
}
