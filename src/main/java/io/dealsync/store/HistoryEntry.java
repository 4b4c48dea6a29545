package io.dealsync.store;

import java.time.Instant;
import java.time.LocalDate;

/** One change of a deal: when, from which file and line, what changed, the status before and after. */
public record HistoryEntry(long seq, Instant changedAt, LocalDate asOf, String runId, String fileName, Long line,
        String action, String oldStatus, String newStatus, String changes) {
}
