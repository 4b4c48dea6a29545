package io.dealsync.sync;

import io.dealsync.ingest.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.model.Violation;
import io.dealsync.rules.Judge;
import io.dealsync.rules.ReferenceData;
import io.dealsync.rules.RuleBook;
import io.dealsync.model.ColumnLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

        public FileContext(LocalDate asOf, String defaultPartnerId, Map<String, Integer> extraStageNames) {
            this.asOf = asOf;
            this.defaultPartnerId = defaultPartnerId;
            this.extraStageNames = extraStageNames == null ? Map.of() : extraStageNames;
        }

        public LocalDate asOf() {
            return asOf;
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

    public List<Decision> decide(List<SourceRecord> records, StoredDeals storedDeals, FileContext ctx) {
        ReferenceData ref = book.reference();
        // 1. keys of the chunk, looked up in one call
        Set<String> keys = new LinkedHashSet<>();
        for (SourceRecord r : records) {
            // issue 12 (fuzz): an id wider than its column is never stored (the record is rejected below), and
            // looking it up failed the chunk's query ("right truncation"), taken for the database being down
            if (r.deal() != null && r.deal().getCrmId().length() <= io.dealsync.model.ColumnLimits.of(Field.CRM_ID)
                    && r.deal().getReferralId().length() <= io.dealsync.model.ColumnLimits.of(Field.REFERRAL_ID)) {
                keys.addAll(lookupKeys(r.deal(), ctx));
            }
        }
        Map<String, Deal> stored = keys.isEmpty() ? Map.of() : storedDeals.find(keys);

        // 2. lay each record over its stored deal
        Deal[] proposed = new Deal[records.size()];
        Deal[] before = new Deal[records.size()];
        List<Deal> toJudge = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            if (r.isMalformed()) {
                continue;
            }
            Deal found = null;
            for (String k : lookupKeys(r.deal(), ctx)) {
                found = stored.get(k);
                if (found != null) {
                    break;
                }
            }
            Deal p = merge(r, found, ctx, ref);
            before[i] = found;
            proposed[i] = p;
            if (!p.isSolutionAssessment()) {
                continue; // skipped: not ours to judge, and not a duplicate either
            }
            long first = 0;
            for (String k : p.getKeys()) {
                long l = ctx.seen.firstLineOrAdd(k, r.position());
                // a chunk decided again after a failed write meets its own records: not duplicates
                if (l != 0 && l != r.position() && first == 0) {
                    first = l;
                }
            }
            p.setDuplicateOfLine(first);
            if (found != null && found.isClosed() && p.sameContentAs(found) && first == 0) {
                continue; // R30: a closed deal sent again unchanged is a silent no-op
            }
            toJudge.add(p);
        }

        // 3. one rules session for the chunk
        if (!toJudge.isEmpty()) {
            Judge.judge(book, toJudge, ctx.extraStageNames);
        }

        // 4. decisions
        List<Decision> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(decision(records.get(i), proposed[i], before[i], ref));
        }
        return out;
    }

    private Decision decision(SourceRecord r, Deal p, Deal stored, ReferenceData ref) {
        if (r.isMalformed()) {
            return new Decision(r, Decision.Outcome.REJECT, null, null,
                    List.of(Judge.violation(ref, "MALFORMED_RECORD", "", r.malformed())), false, false, null);
        }
        if (!p.isSolutionAssessment()) {
            return new Decision(r, Decision.Outcome.SKIP, p, stored, List.of(), false, false, null);
        }
        List<Violation> violations = new ArrayList<>(Judge.violations(p, ref));
        for (SourceRecord.ReadProblem problem : r.problems()) {
            violations.add(0, Judge.violation(ref, problem.code(), problem.column(), problem.message()));
        }
        // A value wider than its column cannot be stored: a reject with its reason, not a failed batch write
        // (which was retried as if the database were down, then stopped the run with the file left behind).
        for (String[] wide : ColumnLimits.overlong(p)) {
            violations.add(0, Judge.violation(ref, "INVALID_VALUE", wide[0], wide[1]));
        }
        boolean rejected = violations.stream().anyMatch(Violation::isError);
        if (rejected) {
            boolean expireStored = stored != null && stored.isReceived() && p.isExpiryDue()
                    && p.hasRaised("DEAL_EXPIRED") && !p.isDuplicateInFile();
            return new Decision(r, Decision.Outcome.REJECT, p, stored, List.copyOf(violations), false, expireStored,
                    expireStored ? "Expired" : null);
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
        return new Decision(r, outcome, p, stored, List.copyOf(violations), expired, false, notify);
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

    /**
     * The deal the record proposes: the stored deal with the record's columns laid over it (domain.md,
     * "A record is a snapshot"). Deal Direction, PartnerID and Deal Type keep the stored value when empty
     * and take their default only at creation; so does an empty status (Outgoing starts Active/Accepted,
     * Incoming New/Received). The reported Sales Stage is the record's own: the stored one is derived.
     */
    static Deal merge(SourceRecord r, Deal stored, FileContext ctx, ReferenceData ref) {
        Deal in = r.deal();
        Deal p = stored == null ? new Deal() : stored.copyContent();
        Set<String> present = r.presentColumns();
        for (Field f : Field.values()) {
            if (f == Field.SALES_STAGE) {
                p.set(f, in.get(f));
                continue;
            }
            if (!present.contains(f.header())) {
                continue;
            }
            String v = in.get(f);
            if (v.isEmpty() && (f == Field.DIRECTION || f == Field.PARTNER_ID || f == Field.DEAL_TYPE) && stored != null) {
                continue;
            }
            p.set(f, v);
        }
        if (present.contains(SourceRecord.SOLUTIONS)) {
            p.setSolutions(in.getSolutions());
        }
        if (present.contains(SourceRecord.TEAM)) {
            p.setTeam(in.getTeam());
        }
        if (stored == null) {
            if (p.get(Field.DIRECTION).isEmpty()) {
                p.set(Field.DIRECTION, Deal.DEFAULT_DIRECTION);
            }
            if (p.getPartnerId().isEmpty()) {
                p.set(Field.PARTNER_ID, ctx.defaultPartnerId);
            }
            if (p.getStatus().isEmpty() && p.getSubstatus().isEmpty()) {
                boolean incoming = p.isIncoming();
                p.set(Field.STATUS, incoming ? "New" : "Active").set(Field.SUBSTATUS, incoming ? "Received" : "Accepted");
            }
        }
        boolean sa = "Solution Assessment".equals(p.get(Field.DEAL_TYPE));
        for (Solution s : p.getSolutions()) {
            sa |= ref.isAssessment(s.getId());
        }
        p.setSolutionAssessment(sa);
        if (stored == null && sa && p.get(Field.DEAL_TYPE).isEmpty()) {
            p.set(Field.DEAL_TYPE, "Solution Assessment");
        }
        p.setStored(stored);
        p.setLine(r.position());
        p.setAsOf(ctx.asOf);
        p.setExpiryDue(expiryDue(p, stored, ctx.asOf, ref.expiryWindowDays()));
        LocalDate received = (stored != null ? stored : p).getReceivedOn();
        p.setPastAnswerWindow(received != null && ctx.asOf.isAfter(received.plusDays(ref.expiryWindowDays())));
        return p;
    }

    /** The deal (as stored, or as first seen) is Incoming and Received, and its answer window ended before the as-of date. */
    static boolean expiryDue(Deal p, Deal stored, LocalDate asOf, int windowDays) {
        Deal basis = stored != null ? stored : p;
        if (!basis.isIncoming() || !basis.isReceived()) {
            return false;
        }
        LocalDate received = basis.getReceivedOn();
        return received != null && asOf.isAfter(received.plusDays(windowDays));
    }
}
