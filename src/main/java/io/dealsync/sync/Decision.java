package io.dealsync.sync;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Violation;
import java.util.List;

/**
 * What the engine decided for one record: the outcome, the deal to store (the proposed one), the deal as
 * it was, every violation (errors and warnings), and the events the store must record with it.
 */
public final class Decision {
    public enum Outcome { CREATE, UPDATE, UNCHANGED, REJECT, SKIP }

    private final SourceRecord record;
    private final Outcome outcome;
    private final Deal proposed;
    private final Deal stored;
    private final List<Violation> violations;
    private final boolean expired;
    private final boolean expireStored;
    private final String notifyEvent;
    private final long contentHash;

    Decision(SourceRecord record, Outcome outcome, Deal proposed, Deal stored, List<Violation> violations,
            boolean expired, boolean expireStored, String notifyEvent, long contentHash) {
        this.record = record;
        this.outcome = outcome;
        this.proposed = proposed;
        this.stored = stored;
        this.violations = violations;
        this.expired = expired;
        this.expireStored = expireStored;
        this.notifyEvent = notifyEvent;
        this.contentHash = contentHash;
    }

    /** The record last applied to its deal, sent again: unchanged, not judged, nothing to write. */
    static Decision unchangedAgain(SourceRecord record, long contentHash) {
        return new Decision(record, Outcome.UNCHANGED, null, null, List.of(), false, false, null, contentHash);
    }

    public SourceRecord record() { return record; }
    public Outcome outcome() { return outcome; }
    /** The deal as this record leaves it (null for malformed records and records {@link #recognised()}). */
    public Deal proposed() { return proposed; }
    /** The deal as stored before the record, or null. */
    public Deal stored() { return stored; }
    public List<Violation> violations() { return violations; }
    public List<Violation> errors() { return violations.stream().filter(Violation::isError).toList(); }
    public List<Violation> warnings() { return violations.stream().filter(v -> !v.isError()).toList(); }
    public boolean hasWarnings() { return violations.stream().anyMatch(v -> !v.isError()); }
    /** The record left the deal Closed/Expired (it arrived past its answer window). */
    public boolean expired() { return expired; }
    /** The record was refused with DEAL_EXPIRED and the stored Received deal expires now. */
    public boolean expireStored() { return expireStored; }
    /** "Declined" or "Expired" when the sender must be notified, else null. */
    public String notifyEvent() { return notifyEvent; }
    public long line() { return record.position(); }
    /** The fingerprint the store keeps with the deal once this decision is applied (0: judge it again next time). */
    public long contentHash() { return contentHash; }
    /** Recognised by its fingerprint alone: no stored deal was read, no rule ran. */
    public boolean recognised() { return outcome == Outcome.UNCHANGED && proposed == null; }
}
