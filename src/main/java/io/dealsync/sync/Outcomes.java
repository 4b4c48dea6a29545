package io.dealsync.sync;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.ColumnLimits;
import io.dealsync.model.Dates;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Violation;
import io.dealsync.rules.Judge;
import io.dealsync.rules.ReferenceData;
import io.dealsync.rules.Wording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java part of a record's decision, once the rules have judged it: the outcome (docs/domain.md), the
 * expiry state change (R50: time, not a rule check), the sender's notification (R51), the reading problems
 * and the values wider than their column (a storage limit, not a business rule), and the fingerprint kept.
 */
final class Outcomes {
    private Outcomes() {
    }

    /**
     * The print kept for a deal left awaiting an answer: tied to the day it is due (R50: the day after its Received
     * Date, else Created Date, plus the window), so the same record is recognised until that day. A deal with
     * neither date keeps none and is judged every time (its window counts from the day it was stored).
     */
    private static long untilDue(Deal p, long print, ReferenceData ref) {
        LocalDate received = Dates.parse(p.get(Field.RECEIVED_DATE));
        if (received == null) {
            received = Dates.parse(p.get(Field.CREATED_DATE));
        }
        return received == null || print == 0 ? 0
                : RecordFingerprint.untilDue(print, received.plusDays(ref.expiryWindowDays() + 1L));
    }

    /** What becomes of one record, from what the rules found (its {@code raised} violations). */
    static Decision of(SourceRecord r, Deal p, Deal stored, List<Violation> raised, ReferenceData ref,
            Wording wording, long print) {
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
        for (ColumnLimits.Overlong wide : ColumnLimits.overlong(p)) {
            violations.add(0, Judge.violation(ref, "INVALID_VALUE", wide.column(), wide.message(), wording));
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
        long applied = expired ? 0 : p.isIncoming() && p.isReceived() ? untilDue(p, print, ref) : print;
        return new Decision(r, outcome, p, stored, List.copyOf(violations), expired, false, notify, applied);
    }
}
