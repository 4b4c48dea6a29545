package io.dealsync.sync;

import io.dealsync.ingest.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Hash64;
import io.dealsync.model.Violation;
import io.dealsync.rules.Judge;
import io.dealsync.rules.ReferenceData;
import io.dealsync.rules.RuleBook;
import io.dealsync.model.ColumnLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides a chunk of records: looks up their stored deals in one call, lays each record over its stored
 * deal (a record is a snapshot: a column it carries replaces the stored value, a column it lacks keeps
 * it), runs the rule book once for the whole chunk, and turns the findings into {@link Decision}s.
 *
 * <p>What stays in Java, and why: unreadable records (R10: there is no fact to judge), the skip of non-SA
 * records (a classification, before any rule), the expiry state change (R50: time, not a rule check), and
 * values wider than their database column (a storage limit, not a business rule: {@link ColumnLimits}).
 * Everything that rejects or warns is DRL.
 */
public final class ChunkJudge {
    /** Per-file state: the run's as-of date, the default partner id, the source's stage names, keys seen. */
    public static final class FileContext {
        final LocalDate asOf;
        final String defaultPartnerId;
        final Map<String, Integer> extraStageNames;
        final SeenKeys seen = new SeenKeys();
        private long salt;
        private String saltOf;
        /** issue 10: messages name columns as the reviewer's file does (its profile's headers, date and number forms). */
        io.dealsync.rules.Wording wording = io.dealsync.rules.Wording.CANONICAL;

        public FileContext(LocalDate asOf, String defaultPartnerId, Map<String, Integer> extraStageNames) {
            this.asOf = asOf;
            this.defaultPartnerId = defaultPartnerId;
            this.extraStageNames = extraStageNames == null ? Map.of() : extraStageNames;
        }

        public LocalDate asOf() {
            return asOf;
        }

        /** The salt of this file's record fingerprints under the given rules (computed once per rule book). */
        long salt(String rulesFingerprint) {
            if (!rulesFingerprint.equals(saltOf)) {
                salt = RecordFingerprint.salt(rulesFingerprint, this);
                saltOf = rulesFingerprint;
            }
            return salt;
        }

        /** issue 10: the reviewer's wording for this file's messages. */
        public FileContext wording(io.dealsync.rules.Wording wording) {
            this.wording = wording;
            return this;
        }

        /** Marks a key as seen on a line (a resumed file re-learns the keys of records settled before the crash). */
        public void remember(String key, long line) {
            seen.firstLineOrAdd(key, line);
        }
    }

    private final RuleBook book;

    public ChunkJudge(RuleBook book) {
        this.book = book;
    }

    public RuleBook book() {
        return book;
    }

