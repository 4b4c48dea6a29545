package io.dealsync.app;

import io.dealsync.read.UnreadableFileException;
import io.dealsync.intake.FileIntake;
import io.dealsync.intake.Progress;
import io.dealsync.intake.RunContext;
import io.dealsync.report.FileLedger;
import io.dealsync.report.ReportWriter;
import io.dealsync.report.RunLedger;
import io.dealsync.rules.ReasonCode;
import io.dealsync.store.DatabaseUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A run of the engine: files, then the sweep, then the report. The Camel beans call it; so do the
 * commands that run without routes (expire). Holds the run in progress and its outcome for the exit code.
 */
public final class RunService {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final Engine engine;
    private final String mode;
    private final FileIntake intake;
    private final Progress progress;
    private RunContext current;
    private volatile boolean databaseDown;
    private volatile boolean rulesFailed;
    private volatile String fatalError;
    private volatile RunLedger lastRun;
    private final io.dealsync.metrics.EngineMetrics metrics = new io.dealsync.metrics.EngineMetrics();

    public RunService(Engine engine, String mode, Progress progress) {
        this.engine = engine;
        this.mode = mode;
        this.progress = progress;
        this.intake = new FileIntake(engine, progress);
    }

    public Engine engine() {
        return engine;
    }

    public synchronized RunContext run() {
        if (current == null) {
            current = new RunContext(engine.settings().asOf(), mode);
            current.ledger().setRulesFingerprint(engine.rulesFingerprint());
        }
        return current;
    }

    public synchronized boolean hasRun() {
        return current != null;
    }

    /**
     * Processes one file.
     *
     * @return true when it was read (done or repeat), false when it could not be read (it goes to .failed/)
     */
    public boolean processFile(Path file, String name, String source) {
        RunContext run = run();
        // every log line of this file carries the run id and the file (logback.xml prints them; JSON has them)
        try (MDC.MDCCloseable r = MDC.putCloseable("runId", run.runId());
                MDC.MDCCloseable f = MDC.putCloseable("file", display(source, name))) {
            return processInRun(file, name, source, run);
        }
    }

    private boolean processInRun(Path file, String name, String source, RunContext run) {
        try {
            FileLedger ledger = intake.process(file, name, source, run);
            noticeEmpty(file, ledger);
            run.ledger().addFile(ledger);
            metrics.fileClosed(ledger);
            return true;
        } catch (UnreadableFileException e) {
            FileLedger failed = new FileLedger(name, source);
            failed.setStatus(FileLedger.Status.failed);
            failed.setError(e.getMessage());
            run.ledger().addFile(failed);
            metrics.fileClosed(failed);
            LOG.error("{}: cannot be read, moved to .failed/: {}", display(source, name), e.getMessage());
            return false;
        } catch (io.dealsync.rules.RuleFailedException e) {
            // issue 10: a rule that fails at run time fails the file (to .failed/ with the reason); the run goes
            // on with the other files and exits 2. Chunks committed before stay, as after a crash: the file,
            // put back once the rule is fixed, resumes after them.
            rulesFailed = true;
            FileLedger failed = new FileLedger(name, source);
            failed.setStatus(FileLedger.Status.failed);
            failed.setError(e.getMessage());
            run.ledger().addFile(failed);
            LOG.error("{}: moved to .failed/: {}", display(source, name), e.getMessage());
            return false;
        } catch (io.dealsync.review.RejectFileException e) {
            // issue 12: the folder is not writable or the disk is full. Nothing of the chunk in hand was
            // committed; the file stays in the inbox (the exchange fails) and the run ends non-zero.
            fatalError = display(source, name) + ": " + e.getMessage();
            LOG.error("{}", fatalError);
            throw e;
        } catch (DatabaseUnavailableException e) {
            databaseDown = true;
            fatalError = e.getMessage();
            LOG.error("{}: {}", display(source, name), e.getMessage());
            throw e;
        } catch (io.dealsync.store.StoreException e) {
            if (!io.dealsync.store.Database.isUnreachable(e)) {
                fatalError = display(source, name) + ": " + e.getMessage() + "; the file stays for the next run";
                LOG.error("{}", fatalError);
                throw e;
            }
            // lost between chunks (registering the file, recording its end): the same as during one
            databaseDown = true;
            fatalError = "The database became unreachable while processing " + display(source, name)
                    + "; the file stays for the next run: " + e.getMessage();
            LOG.error("{}", fatalError);
            throw new DatabaseUnavailableException(fatalError, e);
        } catch (RuntimeException | Error e) {
            // anything else (out of memory, a bug): nothing of the chunk in hand was committed and the file
            // stays for the next run, which resumes it; the run must not look like a success (exit non-zero)
            fatalError = display(source, name) + ": processing stopped (" + e + "); the file stays for the next run";
            LOG.error("{}", fatalError);
            throw e;
        }
    }

