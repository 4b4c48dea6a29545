package io.dealsync.intake;

import io.dealsync.model.Violation;
import io.dealsync.report.FileLedger;
import io.dealsync.store.FileCounts;
import io.dealsync.sync.Decision;
import java.util.HashSet;
import java.util.Set;

/** A file's ledger counted a decision at a time, and its counts as the store keeps them. */
final class LedgerCounts {
    private LedgerCounts() {
    }

    static FileCounts of(FileLedger l) {
        return new FileCounts(l.getRead(), l.getCreated(), l.getUpdated(), l.getUnchanged(), l.getRejected(),
                l.getSkipped(), l.getWarnings(), l.getExpired());
    }

    /**
     * Counts one decision into a ledger: its outcome; a reject's codes and fields once each; the warnings of a
     * record applied or unchanged (a rejected or skipped record is not applied, so it warns of nothing).
     */
    static void count(Decision d, FileLedger l) {
        l.incRead();
        switch (d.outcome()) {
            case CREATE -> l.incCreated();
            case UPDATE -> l.incUpdated();
            case UNCHANGED -> l.incUnchanged();
            case SKIP -> l.incSkipped();
            case REJECT -> countReject(d, l);
        }
        if (d.outcome() != Decision.Outcome.REJECT && d.outcome() != Decision.Outcome.SKIP && d.hasWarnings()) {
            l.incWarnings();
            d.warnings().stream().map(Violation::code).distinct().forEach(l::countWarningCode);
        }
        if (d.expired() || d.expireStored()) {
            l.incExpired();
        }
    }

    private static void countReject(Decision d, FileLedger l) {
        l.incRejected();
        Set<String> codes = new HashSet<>();
        Set<String> fields = new HashSet<>();
        for (Violation v : d.errors()) {
            if (codes.add(v.code())) {
                l.countRejectCode(v.code());
            }
            if (!v.field().isEmpty() && fields.add(v.field())) {
                l.countRejectField(v.field());
            }
        }
    }
}
