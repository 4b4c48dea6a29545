package io.dealsync.intake;

import io.dealsync.report.FileLedger;
import io.dealsync.store.DealStore;
import io.dealsync.store.FileRegistry;
import io.dealsync.store.FileState;
import io.dealsync.sync.Decision;
import java.util.List;

/**
 * A run's sink: each chunk in one transaction with the file's checkpoint (docs/architecture.md "A record's
 * way", step 6), so a run killed mid-file resumes after the last committed chunk; the embedded database made
 * durable every {@code dealsync.db.checkpoint-records} records of a long file.
 */
final class StoreSink implements ChunkSink {
    private final DealStore store;
    private final FileState file;
    private final RunContext run;
    private final FileLedger ledger;
    private final long checkpointRecords;
    /** Asked for every chunk: the database's answer, taken once. */
    private final boolean durableOnlyAtCheckpoints;

    StoreSink(DealStore store, FileState file, RunContext run, FileLedger ledger, long checkpointRecords) {
        this.store = store;
        this.file = file;
        this.run = run;
        this.ledger = ledger;
        this.checkpointRecords = checkpointRecords;
        this.durableOnlyAtCheckpoints = !store.database().commitsSurviveACrash();
    }

    @Override
    public void apply(List<Decision> decisions, long lastLine, ReviewerFiles.Offsets offsets, FileLedger after) {
        long writeStart = System.nanoTime(); // metrics (issue 11): chunk write time
        store.writer().apply(file, run.runId(), run.asOf(), decisions, new FileRegistry.Checkpoint(lastLine,
                offsets.rejects(), offsets.warnings(), CheckpointLedger.toJson(after), LedgerCounts.of(after)));
        ledger.addChunkWrite(System.nanoTime() - writeStart);
        run.ledger().addNotifications(decisions.stream().filter(d -> d.notifyEvent() != null).count());
    }

    @Override
    public boolean durableOnlyAtCheckpoints() {
        return durableOnlyAtCheckpoints;
    }

    @Override
    public void settled(long readBefore, long readAfter) {
        if (readAfter / checkpointRecords != readBefore / checkpointRecords) {
            store.checkpoint();
        }
    }
}
