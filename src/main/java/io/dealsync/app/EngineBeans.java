package io.dealsync.app;

import io.dealsync.store.EngineLock;
import java.nio.file.Path;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * The beans the routes of {@code routes/} call, bound in one place (Camel Main reads the {@link BindToRegistry}
 * methods of a configuration). Each is a few lines over the engine's parts; the routes tell the order.
 */
final class EngineBeans implements CamelConfiguration {
    private final Engine engine;
    private final RunService runs;
    private final Path inbox;
    private final FileLockRepository fileLocks;
    private final StaleFileRecovery staleFiles;
    private final String owner;
    private final Runnable stopCamel;

    /**
     * @param fileLocks the cluster's file locks, or null for a single instance
     * @param owner     this instance in the cluster's lock rows
     * @param stopCamel ends Camel Main (run --once, after the end of its run)
     */
    EngineBeans(Engine engine, RunService runs, Path inbox, FileLockRepository fileLocks, StaleFileRecovery staleFiles,
            String owner, Runnable stopCamel) {
        this.engine = engine;
        this.runs = runs;
        this.inbox = inbox;
        this.fileLocks = fileLocks;
        this.staleFiles = staleFiles;
        this.owner = owner;
        this.stopCamel = stopCamel;
    }

    /** routes/intake.camel.yaml: one file. */
    @BindToRegistry("intake")
    public IntakeBean intake() {
        return new IntakeBean(runs, inbox);
    }

    /** routes/end-of-run.camel.yaml (and the daemon's sweep in schedule.camel.yaml). */
    @BindToRegistry("runEnd")
    public RunEnd runEnd() {
        return new RunEnd(runs, inbox, engine.settings().getBoolean("dealsync.inbox.done-marker"), stopCamel);
    }

    /** routes/notifications.camel.yaml. */
    @BindToRegistry("outbox")
    public OutboxBean outbox() {
        return new OutboxBean(engine.store(), engine.settings().path("dealsync.outbox"));
    }

    /** routes/notifications.camel.yaml: in cluster mode one delivery at a time across the instances. */
    @BindToRegistry("outboxTurns")
    public OutboxTurnPolicy outboxTurns() {
        return new OutboxTurnPolicy(fileLocks != null ? new EngineLock(engine.database(), "outbox", owner) : null);
    }

    /** routes/cluster.camel.yaml. */
    @BindToRegistry("staleFiles")
    public StaleFileRecovery staleFiles() {
        return staleFiles;
    }

    /** routes/schedule.camel.yaml. */
    @BindToRegistry("rulesReloader")
    public RulesReloadBean rulesReloader() {
        return new RulesReloadBean(engine.ruleBooks());
    }

    /** In cluster mode the intake's read lock ({@code idempotentRepository=#fileLocks}). */
    @Override
    public void configure(CamelContext camelContext) {
        if (fileLocks != null) {
            camelContext.getRegistry().bind("fileLocks", fileLocks);
        }
    }
}
