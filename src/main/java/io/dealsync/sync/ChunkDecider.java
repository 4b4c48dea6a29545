package io.dealsync.sync;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Hash64;
import io.dealsync.model.Violation;
import io.dealsync.rules.Judge;
import io.dealsync.rules.ReferenceData;
import io.dealsync.rules.RuleBook;
import io.dealsync.model.ColumnLimits;
import java.util.ArrayList;
import java.util.Collections;
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
 * Everything that rejects or warns is DRL. {@link DealMerge} lays a record over its deal, {@link Outcomes}
 * turns the rules' findings into its decision.
 */
public final class ChunkDecider {
    private final RuleBook book;

    public ChunkDecider(RuleBook book) {
        this.book = book;
    }

    public RuleBook book() {
        return book;
    }

    /**
     * Decides a chunk. A record whose fingerprint equals that of the record last applied to its deal is that
     * record again: unchanged, with no rules work and no write (R9 still applies: a second occurrence in the
     * file is judged; a row the reader handed on unread is then read, in place in {@code records}). Every
     * other record is laid over its stored deal and judged in one rules session.
     */
    public List<Decision> decide(List<SourceRecord> records, StoredDeals storedDeals, FileContext ctx) {
        ReferenceData ref = book.reference();
        int n = records.size();
        // 1. the chunk's keys, looked up in the narrow key index in one call
        Set<Long> hashes = new HashSet<>();
        List<List<String>> keys = chunkKeys(records, ctx, hashes);
        long[][] keyHashes = hashesOf(keys); // each key hashed once: the index, the rows and R9 all use it
        Map<Long, StoredDeals.KeyRow> rows = new java.util.HashMap<>(hashes.isEmpty() ? Map.of() : storedDeals.keys(hashes));

        // 2. records the store holds exactly as they are; the others' deals are read whole
        long salt = ctx.salt(book.fingerprint());
        long[] prints = new long[n];
        Decision[] out = new Decision[n];
        Set<Long> wanted = new HashSet<>();
        for (int i = 0; i < n; i++) {
            SourceRecord r = records.get(i);
            prints[i] = RecordFingerprint.of(r, salt);
            long dealId = r.isUnread() ? r.lastAppliedTo() : 0; // the reader found it in the key index already
            StoredDeals.KeyRow same = dealId != 0 ? null : sameRecordAgain(keyHashes[i], rows, prints[i], ctx, ref);
            if ((dealId != 0 || same != null) && firstInFile(dealId != 0 ? dealId : same.dealId(), r.position(), ctx)
                    && !(ctx.relearnt && seenEarlier(keysOf(r.deal(), ctx), r.position(), ctx) != 0)) {
                out[i] = Decision.unchangedAgain(r, prints[i]);
                continue;
            }
            if (r.isUnread()) { // the reader recognised the row, but it must be judged (R9): read it whole now
                r = r.read();
                records.set(i, r);
                prints[i] = RecordFingerprint.of(r, salt);
                keys.set(i, r.isMalformed() ? List.of() : keysOf(r.deal(), ctx));
                keyHashes[i] = hashesOf(List.of(keys.get(i)))[0];
                if (keyHashes[i].length > 0) {
                    rows.putAll(storedDeals.keys(java.util.Arrays.stream(keyHashes[i]).boxed().toList()));
                }
            }
            for (long key : keyHashes[i]) {
                StoredDeals.KeyRow row = rows.get(key);
                if (row != null) {
                    wanted.add(row.dealId());
                }
            }
        }
        Map<Long, Deal> byId = wanted.isEmpty() ? Map.of() : storedDeals.deals(wanted);

        // 3. lay each remaining record over its stored deal
        Deal[] proposed = new Deal[n];
        Deal[] before = new Deal[n];
        List<Integer> toJudge = new ArrayList<>(n); // the chunk positions of the deals the rules judge
        for (int i = 0; i < n; i++) {
            SourceRecord r = records.get(i);
            if (out[i] != null || r.isMalformed()) {
                continue;
            }
            before[i] = resolve(keys.get(i), keyHashes[i], rows, byId);
            proposed[i] = DealMerge.merge(r, before[i], ctx, ref);
            if (needsJudging(proposed[i], before[i], r.position(), ctx)) {
                toJudge.add(i);
            }
        }

        // 4. one rules session for the chunk
        List<List<Violation>> found = judge(proposed, toJudge, ctx);

        // 5. decisions
        List<Decision> decisions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            decisions.add(out[i] != null ? out[i]
                    : Outcomes.of(records.get(i), proposed[i], before[i], found.get(i), ref, ctx.wording, prints[i]));
        }
        return decisions;
    }

    /** Each record's keys (none for one that cannot be stored); their hashes are added to {@code hashes}. */
    private static List<List<String>> chunkKeys(List<SourceRecord> records, FileContext ctx, Set<Long> hashes) {
        List<List<String>> keys = new ArrayList<>(records.size());
        for (SourceRecord r : records) {
            // issue 12 (fuzz): an id wider than its column is never stored (the record is rejected below): not looked up
            boolean lookable = !r.isMalformed() && !r.isUnread() // an unread row: the reader looked it up already
                    && r.deal().getCrmId().length() <= Field.CRM_ID.column().width()
                    && r.deal().getReferralId().length() <= Field.REFERRAL_ID.column().width();
            List<String> k = lookable ? keysOf(r.deal(), ctx) : List.of();
            keys.add(k);
            for (String key : k) {
                hashes.add(Hash64.of(key));
            }
        }
        return keys;
    }

    /**
     * Records the deal as seen on this line of the file (R9) and tells whether the rules judge it: not a deal
     * that is no solution assessment (skipped), nor a closed deal sent again unchanged (R30: a silent no-op).
     */
    private static boolean needsJudging(Deal p, Deal found, long line, FileContext ctx) {
        if (!p.isSolutionAssessment()) {
            return false; // skipped: not ours to judge, and not a duplicate either
        }
        p.context().duplicateOfLine(duplicateOfLine(p, found, line, ctx));
        return !(found != null && found.isClosed() && p.sameContentAs(found) && !p.isDuplicateInFile());
    }

    /** The line of an earlier record of the same deal in this file (0: none); records the deal as seen on this line. */
    private static long duplicateOfLine(Deal p, Deal found, long line, FileContext ctx) {
        // a stored deal by its id, plus any key the record gives it that it did not have; a new deal by its keys
        List<String> keys = p.getKeys();
        List<String> foundKeys = found == null ? List.of() : found.getKeys();
        long[] seenAs = new long[keys.size() + 1];
        int n = 0;
        for (String k : keys) {
            if (!foundKeys.contains(k)) {
                seenAs[n++] = SeenKeys.hash(k);
            }
        }
        if (found != null) {
            seenAs[n++] = SeenKeys.dealHash(found.getId());
        }
        long dup = firstLine(seenAs, n, line, ctx);
        if (dup == 0 && found != null) {
            dup = seenEarlier(found.getKeys(), line, ctx); // keys re-learnt by a resumed file
        }
        return dup;
    }

    /** Each chunk position's violations: what the one rules session found for the deals judged, none for the rest. */
    private List<List<Violation>> judge(Deal[] proposed, List<Integer> positions, FileContext ctx) {
        List<List<Violation>> found = new ArrayList<>(Collections.nCopies(proposed.length, List.of()));
        if (positions.isEmpty()) {
            return found;
        }
        List<Deal> deals = new ArrayList<>(positions.size());
        for (int i : positions) {
            deals.add(proposed[i]);
        }
        List<List<Violation>> judged = Judge.judge(book, deals, ctx.extraStageNames, ctx.wording);
        for (int j = 0; j < judged.size(); j++) {
            found.set(positions.get(j), judged.get(j));
        }
        return found;
    }

    /** Each record's key hashes, in the order of its keys. */
    private static long[][] hashesOf(List<List<String>> keys) {
        long[][] out = new long[keys.size()][];
        for (int i = 0; i < out.length; i++) {
            List<String> k = keys.get(i);
            out[i] = new long[k.size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = Hash64.of(k.get(j));
            }
        }
        return out;
    }

    /** The key row whose deal was last given exactly this record, or null. */
    private static StoredDeals.KeyRow sameRecordAgain(long[] keys, Map<Long, StoredDeals.KeyRow> rows, long print,
            FileContext ctx, ReferenceData ref) {
        if (print == 0) {
            return null;
        }
        for (long key : keys) {
            StoredDeals.KeyRow row = rows.get(key);
            if (row != null && ctx.sameRecord(row.contentHash(), print, ref.expiryWindowDays())) {
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
        long l = ctx.seen.firstLineOrAdd(SeenKeys.dealHash(dealId), line);
        return l == 0 || l == line; // a chunk decided again after a failed write meets its own records
    }

    /** The first earlier line that holds one of these keys (0: none); every key is recorded for this line. */
    private static long firstLine(long[] keys, int count, long line, FileContext ctx) {
        long first = 0;
        for (int i = 0; i < count; i++) {
            long l = ctx.seen.firstLineOrAdd(keys[i], line);
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

    /** The stored deal the first of the record's keys finds (its own keys checked: a hash finds, the key decides). */
    private static Deal resolve(List<String> keys, long[] hashes, Map<Long, StoredDeals.KeyRow> rows,
            Map<Long, Deal> byId) {
        for (int i = 0; i < hashes.length; i++) {
            StoredDeals.KeyRow row = rows.get(hashes[i]);
            Deal d = row == null ? null : byId.get(row.dealId());
            if (d != null && d.getKeys().contains(keys.get(i))) {
                return d;
            }
        }
        return null;
    }

    /**
     * The keys to look a record up by, which it holds once merged: its Referral ID, and its (PartnerID after
     * the default, CRM ID). A resumed file re-learns its settled records' keys by them too.
     */
    public static List<String> keysOf(Deal record, FileContext ctx) {
        String partner = record.getPartnerId().isEmpty() ? ctx.defaultPartnerId : record.getPartnerId();
        return Deal.keysOf(record.getReferralId(), partner, record.getCrmId());
    }
}
