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
import io.dealsync.report.FileLedger;
import io.dealsync.rules.RuleBook;
import io.dealsync.store.ConcurrentChangeException;
import io.dealsync.store.DatabaseUnavailableException;
import io.dealsync.store.DealStore;
import io.dealsync.store.FileState;
import io.dealsync.store.StoreException;
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
import java.util.function.Supplier;
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
    private static final int WRITE_ATTEMPTS = 5;

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
        if (!source.isEmpty() && !env.knowsSource(source)) {
            run.ledger().addUnknownSource(source);
        }
        SourceProfile profile = env.profileFor(source);
        FilePrecheck.Result pre;
        try {
            pre = FilePrecheck.check(file, profile.charset());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + name + " failed", e);
        }
        ledger.setSha256(pre.sha256());
        String repeatOf = env.store().findDone(pre.sha256());
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
        RuleBook book = env.rules();
        boolean json = !name.toLowerCase(Locale.ROOT).endsWith(".csv");
        RecordReader.Kind kind = json ? RecordReader.Kind.JSON : RecordReader.Kind.CSV;
        Path rejectsDir = source.isEmpty() ? env.rejectsDir() : env.rejectsDir().resolve(source);
        FileState state = env.store().beginFile(name, source, pre.sha256(), run.runId(), book.fingerprint(),
                RecordFileWriter.chooseName(rejectsDir, name, RecordFileWriter.Kind.REJECTS.suffix(kind), run.runId()).toString(),
                RecordFileWriter.chooseName(rejectsDir, name, RecordFileWriter.Kind.WARNINGS.suffix(kind), run.runId()).toString());
        if (state.resumed()) {
            restoreCounts(ledger, state.ledgerJson());
            LOG.info("{}: resuming after line {} (an earlier run stopped mid-file)", display(source, name), state.checkpointLine());
        }
        try (RecordReader reader = open(file, profile, ledger, run, state)) {
            ledger.setUnknownColumns(reader.unknownColumns());
            boolean ndjson = json && isNdjson(name, reader);
            Writers writers = new Writers(state, reader, profile, ndjson);
            try {
                ChunkJudge judge = new ChunkJudge(book);
                ChunkJudge.FileContext ctx = new ChunkJudge.FileContext(run.asOf(), env.defaultPartnerId(),
                        profile.stageMapping());
                long rejectOffset = state.rejectOffset();
                long warningOffset = state.warningOffset();
                List<SourceRecord> chunk = new ArrayList<>(env.batchSize());
                while (true) {
                    chunk.clear();
                    while (chunk.size() < env.batchSize() && reader.hasNext()) {
                        SourceRecord r = reader.next();
                        if (r.position() <= state.checkpointLine()) {
                            relearn(r, ctx, book);
                            continue;
                        }
                        chunk.add(r);
                    }
                    if (chunk.isEmpty()) {
                        break;
                    }
                    long[] offsets = applyChunk(chunk, judge, ctx, state, run, ledger, writers, rejectOffset, warningOffset);
                    rejectOffset = offsets[0];
                    warningOffset = offsets[1];
                    progress.records(display(source, name), ledger.getRead());
                }
                writers.complete(ledger, env.home());
            } catch (RuntimeException e) {
                writers.abort();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + name + " failed", e);
        }
        ledger.setDurationMs(millis(start));
        env.store().finishFile(state.id(), "done", toJson(ledger), counts(ledger), null);
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
            env.store().finishFile(state.id(), "failed", null, counts(ledger), e.getMessage());
            ledger.setStatus(FileLedger.Status.failed);
            ledger.setError(e.getMessage());
            throw e;
        }
    }

    private void fail(FileLedger ledger, RunContext run, String problem) throws UnreadableFileException {
        env.store().recordFailed(ledger.getName(), ledger.getSource(), ledger.getSha256(), run.runId(), problem);
        ledger.setStatus(FileLedger.Status.failed);
        ledger.setError(problem);
        throw new UnreadableFileException(problem);
    }

    /** A resumed file: the records settled before the crash still count for R9 (duplicates in the file). */
    private static void relearn(SourceRecord r, ChunkJudge.FileContext ctx, RuleBook book) {
        if (r.deal() == null) {
            return;
        }
        for (String key : ChunkJudge.keysOf(r.deal(), ctx)) {
            ctx.remember(key, r.position());
        }
    }

    /** Decides and writes one chunk; retries when the database hiccups or another instance raced us. */
    private long[] applyChunk(List<SourceRecord> chunk, ChunkJudge judge, ChunkJudge.FileContext ctx, FileState state,
            RunContext run, FileLedger ledger, Writers writers, long rejectOffset, long warningOffset) {
        long backoff = 500;
        for (int attempt = 1; ; attempt++) {
            FileLedger delta = new FileLedger(ledger.getName(), ledger.getSource());
            try {
                List<Decision> decisions = judge.decide(chunk, env.store(), ctx);
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
                long last = chunk.get(chunk.size() - 1).position();
                env.store().applyChunk(state, run.runId(), run.asOf(), decisions,
                        new DealStore.Checkpoint(last, offsets[0], offsets[1], toJson(after), counts(after)));
                ledger.add(delta);
                run.ledger().addNotifications(decisions.stream().filter(d -> d.notifyEvent() != null).count());
                LOG.debug("{}: batch up to line {} written ({} records)", ledger.getName(), last, chunk.size());
                return offsets;
            } catch (IOException e) {
                throw new UncheckedIOException("Writing the reject file of " + ledger.getName() + " failed", e);
            } catch (ConcurrentChangeException | StoreException e) {
                writers.rewind(rejectOffset, warningOffset);
                if (attempt >= WRITE_ATTEMPTS) {
                    if (e instanceof ConcurrentChangeException) {
                        throw e;
                    }
                    throw new DatabaseUnavailableException("Writing " + ledger.getName()
                            + " failed after " + attempt + " attempts; the file stays for the next run", e);
                }
                LOG.warn("{}: batch failed ({}), retrying in {} ms", ledger.getName(), e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 8000);
            }
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

    private static void restoreCounts(FileLedger ledger, String json) {
        if (json == null || json.isEmpty()) {
            return;
        }
        try {
            FileLedger saved = JSON.readValue(json, FileLedger.class);
            ledger.add(saved);
        } catch (IOException e) {
            LOG.warn("The checkpoint's counts cannot be read back; counting from the resume point: {}", e.getMessage());
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
        private RecordFileWriter rejects;
        private RecordFileWriter warnings;
        private long rejectBase;
        private long warningBase;

        Writers(FileState state, RecordReader reader, SourceProfile profile, boolean ndjson) {
            this.state = state;
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
                            profile.charset());
                }
                return new NdjsonRecordFileWriter(finalPath, kind,
                        ndjson ? NdjsonRecordFileWriter.LINE : NdjsonRecordFileWriter.INDEX, offset);
            } catch (IOException e) {
                throw new UncheckedIOException("Opening " + finalPath + " failed", e);
            }
        }

        long[] flush() {
            try {
                long r = rejects == null ? rejectBase : rejects.flush();
                long w = warnings == null ? warningBase : warnings.flush();
                return new long[] {r, w};
            } catch (IOException e) {
                throw new UncheckedIOException("Writing the reject file failed", e);
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
            if (rejects != null) {
                ledger.setRejectFile(relative(home, rejects.complete()));
                rejects = null;
            } else if (rejectBase > 0) {
                ledger.setRejectFile(relative(home, rejects().complete()));
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
