package io.dealsync.intake;

import io.dealsync.read.RecordReader;
import io.dealsync.read.SourceRecord;
import io.dealsync.report.FileLedger;
import io.dealsync.store.ConcurrentChangeException;
import io.dealsync.store.DatabaseUnavailableException;
import io.dealsync.store.StoreException;
import io.dealsync.store.WriteConflictException;
import io.dealsync.sync.ChunkDecider;
import io.dealsync.sync.FileContext;
import io.dealsync.sync.Decision;
import io.dealsync.sync.StoredDeals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file's records, a chunk at a time (docs/architecture.md "A record's way", steps 5 and 6): the next chunk is
 * read and judged on the {@code dealsync-judge} thread while this one is counted, its reviewer lines synced and
 * handed to the sink, so parsing and rules overlap the database (2 cores; at most three chunks live). A chunk the
 * sink could not apply (a database hiccup, another instance) has its lines cut back and is decided and applied
 * again, with back-off.
 */
final class ChunkLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkLoop.class);
    /** Daemon threads: a stuck read-ahead must never keep the JVM alive after Camel Main completes. */
    private static final ThreadFactory JUDGE_THREADS = r -> {
        Thread t = new Thread(r, "dealsync-judge");
        t.setDaemon(true);
        return t;
    };
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 8000;

    /** How a chunk is judged: the rules, the file's context (keys seen so far: R9), the stored deals. */
    record Judging(ChunkDecider judge, FileContext ctx, StoredDeals stored) {
        List<Decision> decide(List<SourceRecord> records) {
            return judge.decide(records, stored, ctx);
        }
    }

    /** A chunk of records with the decisions made for them (null: the stored deals could not be looked up). */
    private record Chunk(List<SourceRecord> records, List<Decision> decisions) {
        long firstLine() {
            return records.get(0).position();
        }

        long lastLine() {
            return records.get(records.size() - 1).position();
        }
    }

    private final RecordReader reader;
    private final Judging judging;
    private final long resumeAfter;
    private final ReviewerFiles files;
    private final ChunkSink sink;
    private final int batchSize;
    private final int attempts;

    /**
     * @param resumeAfter the last line a resumed file settled before (0: none); those records are re-learnt, not judged
     * @param attempts    tries at a chunk before the database counts as unreachable ({@code dealsync.db.write-attempts})
     */
    ChunkLoop(RecordReader reader, Judging judging, long resumeAfter, ReviewerFiles files, ChunkSink sink,
            int batchSize, int attempts) {
        this.reader = reader;
        this.judging = judging;
        this.resumeAfter = resumeAfter;
        this.files = files;
        this.sink = sink;
        this.batchSize = batchSize;
        this.attempts = attempts;
    }

    /** Runs every record of the file through; its counts go to {@code ledger}. */
    void run(FileLedger ledger, Progress progress, String display) {
        ExecutorService ahead = Executors.newSingleThreadExecutor(JUDGE_THREADS);
        try {
            ReviewerFiles.Offsets offsets = files.start();
            Future<Chunk> next = ahead.submit(this::readAndDecide);
            while (true) {
                Chunk chunk = get(next);
                if (chunk.records().isEmpty()) {
                    return;
                }
                next = ahead.submit(this::readAndDecide);
                offsets = write(chunk, ledger, offsets, next);
                sink.settled(ledger.getRead() - chunk.records().size(), ledger.getRead());
                progress.records(display, ledger.getRead());
            }
        } finally {
            ahead.shutdownNow();
        }
    }

    /** Reads the next chunk (re-learning what a resumed file already settled) and decides it. */
    private Chunk readAndDecide() {
        List<SourceRecord> records = new ArrayList<>(batchSize);
        while (records.size() < batchSize && reader.hasNext()) {
            SourceRecord r = reader.next();
            if (r.position() <= resumeAfter) {
                relearn(r);
                continue;
            }
            records.add(r);
        }
        if (records.isEmpty()) {
            return new Chunk(records, List.of());
        }
        try {
            return new Chunk(records, judging.decide(records));
        } catch (StoreException e) {
            // the stored deals could not be looked up: the writer decides this chunk again, with its retries
            LOG.debug("Looking up the stored deals of a chunk failed: {}", e.getMessage());
            return new Chunk(records, null);
        }
    }

    /** A resumed file: the records settled before the crash still count for R9 (duplicates in the file). */
    private void relearn(SourceRecord r) {
        if (r.deal() == null) {
            return;
        }
        for (String key : ChunkDecider.keysOf(r.deal(), judging.ctx())) {
            judging.ctx().remember(key, r.position());
        }
    }

    /**
     * Writes one decided chunk, retrying it: when the sink fails, the chunk's lines are cut back to
     * {@code before} and it is decided again (after the read-ahead settles, so the judge is never used by two
     * threads) and written again. Returns the offsets that now stand settled.
     */
    private ReviewerFiles.Offsets write(Chunk chunk, FileLedger ledger, ReviewerFiles.Offsets before,
            Future<Chunk> readAhead) {
        long backoff = FIRST_BACKOFF_MS;
        List<Decision> decisions = chunk.decisions();
        for (int attempt = 1; ; attempt++) {
            try {
                if (decisions == null) {
                    awaitQuietly(readAhead);
                    decisions = judging.decide(chunk.records());
                }
                return settle(chunk, decisions, ledger);
            } catch (ConcurrentChangeException | StoreException e) {
                files.rewind(before);
                if (attempt >= attempts) { // cluster (issue 9): a write conflict is not "the database is unreachable"
                    throw WriteConflictException.afterRetries(ledger.getName(), chunk.firstLine(), chunk.lastLine(),
                            attempt, e);
                }
                LOG.warn("{}: batch failed ({}), retrying in {} ms", ledger.getName(), WriteConflictException.describe(e),
                        backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                decisions = null; // decided again at the next attempt, inside the retry
            }
        }
    }

    /** Counts the chunk, writes and syncs its reviewer lines, hands it to the sink; then it counts in the ledger. */
    private ReviewerFiles.Offsets settle(Chunk chunk, List<Decision> decisions, FileLedger ledger) {
        FileLedger delta = new FileLedger(ledger.getName(), ledger.getSource());
        for (Decision d : decisions) {
            LedgerCounts.count(d, delta);
            files.write(d);
        }
        ReviewerFiles.Offsets offsets = files.flush(!sink.durableOnlyAtCheckpoints());
        FileLedger after = new FileLedger(ledger.getName(), ledger.getSource());
        after.add(ledger);
        after.add(delta);
        sink.apply(decisions, chunk.lastLine(), offsets, after);
        files.settled();
        ledger.add(delta);
        LOG.debug("{}: batch up to line {} written ({} records)", ledger.getName(), chunk.lastLine(), decisions.size());
        return offsets;
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the file", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitQuietly(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the read-ahead's own failure surfaces when its chunk is taken
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("Interrupted while waiting for the database", null);
        }
    }
}