    /**
     * docs/formats.md: an empty or header-only file is a normal file with no records; it is still worth a warning
     * (an export that went wrong upstream), in the terminal summary and the report.
     */
    static void noticeEmpty(Path file, FileLedger ledger) {
        if (ledger.getStatus() != FileLedger.Status.done || ledger.getRead() > 0) {
            return;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        ledger.setNotice(size == 0 ? "empty file: no records" : "no records (header only, or an empty list)");
        LOG.warn("{}: {}", display(ledger.getSource(), ledger.getName()), ledger.getNotice());
    }

    /** Writes the reason a file failed beside it in .failed/ (a person reads it, so: plain words). */
    public static void writeFailureReason(Path failedDir, String name, String reason) {
        try {
            Files.createDirectories(failedDir);
            Files.writeString(failedDir.resolve(name + ".reason.txt"), reason + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Cannot write the failure reason of {}: {}", name, e.getMessage());
        }
    }

    /** The expiry sweep of stored deals, as of the run's date. */
    public long sweep() {
        RunContext run = run();
        MDC.put("runId", run.runId());
        long n = engine.store().sweep().sweep(run.asOf(), engine.reference().expiryWindowDays(), run.runId(),
                instanceName());
        run.ledger().addExpiredBySweep(n);
        run.ledger().addNotifications(n);
        if (n > 0) {
            LOG.info("Expiry sweep as of {}: {} deal(s) expired", run.asOf(), n);
        }
        return n;
    }

    /** Closes the run: writes the JSON and HTML reports. Returns the ledger, or null when nothing ran. */
    public synchronized RunLedger finishRun() {
        if (current == null) {
            return null;
        }
        RunLedger ledger = current.ledger();
        MDC.put("runId", ledger.getRunId());
        ledger.setFinishedAt(Instant.now());
        progress.done();
        try {
            ReportWriter.Paths paths = ReportWriter.write(ledger, engine.settings().path("dealsync.reports"),
                    codeMeanings(), engine.settings().home());
            LOG.info("Run {} report: {} ({} file(s), reconciled: {})", ledger.getRunId(),
                    engine.settings().home().relativize(paths.html().toAbsolutePath()), ledger.getFiles().size(),
                    ledger.isReconciled());
        } catch (IOException | RuntimeException e) {
            // issue 12: a report that cannot be written makes the run end non-zero, naming the folder
            fatalError = "Writing the run report in the folder " + engine.settings().path("dealsync.reports")
                    .toAbsolutePath().normalize() + " failed: " + e;
            LOG.error("{}", fatalError);
        }
        metrics.runClosed(ledger);
        lastRun = ledger;
        current = null;
        MDC.remove("runId");
        return ledger;
    }

    private Map<String, String> codeMeanings() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ReasonCode rc : engine.reference().reasonCodes().values()) {
            m.put(rc.code(), rc.meaning()); // issue 10: the slots named, not "A field is required"
        }
        return m;
    }

    public String instanceName() {
        String name = engine.settings().get("dealsync.instance");
        if (!name.isEmpty()) {
            return name;
        }
        return ProcessHandle.current().pid() + "@" + hostName();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    public Progress progress() { return progress; }
    public boolean databaseDown() { return databaseDown; }
    /** A rule failed at run time on some file of this engine's life (issue 10: exit 2). */
    public boolean rulesFailed() { return rulesFailed; }
    public String fatalError() { return fatalError; }
    public void setFatalError(String error) { this.fatalError = error; }
    public RunLedger lastRun() { return lastRun; }
    /** The engine's meters, fed as each file's and each run's ledger closes. */
    public io.dealsync.metrics.EngineMetrics metrics() { return metrics; }

    static String display(String source, String name) {
        return source.isEmpty() ? name : source + "/" + name;
    }
}
