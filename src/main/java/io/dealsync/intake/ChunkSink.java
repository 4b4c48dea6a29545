package io.dealsync.intake;

import io.dealsync.report.FileLedger;
import io.dealsync.sync.Decision;
import java.util.List;

/**
 * Where a decided chunk goes once its reject and warning lines are synced: the database for a run
 * ({@link StoreSink}), nowhere for {@code validate} ({@link DrySink}). The one step the two differ in,
 * as a batch job swaps its writer.
 */
interface ChunkSink {
    /**
     * Applies the chunk together with the checkpoint that settles it. May fail with a
     * {@link io.dealsync.store.StoreException} or {@link io.dealsync.store.ConcurrentChangeException}:
     * nothing of the chunk was applied, and the chunk loop decides and applies it again.
     *
     * @param lastLine the position of the chunk's last record
     * @param offsets  the reject and warning files' synced length, this chunk's lines included
     * @param after    the file's counts with this chunk's
     */
    void apply(List<Decision> decisions, long lastLine, ReviewerFiles.Offsets offsets, FileLedger after);

    /**
     * True when the chunks applied become durable only at the store's CHECKPOINTs (the embedded database): the
     * reviewer lines are then synced before each CHECKPOINT rather than before each chunk.
     */
    default boolean durableOnlyAtCheckpoints() {
        return false;
    }

    /** The chunk is settled and counted ({@code readBefore} records read before it, {@code readAfter} with it). */
    void settled(long readBefore, long readAfter);
}