    /**
     * Decides a chunk. A record whose fingerprint equals that of the record last applied to its deal is that
     * record again: unchanged, with no rules work and no write (R9 still applies: a second occurrence in the
     * file is judged). Every other record is laid over its stored deal and judged in one rules session.
     */
    public List<Decision> decide(List<SourceRecord> records, StoredDeals storedDeals, FileContext ctx) {
        ReferenceData ref = book.reference();
        int n = records.size();
        // 1. the chunk's keys, looked up in the narrow key index in one call
        List<List<String>> keys = new ArrayList<>(n);
        Set<Long> hashes = new HashSet<>();
        for (SourceRecord r : records) {
            // issue 12 (fuzz): an id wider than its column is never stored (the record is rejected below): not looked up
            boolean lookable = !r.isMalformed() && r.deal().getCrmId().length() <= io.dealsync.model.ColumnLimits.of(Field.CRM_ID)
                    && r.deal().getReferralId().length() <= io.dealsync.model.ColumnLimits.of(Field.REFERRAL_ID);
            List<String> k = lookable ? lookupKeys(r.deal(), ctx) : List.of();
            keys.add(k);
            for (String key : k) {
                hashes.add(Hash64.of(key));
            }
        }
        Map<Long, StoredDeals.KeyRow> rows = hashes.isEmpty() ? Map.of() : storedDeals.keys(hashes);

        // 2. records the store holds exactly as they are; the others' deals are read whole
        long salt = ctx.salt(book.fingerprint());
        long[] prints = new long[n];
        Decision[] out = new Decision[n];
        Set<Long> wanted = new HashSet<>();
        for (int i = 0; i < n; i++) {
            SourceRecord r = records.get(i);
            prints[i] = RecordFingerprint.of(r, salt);
            StoredDeals.KeyRow same = sameRecordAgain(keys.get(i), rows, prints[i]);
            if (same != null && firstInFile(same.dealId(), r.position(), ctx)) {
                out[i] = Decision.unchangedAgain(r, prints[i]);
                continue;
            }
            for (String key : keys.get(i)) {
                StoredDeals.KeyRow row = rows.get(Hash64.of(key));
                if (row != null) {
                    wanted.add(row.dealId());
                }
            }
        }
        Map<Long, Deal> byId = wanted.isEmpty() ? Map.of() : storedDeals.deals(wanted);

        // 3. lay each remaining record over its stored deal
        Deal[] proposed = new Deal[n];
        Deal[] before = new Deal[n];
        List<Deal> toJudge = new ArrayList<>(n);
        List<Integer> judgedAt = new ArrayList<>(n); // the chunk position of each deal judged
        for (int i = 0; i < n; i++) {
            SourceRecord r = records.get(i);
            if (out[i] != null || r.isMalformed()) {
                continue;
            }
            Deal found = resolve(keys.get(i), rows, byId);
            Deal p = DealMerge.merge(r, found, ctx, ref);
            before[i] = found;
            proposed[i] = p;
            if (!p.isSolutionAssessment()) {
                continue; // skipped: not ours to judge, and not a duplicate either
            }
            // a stored deal by its id, plus any key the record gives it that it did not have; a new deal by its keys
            List<String> seenAs = new ArrayList<>(p.getKeys());
            if (found != null) {
                seenAs.removeAll(found.getKeys());
                seenAs.add(dealKey(found.getId()));
            }
            long dup = firstLine(seenAs, r.position(), ctx);
            if (dup == 0 && found != null) {
                dup = seenEarlier(found.getKeys(), r.position(), ctx); // keys re-learnt by a resumed file
            }
            p.context().duplicateOfLine(dup);
            if (found != null && found.isClosed() && p.sameContentAs(found) && !p.isDuplicateInFile()) {
                continue; // R30: a closed deal sent again unchanged is a silent no-op
            }
            toJudge.add(p);
            judgedAt.add(i);
        }

        // 4. one rules session for the chunk; a deal not judged raised nothing
        List<List<Violation>> found = new ArrayList<>(java.util.Collections.nCopies(n, List.of()));
        if (!toJudge.isEmpty()) {
            List<List<Violation>> judged = Judge.judge(book, toJudge, ctx.extraStageNames, ctx.wording);
            for (int j = 0; j < judged.size(); j++) {
                found.set(judgedAt.get(j), judged.get(j));
            }
        }

        // 5. decisions
        List<Decision> decisions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            decisions.add(out[i] != null ? out[i]
                    : decision(records.get(i), proposed[i], before[i], found.get(i), ref, ctx.wording, prints[i]));
        }
        return decisions;
    }

    /** The key row whose deal was last given exactly this record, or null. */
    private static StoredDeals.KeyRow sameRecordAgain(List<String> keys, Map<Long, StoredDeals.KeyRow> rows, long print) {
        if (print == 0) {
            return null;
        }
        for (String key : keys) {
            StoredDeals.KeyRow row = rows.get(Hash64.of(key));
            if (row != null && row.contentHash() == print) {
                return row;
            }
        }
        return null;
    }

    /**
     * Records the stored deal as seen; true when it was not seen on an earlier line (R9). A stored deal is
     * remembered by its id alone, whichever key a record used: one entry a record keeps the file's memory
     * (SeenKeys) at about 16 bytes a record.
     */
    private static boolean firstInFile(long dealId, long line, FileContext ctx) {
        return firstLine(List.of(dealKey(dealId)), line, ctx) == 0;
    }

    /** The first earlier line that holds one of these keys (0: none); every key is recorded for this line. */
    private static long firstLine(List<String> keys, long line, FileContext ctx) {
        long first = 0;
        for (String k : keys) {
            long l = ctx.seen.firstLineOrAdd(k, line);
            // a chunk decided again after a failed write meets its own records: not duplicates
            if (l != 0 && l != line && first == 0) {
                first = l;
            }
        }
        return first;
    }

    /** The first earlier line that holds one of these keys, without recording them (0: none). */
    private static long seenEarlier(List<String> keys, long line, FileContext ctx) {
        for (String k : keys) {
            long l = ctx.seen.firstLine(k);
            if (l != 0 && l != line) {
                return l;
            }
        }
        return 0;
    }

    /** A stored deal seen in the file, whichever of its keys the record used. */
    private static String dealKey(long id) {
        return "D:" + id;
    }

    /** The stored deal the first of the record's keys finds (its own keys checked: a hash finds, the key decides). */
    private static Deal resolve(List<String> keys, Map<Long, StoredDeals.KeyRow> rows, Map<Long, Deal> byId) {
        for (String key : keys) {
            StoredDeals.KeyRow row = rows.get(Hash64.of(key));
            Deal d = row == null ? null : byId.get(row.dealId());
            if (d != null && d.getKeys().contains(key)) {
                return d;
            }
        }
        return null;
    }

    /** What becomes of one record, from what the rules found (its {@code raised} violations). */
    private Decision decision(SourceRecord r, Deal p, Deal stored, List<Violation> raised, ReferenceData ref,
            io.dealsync.rules.Wording wording, long print) {
        if (r.isMalformed()) {
            return new Decision(r, Decision.Outcome.REJECT, null, null,
                    List.of(Judge.violation(ref, "MALFORMED_RECORD", "", r.malformed(), wording)), false, false, null, 0);
        }
        if (!p.isSolutionAssessment()) {
            return new Decision(r, Decision.Outcome.SKIP, p, stored, List.of(), false, false, null, 0);
        }
        List<Violation> violations = new ArrayList<>(raised);
        for (SourceRecord.ReadProblem problem : r.problems()) {
            violations.add(0, Judge.violation(ref, problem.code(), problem.column(), problem.message(), wording));
        }
        // A value wider than its column cannot be stored: a reject with its reason, not a failed batch write
        // (which was retried as if the database were down, then stopped the run with the file left behind).
        for (String[] wide : ColumnLimits.overlong(p)) {
            violations.add(0, Judge.violation(ref, "INVALID_VALUE", wide[0], wide[1], wording));
        }
        boolean rejected = violations.stream().anyMatch(Violation::isError);
        if (rejected) {
            boolean expireStored = stored != null && stored.isReceived() && p.isExpiryDue()
                    && p.findings().has("DEAL_EXPIRED") && !p.isDuplicateInFile();
            return new Decision(r, Decision.Outcome.REJECT, p, stored, List.copyOf(violations), false, expireStored,
                    expireStored ? "Expired" : null, 0);
        }
        boolean expired = false;
        if (p.isExpiryDue() && p.isIncoming() && p.isReceived()) {
            p.set(Field.STATUS, "Closed").set(Field.SUBSTATUS, "Expired");
            expired = true;
        }
        p.set(Field.SALES_STAGE, Integer.toString(p.getDerivedStage()));
        String notify = null;
        if (!expired && stored == null && "Closed/Expired".equals(p.getStatusPair())) {
            expired = true; // arrives already Expired (an export imported again): the event is recorded once
        }
        if (expired) {
            notify = "Expired";
        } else if ("Declined".equals(p.getSubstatus()) && (stored == null || !"Declined".equals(stored.getSubstatus()))) {
            notify = "Declined";
        }
        Decision.Outcome outcome = stored == null ? Decision.Outcome.CREATE
                : p.sameContentAs(stored) ? Decision.Outcome.UNCHANGED : Decision.Outcome.UPDATE;
        // a deal awaiting an answer, or one the engine expired, is always judged again (its window runs)
        long applied = expired || (p.isIncoming() && p.isReceived()) ? 0 : print;
        return new Decision(r, outcome, p, stored, List.copyOf(violations), expired, false, notify, applied);
    }

    /** Keys to look the record up by: its Referral ID, and its (PartnerID after default, CRM ID). */
    static List<String> lookupKeys(Deal record, FileContext ctx) {
        String partner = record.getPartnerId().isEmpty() ? ctx.defaultPartnerId : record.getPartnerId();
        return Deal.keysOf(record.getReferralId(), partner, record.getCrmId());
    }

    /** The keys a record will hold once merged (its PartnerID after the default): for re-learning a resumed file's keys. */
    public static List<String> keysOf(Deal record, FileContext ctx) {
        return lookupKeys(record, ctx);
    }
}
