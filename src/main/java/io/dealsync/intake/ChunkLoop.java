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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file's records, a chunk at a time (docs/architecture.md "A record's way", steps 5 and 6): the next chunk is
 * judged on the {@code dealsync-judge} thread while this one is counted, its reviewer lines synced and handed to
 * the sink, so parsing and rules overlap the database (2 cores). On a database that held deals as the file began,
 * the chunk after next is also read ahead on the {@code dealsync-read} thread, so parsing goes on while the judge
 * waits for the stored deals ({@link Judging}); at most four chunks live. A chunk the sink could not
 * apply (a database hiccup, another instance) has its lines cut back and is decided and applied again, with
 * back-off.
 */
final class ChunkLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkLoop.class);
    private static final ThreadFactory READ_THREADS = daemon("dealsync-read");
    private static final ThreadFactory JUDGE_THREADS = daemon("dealsync-judge");
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 8000;

    /**
     * How a chunk is judged: the rules, the file's context (keys seen so far: R9), the stored deals, and whether
     * the next chunk is read ahead on a thread of its own: when the database held deals as the file began, so
     * the judge waits for their reads (second nights: B4 30.6 -> 29.3 s on the embedded database, 35.6 -> 32.7 s
     * on PostgreSQL). Into an empty database the judge thread only computes, and on 2 cores a third busy thread
     * cost the first night 2.7 s (6.7 s on PostgreSQL) and 200,000 JSON records 1.2 s.
     */
    record Judging(ChunkDecider judge, FileContext ctx, StoredDeals stored, boolean readAhead) {
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
    /** The reader has ended (reading thread only): later reads hand out nothing and leave the reader alone. */
    private boolean readAll;

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
        ExecutorService reading = judging.readAhead() ? Executors.newSingleThreadExecutor(READ_THREADS) : null;
        ExecutorService ahead = Executors.newSingleThreadExecutor(JUDGE_THREADS);
        try {
            ReviewerFiles.Offsets offsets = files.start();
            Future<Chunk> next = ahead.submit(decideWhenRead(readNext(reading)));
            Supplier<List<SourceRecord>> read = readNext(reading);
            while (true) {
                Chunk chunk = get(next);
                if (chunk.records().isEmpty()) {
                    return;
                }
                next = ahead.submit(decideWhenRead(read));
                read = readNext(reading);
                offsets = write(chunk, ledger, offsets, next);
                sink.settled(ledger.getRead() - chunk.records().size(), ledger.getRead());
                progress.records(display, ledger.getRead());
            }
        } finally {
            if (reading != null) {
                reading.shutdownNow();
            }
            ahead.shutdownNow();
        }
    }

    /** The next chunk's records: read now on the reading thread, or (none) by the judge thread when it takes them. */
    private Supplier<List<SourceRecord>> readNext(ExecutorService reading) {
        if (reading == null) {
            return this::read;
        }
        Future<List<SourceRecord>> f = reading.submit(this::read);
        return () -> get(f);
    }

    /**
     * Reads the next chunk. A resumed file's records settled before the crash are re-learnt here, into the file's
     * context: they all come before the first record read for judging, so this happens within the first read, which
     * the first judging waits for; no later read touches the context that judging uses.
     */
    private List<SourceRecord> read() {
        List<SourceRecord> records = new ArrayList<>(batchSize);
        while (!readAll && records.size() < batchSize) {
            if (!reader.hasNext()) {
                readAll = true;
                break;
            }
            SourceRecord r = reader.next();
            if (r.position() <= resumeAfter) {
                relearn(r);
                continue;
            }
            records.add(r);
        }
        return records;
    }

    /** Decides a chunk once it is read (an empty chunk: the file has ended). */
    private Callable<Chunk> decideWhenRead(Supplier<List<SourceRecord>> read) {
        return () -> {
            List<SourceRecord> records = read.get();
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
        };
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

    /** Daemon threads: a stuck stage must never keep the JVM alive after Camel Main completes. */
    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
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
