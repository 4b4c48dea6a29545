package io.dealsync.intake;

import io.dealsync.report.FileLedger;
import io.dealsync.sync.Decision;
import java.util.List;

/**
 * {@code validate}'s sink (docs/operations.md "Commands"): the chunk was judged, counted and its reviewer lines
 * written exactly as in a run, and the database is left as it was. The duplicates of a file (R9) are still
 * found: the judge remembers every record's keys as it decides them, whatever becomes of the decision.
 */
final class DrySink implements ChunkSink {
    @Override
    public void apply(List<Decision> decisions, long lastLine, ReviewerFiles.Offsets offsets, FileLedger after) {
        // nothing is written to the database
    }

    @Override
    public void settled(long readBefore, long readAfter) {
        // no database to checkpoint
    }
}
