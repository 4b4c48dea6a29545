package io.dealsync.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.ingest.FilePrecheck;
import io.dealsync.ingest.RecordReader;
import io.dealsync.ingest.RecordReaders;
import io.dealsync.ingest.SourceProfile;
import io.dealsync.ingest.SourceRecord;
import io.dealsync.ingest.UnreadableFileException;
import io.dealsync.model.Violation;
import io.dealsync.reject.CsvRecordFileWriter;
import io.dealsync.reject.NdjsonRecordFileWriter;
import io.dealsync.reject.RecordFileWriter;
import io.dealsync.reject.RejectFileException;
import io.dealsync.reject.RejectWorkbookWriter;
import io.dealsync.report.FileLedger;
import io.dealsync.rules.RuleBook;
import io.dealsync.store.ConcurrentChangeException;
import io.dealsync.store.WriteConflictException;
import io.dealsync.store.DatabaseUnavailableException;
import io.dealsync.store.DealStore;
import io.dealsync.store.FileRegistry;
import io.dealsync.store.FileState;
import io.dealsync.store.Dialect;
import io.dealsync.store.StoreException;
import io.dealsync.sync.StoredDeals;
import io.dealsync.sync.ChunkJudge;
import io.dealsync.sync.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input file from inbox to database: check it whole (hash, encoding) before touching anything,
 * recognise a repeat, then read it streaming in chunks; per chunk, decide (rules) and write (one
 * transaction that also moves the file's checkpoint). A run killed mid-file resumes after the last
 * committed chunk, so the end state is that of an uninterrupted run.
 */
public final class FileIntake {
    private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Daemon threads: a stuck read-ahead must never keep the JVM alive after Camel Main completes. */
    private static final ThreadFactory JUDGE_THREADS = r -> {
        Thread t = new Thread(r, "dealsync-judge");
        t.setDaemon(true);
        return t;
    };

    /** What the intake needs from the engine: the store, the current rules, the profiles, the settings. */
    public interface Environment {
        DealStore store();

        RuleBook rules();

        SourceProfile profileFor(String source);

        boolean knowsSource(String source);

        Path rejectsDir();

        Path home();

        String defaultPartnerId();

        int batchSize();

        /** Records between two database checkpoints of a long file (embedded database). */
        long checkpointRecords();

        /** Attempts at a chunk's lookup and write (with back-off) before the database counts as unreachable. */
        default int writeAttempts() {
            return 5;
        }

        /** Issue 14: the inbox source whose files are Partner Center's processed hand-off files. */
        default String processedSource() {
            return io.dealsync.handoff.HandoffSettings.DEFAULT_PROCESSED_SOURCE;
        }
    }

    private final Environment env;
    private final Progress progress;

    public FileIntake(Environment env, Progress progress) {
        this.env = env;
        this.progress = progress;
    }

    /**
     * Processes one file.
     *
     * @param file   where the file is now (it may already have been moved out of its inbox folder)
     * @param name   its file name
     * @param source its source (inbox subfolder), "" for the inbox root
     * @throws UnreadableFileException when the file cannot be read at all (nothing of it was applied)
     * @throws DatabaseUnavailableException when the database went away; the file is left to a later run
     */
    public FileLedger process(Path file, String name, String source, RunContext run) throws UnreadableFileException {
        long start = System.nanoTime();
        FileLedger ledger = new FileLedger(name, source);
        boolean processedFile = source.equals(env.processedSource()); // issue 14
        if (!source.isEmpty() && !processedFile && !env.knowsSource(source)) {
            run.ledger().addUnknownSource(source);
        }
        SourceProfile profile = env.profileFor(source);
        FilePrecheck.Result pre;
        try {
            pre = FilePrecheck.check(file, profile);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + name + " failed", e);
        }
        ledger.setSha256(pre.sha256());
        String repeatOf = env.store().files().findDone(pre.sha256());
        if (repeatOf != null) {
            ledger.setStatus(FileLedger.Status.repeat);
            ledger.setRepeatOf(repeatOf);
            ledger.setDurationMs(millis(start));
            LOG.info("{}: repeat of {} (same content), nothing changed", display(source, name), repeatOf);
            return ledger;
        }
        if (pre.problem() != null) {
            fail(ledger, run, pre.problem());
        }
        // --- issue 14: Partner Center's processed file answers a hand-off; its rows are not deals to judge
        if (processedFile) {
            ledger.setDurationMs(millis(start));
            return new io.dealsync.handoff.ProcessedFileIntake(env.store(), env.defaultPartnerId())
                    .process(file, name, source, pre.sha256(), run, ledger);
        }
        // --- end issue 14
        RuleBook book = env.rules();
        boolean json = RecordReaders.kindOf(name) == RecordReader.Kind.JSON; // a workbook is rows, like CSV
        RecordReader.Kind kind = json ? RecordReader.Kind.JSON : RecordReader.Kind.CSV;
        Path rejectsDir = source.isEmpty() ? env.rejectsDir() : env.rejectsDir().resolve(source);
        FileState state = env.store().files().beginFile(name, source, pre.sha256(), run.runId(), book.fingerprint(),
                RecordFileWriter.chooseName(rejectsDir, name, RecordFileWriter.Kind.REJECTS.suffix(kind), run.runId()).toString(),
                RecordFileWriter.chooseName(rejectsDir, name, RecordFileWriter.Kind.WARNINGS.suffix(kind), run.runId()).toString());
        if (state.resumed()) {
            restoreCounts(ledger, state.ledgerJson());
            LOG.info("{}: resuming after line {} (an earlier run stopped mid-file)", display(source, name), state.checkpointLine());
        }
        try (RecordReader reader = open(file, profile, ledger, run, state)) {
            ledger.setUnknownColumns(reader.unknownColumns());
            boolean ndjson = json && isNdjson(name, reader);
            Writers writers = new Writers(state, reader, profile, ndjson, display(source, name));
            ExecutorService ahead = Executors.newSingleThreadExecutor(JUDGE_THREADS);
            try {
                ChunkJudge judge = new ChunkJudge(book);
                ChunkJudge.FileContext ctx = new ChunkJudge.FileContext(run.asOf(), env.defaultPartnerId(),
                        profile.stageMapping()).wording(Wordings.of(profile, reader)); // issue 10: reviewer's words
                // A fresh embedded database holds no deal this file could update: deals the file creates are
                // found again only by later records of the same deal, which are duplicates anyway (R9).
                StoredDeals stored = env.store().database().dialect() == Dialect.HSQLDB && env.store().reads().noDeals()
                        ? StoredDeals.NONE : env.store().lookup();
                long[] offsets = {state.rejectOffset(), state.warningOffset()};
                // Pipeline: the next chunk is read and judged on one thread while this one writes the current
                // chunk, so parsing and rules overlap the database writes (2 cores). At most three chunks live.
                Future<Chunk> next = ahead.submit(() -> readAndDecide(reader, judge, ctx, stored, state));
                while (true) {
                    Chunk chunk = get(next);
                    if (chunk.records().isEmpty()) {
                        break;
                    }
                    next = ahead.submit(() -> readAndDecide(reader, judge, ctx, stored, state));
                    offsets = write(chunk, judge, ctx, stored, state, run, ledger, writers, offsets, next);
                    long every = env.checkpointRecords();
                    if (ledger.getRead() / every != (ledger.getRead() - chunk.records().size()) / every) {
                        env.store().checkpoint();
                    }
                    progress.records(display(source, name), ledger.getRead());
                }
                try {
                    writers.complete(ledger, env.home());
                } catch (IOException e) { // the reviewer files could not be synced or renamed: not done
                    throw new RejectFileException(Path.of(state.rejectFile()), e);
                }
            } catch (RuntimeException e) {
                writers.abort();
                throw e;
            } finally {
                ahead.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + name + " failed", e);
        }
        ledger.setDurationMs(millis(start));
        env.store().files().finishFile(state.id(), "done", toJson(ledger), counts(ledger), null);
        env.store().checkpoint(); // durable before the route moves the file to .done/
        LOG.info("{}: read {}, created {}, updated {}, unchanged {}, rejected {}, skipped {}, warnings {}, expired {} in {} ms",
                display(source, name), ledger.getRead(), ledger.getCreated(), ledger.getUpdated(), ledger.getUnchanged(),
                ledger.getRejected(), ledger.getSkipped(), ledger.getWarnings(), ledger.getExpired(), ledger.getDurationMs());
        return ledger;
    }

    private RecordReader open(Path file, SourceProfile profile, FileLedger ledger, RunContext run, FileState state)
            throws UnreadableFileException {
        try {
            return RecordReaders.open(file, profile);
        } catch (UnreadableFileException e) {
            env.store().files().finishFile(state.id(), "failed", null, counts(ledger), e.getMessage());
            ledger.setStatus(FileLedger.Status.failed);
            ledger.setError(e.getMessage());
            throw e;
        }
    }

    private void fail(FileLedger ledger, RunContext run, String problem) throws UnreadableFileException {
        env.store().files().recordFailed(ledger.getName(), ledger.getSource(), ledger.getSha256(), run.runId(), problem);
        ledger.setStatus(FileLedger.Status.failed);
        ledger.setError(problem);
        throw new UnreadableFileException(problem);
    }

    /** A resumed file: the records settled before the crash still count for R9 (duplicates in the file). */
    private static void relearn(SourceRecord r, ChunkJudge.FileContext ctx) {
        if (r.deal() == null) {
            return;
        }
        for (String key : ChunkJudge.keysOf(r.deal(), ctx)) {
            ctx.remember(key, r.position());
        }
    }

    /** A chunk of records with the decisions made for them. */
    private record Chunk(List<SourceRecord> records, List<Decision> decisions) {
    }

    /** Reads the next chunk (skipping what a resumed file already settled) and decides it. */
    private Chunk readAndDecide(RecordReader reader, ChunkJudge judge, ChunkJudge.FileContext ctx, StoredDeals stored,
            FileState state) {
        List<SourceRecord> records = new ArrayList<>(env.batchSize());
        while (records.size() < env.batchSize() && reader.hasNext()) {
            SourceRecord r = reader.next();
            if (r.position() <= state.checkpointLine()) {
                relearn(r, ctx);
                continue;
            }
            records.add(r);
        }
        if (records.isEmpty()) {
            return new Chunk(records, List.of());
        }
        try {
            return new Chunk(records, judge.decide(records, stored, ctx));
        } catch (StoreException e) {
            // the stored deals could not be looked up: the writer decides this chunk again, with its retries
            LOG.debug("Looking up the stored deals of a chunk failed: {}", e.getMessage());
            return new Chunk(records, null);
        }
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

    /**
     * Writes one decided chunk (reject/warning lines, then one transaction with the checkpoint). When the
     * database hiccups or another instance changed one of its deals, the chunk is decided again (after the
     * read-ahead settles, so the judge is never used by two threads) and written again.
     */
    private long[] write(Chunk chunk, ChunkJudge judge, ChunkJudge.FileContext ctx, StoredDeals stored, FileState state,
            RunContext run, FileLedger ledger, Writers writers, long[] before, Future<Chunk> readAhead) {
        long backoff = 500;
        List<Decision> decisions = chunk.decisions();
        int attempts = env.writeAttempts();
        for (int attempt = 1; ; attempt++) {
            FileLedger delta = new FileLedger(ledger.getName(), ledger.getSource());
            try {
                if (decisions == null) {
                    // the lookup failed (read-ahead or an earlier attempt): again, once the read-ahead settled
                    awaitQuietly(readAhead);
                    decisions = judge.decide(chunk.records(), stored, ctx);
                }
                for (Decision d : decisions) {
                    count(d, delta);
                    if (d.outcome() == Decision.Outcome.REJECT) {
                        writers.rejects().write(d.record(), d.violations());
                    } else if (d.hasWarnings()) {
                        writers.warnings().write(d.record(), d.warnings());
                    }
                }
                long[] offsets = writers.flush();
                FileLedger after = copy(ledger);
                after.add(delta);
                long last = chunk.records().get(chunk.records().size() - 1).position();
                long writeStart = System.nanoTime(); // metrics (issue 11): chunk write time
                env.store().writer().apply(state, run.runId(), run.asOf(), decisions,
                        new FileRegistry.Checkpoint(last, offsets[0], offsets[1], toJson(after), counts(after)));
                ledger.addChunkWrite(System.nanoTime() - writeStart); // metrics (issue 11)
                ledger.add(delta);
                run.ledger().addNotifications(decisions.stream().filter(d -> d.notifyEvent() != null).count());
                LOG.debug("{}: batch up to line {} written ({} records)", ledger.getName(), last, decisions.size());
                return offsets;
            } catch (IOException e) { // issue 12: disk trouble aborts the chunk before its transaction
                throw new RejectFileException(Path.of(state.rejectFile()), e);
            } catch (ConcurrentChangeException | StoreException e) {
                writers.rewind(before[0], before[1]);
                if (attempt >= attempts) { // cluster (issue 9): a write conflict is not "the database is unreachable"
                    throw WriteConflictException.afterRetries(ledger.getName(), chunk.records().get(0).position(),
                            chunk.records().get(chunk.records().size() - 1).position(), attempt, e);
                }
                LOG.warn("{}: batch failed ({}), retrying in {} ms", ledger.getName(), WriteConflictException.describe(e), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 8000);
                decisions = null; // decided again at the next attempt, inside the retry
            }
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

    static void count(Decision d, FileLedger l) {
        l.incRead();
        switch (d.outcome()) {
            case CREATE -> l.incCreated();
            case UPDATE -> l.incUpdated();
            case UNCHANGED -> l.incUnchanged();
            case SKIP -> l.incSkipped();
            case REJECT -> {
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
        if (d.outcome() != Decision.Outcome.REJECT && d.outcome() != Decision.Outcome.SKIP && d.hasWarnings()) {
            l.incWarnings();
            d.warnings().stream().map(Violation::code).distinct().forEach(l::countWarningCode);
        }
        if (d.expired() || d.expireStored()) {
            l.incExpired();
        }
    }

    static long[] counts(FileLedger l) {
        return new long[] {l.getRead(), l.getCreated(), l.getUpdated(), l.getUnchanged(), l.getRejected(),
                l.getSkipped(), l.getWarnings(), l.getExpired()};
    }

    private static FileLedger copy(FileLedger l) {
        FileLedger c = new FileLedger(l.getName(), l.getSource());
        c.add(l);
        return c;
    }

    static String toJson(FileLedger l) {
        try {
            return JSON.writeValueAsString(l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resumed file starts from the counts its last checkpoint saved with the data. */
    private static void restoreCounts(FileLedger ledger, String json) {
        if (json == null || json.isEmpty()) {
            return;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(json);
            FileLedger saved = new FileLedger(ledger.getName(), ledger.getSource());
            saved.setRead(n.path("read").asLong());
            saved.setCreated(n.path("created").asLong());
            saved.setUpdated(n.path("updated").asLong());
            saved.setUnchanged(n.path("unchanged").asLong());
            saved.setRejected(n.path("rejected").asLong());
            saved.setSkipped(n.path("skipped").asLong());
            saved.setWarnings(n.path("warnings").asLong());
            saved.setExpired(n.path("expired").asLong());
            n.path("rejectsByCode").fields().forEachRemaining(e -> saved.getRejectsByCode().put(e.getKey(), e.getValue().asLong()));
            n.path("rejectsByField").fields().forEachRemaining(e -> saved.getRejectsByField().put(e.getKey(), e.getValue().asLong()));
            n.path("warningsByCode").fields().forEachRemaining(e -> saved.getWarningsByCode().put(e.getKey(), e.getValue().asLong()));
            ledger.add(saved);
        } catch (IOException e) {
            throw new UncheckedIOException("The checkpoint of " + ledger.getName() + " cannot be read back", e);
        }
    }

    private static boolean isNdjson(String name, RecordReader reader) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return true;
        }
        return reader instanceof io.dealsync.ingest.JsonRecordReader j && j.isNdjson();
    }

    static String display(String source, String name) {
        return source.isEmpty() ? name : source + "/" + name;
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("Interrupted while waiting for the database", null);
        }
    }

    /** The file's reject and warning writers, opened on first use at the checkpoint's offsets. */
    private static final class Writers {
        private final FileState state;
        private final RecordReader reader;
        private final SourceProfile profile;
        private final boolean ndjson;
        private final String sourceFile;
        private RecordFileWriter rejects;
        private RecordFileWriter warnings;
        private long rejectBase;
        private long warningBase;

        Writers(FileState state, RecordReader reader, SourceProfile profile, boolean ndjson, String sourceFile) {
            this.state = state;
            this.sourceFile = sourceFile;
            this.reader = reader;
            this.profile = profile;
            this.ndjson = ndjson;
            this.rejectBase = state.rejectOffset();
            this.warningBase = state.warningOffset();
        }

        RecordFileWriter rejects() {
            if (rejects == null) {
                rejects = open(Path.of(state.rejectFile()), RecordFileWriter.Kind.REJECTS, rejectBase);
            }
            return rejects;
        }

        RecordFileWriter warnings() {
            if (warnings == null) {
                warnings = open(Path.of(state.warningFile()), RecordFileWriter.Kind.WARNINGS, warningBase);
            }
            return warnings;
        }

        private RecordFileWriter open(Path finalPath, RecordFileWriter.Kind kind, long offset) {
            try {
                Files.createDirectories(finalPath.getParent());
                if (reader.kind() == RecordReader.Kind.CSV) {
                    return new CsvRecordFileWriter(finalPath, kind, reader.header(), offset, profile.delimiter(),
                            profile.charset(), sourceFile);
                }
                return new NdjsonRecordFileWriter(finalPath, kind,
                        ndjson ? NdjsonRecordFileWriter.LINE : NdjsonRecordFileWriter.INDEX, offset);
            } catch (IOException e) {
                throw new RejectFileException(finalPath, e);
            }
        }

        long[] flush() {
            try {
                long r = rejects == null ? rejectBase : rejects.flush();
                long w = warnings == null ? warningBase : warnings.flush();
                return new long[] {r, w};
            } catch (IOException e) {
                throw new RejectFileException(Path.of(state.rejectFile()), e);
            }
        }

        /** Drops what was written after the given offsets (the batch that did not commit). */
        void rewind(long rejectOffset, long warningOffset) {
            try {
                if (rejects != null) {
                    rejects.abort();
                    rejects = null;
                }
                if (warnings != null) {
                    warnings.abort();
                    warnings = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rejectBase = rejectOffset;
            warningBase = warningOffset;
        }

        void complete(FileLedger ledger, Path home) throws IOException {
            Path rejectFile = rejects != null ? rejects.complete() : rejectBase > 0 ? rejects().complete() : null;
            rejects = null;
            if (rejectFile != null) {
                ledger.setRejectFile(relative(home, rejectFile));
                // the reviewer workbook, from the finished CSV (the same after a resumed run as after a clean one)
                Path workbook = RejectWorkbookWriter.writeBeside(rejectFile, profile);
                ledger.setRejectWorkbook(workbook == null ? null : relative(home, workbook));
            }
            if (warnings != null) {
                ledger.setWarningFile(relative(home, warnings.complete()));
                warnings = null;
            } else if (warningBase > 0) {
                ledger.setWarningFile(relative(home, warnings().complete()));
            }
        }

        void abort() {
            try {
                if (rejects != null) {
                    rejects.abort();
                }
                if (warnings != null) {
                    warnings.abort();
                }
            } catch (IOException e) {
                LOG.debug("Closing reject files: {}", e.getMessage());
            }
        }

        private static String relative(Path home, Path p) {
            Path abs = p.toAbsolutePath().normalize();
            return abs.startsWith(home) ? home.relativize(abs).toString().replace('\\', '/') : abs.toString();
        }
    }
}
