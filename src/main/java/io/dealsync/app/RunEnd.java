package io.dealsync.app;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the end of a run, as {@code routes/end-of-run.camel.yaml} calls them in order: the ignored files
 * listed, the expiry sweep, (the notifications, a route of their own), the report; and Camel Main stopped after a
 * {@code run --once}.
 */
public final class RunEnd {
    private static final Logger LOG = LoggerFactory.getLogger(RunEnd.class);

    private final RunService runs;
    private final Path inbox;
    private final boolean doneMarker;
    private final Runnable stopCamel;
    private final AtomicBoolean ended = new AtomicBoolean();

    RunEnd(RunService runs, Path inbox, boolean doneMarker, Runnable stopCamel) {
        this.runs = runs;
        this.inbox = inbox;
        this.doneMarker = doneMarker;
        this.stopCamel = stopCamel;
    }

    /** run --once: true the first time only; the polls that follow until Camel stops end nothing. */
    public boolean firstEnd() {
        return ended.compareAndSet(false, true);
    }

    /** A daemon's batch of files ends only when a file was taken since the last one. */
    public boolean hasRun() {
        return runs.hasRun();
    }

    /** The sweep and the deliveries need the database; the report is written without it. */
    public boolean databaseReachable() {
        return !runs.databaseDown();
    }

    public void listIgnoredFiles() {
        for (String f : InboxFiles.ignored(inbox, doneMarker)) {
            runs.run().ledger().addIgnoredFile(f);
        }
    }

    public long sweep() {
        return runs.sweep();
    }

    /** A step of the end of a run failed: the run ends non-zero, its report still written. */
    public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        runs.setFatalError(e.getMessage());
        LOG.error("End of run: {}", e.getMessage());
    }

    /** Closes the run: its JSON and HTML reports. */
    public void report() {
        runs.finishRun();
    }

    /** run --once is over: Camel Main completes (the routes stop, then the engine returns). */
    public void stop() {
        stopCamel.run();
    }
}
