package io.dealsync.intake;

import io.dealsync.handoff.HandoffSettings;
import io.dealsync.handoff.ProcessedFileIntake;
import io.dealsync.read.FilePrecheck;
import io.dealsync.read.RecordReader;
import io.dealsync.read.RecordReaders;
import io.dealsync.read.SourceProfile;
import io.dealsync.read.UnreadableFileException;
import io.dealsync.review.RecordFileWriter;
import io.dealsync.review.ReviewerFileNames;
import io.dealsync.report.FileLedger;
import io.dealsync.rules.RuleBook;
import io.dealsync.store.DealStore;
import io.dealsync.store.FileState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input file of a run, from inbox to database: check it whole (hash, encoding) before touching anything,
 * recognise a repeat, register it (or find the checkpoint of a run killed mid-file), then run its records
 * through the {@link RecordPipeline} into the store, a chunk per transaction. A run killed mid-file resumes after
 * the last committed chunk, so the end state is that of an uninterrupted run (docs/architecture.md "Crash safety").
 */
public final class FileIntake {
    private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);

    /** What the intake needs from the engine: the store, the current rules, the profiles, the settings. */
    public interface Environment {
        DealStore store();

        RuleBook rules();

        SourceProfile profileFor(String source);

        /** This file's precheck when it was made ahead (read.PrecheckAhead), else null. */
        default FilePrecheck.Result precheckedAhead(Path file, SourceProfile profile) {
            return null;
        }

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
            return HandoffSettings.DEFAULT_PROCESSED_SOURCE;
        }
    }

    private final Environment env;
    private final RecordPipeline pipeline;

    public FileIntake(Environment env, Progress progress) {
        this.env = env;
        this.pipeline = new RecordPipeline(env, progress);
    }

    /**
     * Processes one file.
     *
     * @param file   where the file is now (it may already have been moved out of its inbox folder)
     * @param name   its file name
     * @param source its source (inbox subfolder), "" for the inbox root
     * @throws UnreadableFileException when the file cannot be read at all (nothing of it was applied)
     * @throws io.dealsync.store.DatabaseUnavailableException when the database went away; the file is left to a later run
     */
    public FileLedger process(Path file, String name, String source, RunContext run) throws UnreadableFileException {
        long start = System.nanoTime();
        FileLedger ledger = new FileLedger(name, source);
        boolean processedFile = source.equals(env.processedSource()); // issue 14
        if (!source.isEmpty() && !processedFile && !env.knowsSource(source)) {
            run.ledger().addUnknownSource(source);
        }
        SourceProfile profile = env.profileFor(source);
        FilePrecheck.Result pre = precheck(file, name, profile);
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
        if (processedFile) { // issue 14: Partner Center's processed file answers a hand-off; its rows are not deals
            ledger.setDurationMs(millis(start));
            return new ProcessedFileIntake(env.store(), env.defaultPartnerId())
                    .process(file, name, source, pre.sha256(), run.runId(), run.asOf(), ledger);
        }
        store(file, profile, ledger, run, start);
        LOG.info("{}: read {}, created {}, updated {}, unchanged {}, rejected {}, skipped {}, warnings {}, expired {} in {} ms",
                display(source, name), ledger.getRead(), ledger.getCreated(), ledger.getUpdated(), ledger.getUnchanged(),
                ledger.getRejected(), ledger.getSkipped(), ledger.getWarnings(), ledger.getExpired(), ledger.getDurationMs());
        return ledger;
    }

    /** Registers the file (or takes up its checkpoint), runs its records into the store and marks it done. */
    private void store(Path file, SourceProfile profile, FileLedger ledger, RunContext run, long start)
            throws UnreadableFileException {
        long waiting = System.nanoTime();
        RuleBook book = env.rules(); // one book for the whole file, the one its registration names
        // the file's time leaves out a wait for the rules still compiling at the run's start (rules.CompiledRules)
        long timedFrom = start + (System.nanoTime() - waiting);
        FileState state = register(ledger, run, book);
        ReviewerFiles.Plan reviewerFiles = new ReviewerFiles.Plan(Path.of(state.rejectFile()), Path.of(state.warningFile()),
                new ReviewerFiles.Offsets(state.rejectOffset(), state.warningOffset()), this::relativeToHome);
        StoreSink sink = new StoreSink(env.store(), state, run, ledger, env.checkpointRecords());
        try (RecordReader reader = open(file, ledger, state, profile)) {
            pipeline.run(reader, profile, ledger,
                    new RecordPipeline.Pass(book, run.asOf(), state.checkpointLine(), reviewerFiles, sink));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + ledger.getName() + " failed", e);
        }
        ledger.setDurationMs(millis(timedFrom));
        env.store().files().finishFile(state.id(), "done", CheckpointLedger.toJson(ledger), LedgerCounts.of(ledger),
                null);
        env.store().checkpoint(); // durable before the route moves the file to .done/
    }

    private FilePrecheck.Result precheck(Path file, String name, SourceProfile profile) {
        FilePrecheck.Result ahead = env.precheckedAhead(file, profile);
        if (ahead != null) {
            return ahead;
        }
        try {
            return FilePrecheck.check(file, profile);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + name + " failed", e);
        }
    }

    /** The file's row, with the names of its reject and warning files, or the row a killed run left unfinished. */
    private FileState register(FileLedger ledger, RunContext run, RuleBook book) {
        String name = ledger.getName();
        String source = ledger.getSource();
        RecordReader.Kind kind = RecordReaders.kindOf(name); // a workbook is rows, like CSV
        Path rejectsDir = source.isEmpty() ? env.rejectsDir() : env.rejectsDir().resolve(source);
        FileState state = env.store().files().beginFile(name, source, ledger.getSha256(), run.runId(), book.fingerprint(),
                ReviewerFileNames.choose(rejectsDir, name, RecordFileWriter.Kind.REJECTS.suffix(kind), run.runId()).toString(),
                ReviewerFileNames.choose(rejectsDir, name, RecordFileWriter.Kind.WARNINGS.suffix(kind), run.runId()).toString());
        if (state.resumed()) {
            CheckpointLedger.restore(ledger, state.ledgerJson());
            LOG.info("{}: resuming after line {} (an earlier run stopped mid-file)", display(source, name),
                    state.checkpointLine());
        }
        return state;
    }

    private RecordReader open(Path file, FileLedger ledger, FileState state, SourceProfile profile)
            throws UnreadableFileException {
        try {
            return RecordReaders.open(file, profile);
        } catch (UnreadableFileException e) {
            env.store().files().finishFile(state.id(), "failed", null, LedgerCounts.of(ledger), e.getMessage());
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

    /** A reviewer file as the run report names it: relative to the home folder when it lies under it. */
    private String relativeToHome(Path p) {
        Path home = env.home();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    static String display(String source, String name) {
        return source.isEmpty() ? name : source + "/" + name;
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
