package io.dealsync.app;

import io.dealsync.ingest.UnreadableFileException;
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
    private volatile String fatalError;
    private volatile RunLedger lastRun;

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
            current.ledger().setRulesFingerprint(engine.rules().fingerprint());
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
        try {
            FileLedger ledger = intake.process(file, name, source, run);
            run.ledger().addFile(ledger);
            return true;
        } catch (UnreadableFileException e) {
            FileLedger failed = new FileLedger(name, source);
            failed.setStatus(FileLedger.Status.failed);
            failed.setError(e.getMessage());
            run.ledger().addFile(failed);
            LOG.error("{}: cannot be read, moved to .failed/: {}", display(source, name), e.getMessage());
            return false;
        } catch (io.dealsync.reject.RejectFileException e) {
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
                throw e;
            }
            // lost between chunks (registering the file, recording its end): the same as during one
            databaseDown = true;
            fatalError = "The database became unreachable while processing " + display(source, name)
                    + "; the file stays for the next run: " + e.getMessage();
            LOG.error("{}", fatalError);
            throw new DatabaseUnavailableException(fatalError, e);
        }
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
        long n = engine.store().sweep(run.asOf(), engine.rules().reference().expiryWindowDays(), run.runId(),
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
        lastRun = ledger;
        current = null;
        return ledger;
    }

    private Map<String, String> codeMeanings() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ReasonCode rc : engine.rules().reference().reasonCodes().values()) {
            m.put(rc.code(), rc.render("A field"));
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

    public boolean databaseDown() { return databaseDown; }
    public String fatalError() { return fatalError; }
    public void setFatalError(String error) { this.fatalError = error; }
    public RunLedger lastRun() { return lastRun; }

    static String display(String source, String name) {
        return source.isEmpty() ? name : source + "/" + name;
    }
}
