package io.dealsync.app;

import io.dealsync.config.EngineSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import io.dealsync.rules.RulesException;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel Main for the engine: the YAML routes of {@code routes/} with the beans of {@link EngineBeans}.
 * In {@code run --once} the intake's first empty poll ends the run ({@code routes/end-of-run.camel.yaml}:
 * ignored files, sweep, notifications, report, stop). As a daemon it keeps polling; timers sweep, reload
 * rules and deliver.
 */
public final class CamelApp {
    private static final Logger LOG = LoggerFactory.getLogger(CamelApp.class);

    private final Engine engine;
    private final boolean once;
    private final RunService runs;
    private final Main main = new Main();
    /** The rules' first compile failed: the run ends with it, before any file is touched. */
    private volatile RulesException rulesBroken;

    public CamelApp(Engine engine, boolean once, RunService runs) {
        this.engine = engine;
        this.once = once;
        this.runs = runs;
    }

    /** Runs until the inbox is drained (once) or until SIGTERM (daemon). */
    public void run() {
        EngineSettings s = engine.settings();
        Path inbox = s.path("dealsync.inbox");
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean cluster = s.getBoolean("dealsync.cluster.enabled");
        String owner = runs.instanceName() + "#" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(0x1000, 0x10000)); // unique even if two instances were given the same name
        FileLockRepository locks = cluster ? fileLocks(s, owner) : null;
        StaleFileRecovery staleFiles = new StaleFileRecovery(inbox, locks);
        if (cluster) {
            LOG.info("Cluster mode: instance {}; a file lock not refreshed for {} ms is stale", owner,
                    s.getLong("dealsync.cluster.lock-max-age-ms", 30_000));
        }
        Runnable recover = cluster
                ? staleFiles::recover // files a dead instance had in hand, once their lock is stale
                : () -> recoverInProgress(inbox);
        Monitoring monitoring = new Monitoring(engine, runs, once); // issue 11: health, metrics, start/stop lines
        main.setOverrideProperties(camelProperties(s, cluster, monitoring));
        startRoutesOnceRulesCompiled(recover);
        monitoring.install(main);
        main.configure().addConfiguration(new EngineBeans(engine, runs, inbox, locks, staleFiles, owner, main::completed));
        addServices(locks);
        try {
            main.run();
        } catch (Exception e) {
            if (rulesBroken != null) {
                throw rulesBroken;
            }
            throw new IllegalStateException("The Camel routes failed: " + e.getMessage(), e);
        } finally {
            if (rulesBroken == null) {
                recover.run(); // a file the run could not finish (database down) is back in its folder
                monitoring.writeMetricsFile();
            }
        }
        if (rulesBroken != null) {
            throw rulesBroken;
        }
    }

    /**
     * Camel starts with its routes stopped (camel.main.auto-startup=false) while the DRL still compiles: building
     * the routes no longer waits for the rules (about 0.4 s of every run's start). Once the rules compiled, files a
     * run left half done are put back, then the routes start; rules that do not compile end the run first, no file
     * touched. Rules this build compiled before (rules.CompiledRules) do not hold the routes: a repeat, an empty
     * inbox, the sweep need no rules, and a file to judge waits for them at its start.
     */
    private void startRoutesOnceRulesCompiled(Runnable recover) {
        main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
            @Override
            public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                try {
                    if (!engine.rulesCompiledBefore()) { // else a file waits only when it is judged (FileIntake)
                        engine.awaitRules();
                    }
                } catch (RulesException e) {
                    rulesBroken = e;
                    main.completed();
                    return;
                }
                recover.run();
                startRoutes(m.getCamelContext());
            }
        });
    }

    /** The routes that would have started with Camel (their own autoStartup: the daemon's timers, cluster mode). */
    private static void startRoutes(org.apache.camel.CamelContext camel) {
        java.util.List<org.apache.camel.Route> routes = new java.util.ArrayList<>(camel.getRoutes());
        routes.sort(java.util.Comparator.comparingInt(r -> r.getStartupOrder() == null ? Integer.MAX_VALUE : r.getStartupOrder()));
        try {
            for (org.apache.camel.Route r : routes) {
                if (!Boolean.FALSE.equals(r.isAutoStartup())) {
                    camel.getRouteController().startRoute(r.getRouteId());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Starting the routes failed: " + e.getMessage(), e);
        }
    }

    /** The settings as the routes read them, and those that depend on the mode. */
    private Properties camelProperties(EngineSettings s, boolean cluster, Monitoring monitoring) {
        Properties props = s.forCamel();
        props.setProperty("dealsync.inbox.options", consumerOptions(s, cluster));
        props.setProperty("dealsync.daemon", Boolean.toString(!once)); // routes/: the schedule runs, a poll ends a batch
        if (once) {
            props.setProperty("dealsync.inbox.poll-ms", "100");
        }
        props.setProperty("camel.main.auto-startup", "false"); // the routes start once the rules compiled
        props.setProperty("camel.main.routes-include-pattern",
                "file:" + s.path("dealsync.routes").toString().replace('\\', '/') + "/*.camel.yaml");
        monitoring.configure(props);
        return props;
    }

    /**
     * Services Camel stops after the routes, in reverse order of adding (so after Monitoring's stop line). SIGTERM:
     * Camel lets the file in hand finish, then stops its services. The run that file belongs to is closed there
     * (its report written), inside the shutdown the JVM waits for; after it, the JVM may halt at any moment. Its
     * notifications stay in the outbox for the next run to deliver. In cluster mode the file locks in hand are kept
     * alive until then.
     */
    private void addServices(FileLockRepository locks) {
        main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
            @Override
            public void afterConfigure(org.apache.camel.main.BaseMainSupport m) {
                try {
                    m.getCamelContext().addService(new org.apache.camel.support.service.ServiceSupport() {
                        @Override
                        protected void doStop() {
                            if (runs.hasRun()) {
                                runs.finishRun();
                            }
                        }
                    });
                    if (locks != null) {
                        m.getCamelContext().addService(locks);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Registering the engine's services failed", e);
                }
            }
        });
    }

    /**
     * The cluster's file locks: a lock not refreshed for {@code dealsync.cluster.lock-max-age-ms} (database time)
     * belongs to a dead instance; the holder refreshes it every {@code dealsync.cluster.keep-alive-ms}.
     */
    private FileLockRepository fileLocks(EngineSettings s, String owner) {
        return new FileLockRepository(engine.database().dataSource(), "dealsync-intake", owner,
                s.getLong("dealsync.cluster.lock-max-age-ms", 30_000), s.getLong("dealsync.cluster.keep-alive-ms", 5_000));
    }

    /** File consumer options that depend on settings: completion check, in-hand folder, cluster lock. */
    static String consumerOptions(EngineSettings s, boolean cluster) {
        long complete = s.getLong("dealsync.inbox.complete-after-ms", 1000);
        StringBuilder o = new StringBuilder();
        if (cluster) {
            // the JDBC lock (FileLockRepository) makes one instance the file's holder, then the same completion
            // check as a single instance; idempotentEager=false: with Camel's default (true), a poll removes from
            // the repository the key of every file it could not lock (the idempotent consumer itself is not used)
            o.append("readLock=idempotent-changed&idempotentRepository=#fileLocks&readLockRemoveOnCommit=true")
                    .append("&idempotentEager=false&");
        } else {
            o.append("readLock=changed&");
        }
        // readLockMinLength=0: Camel's default (1) never takes an empty file (docs/formats.md: an empty file is a
        // normal file with no records, it goes to .done/), and waits readLockTimeout (10 s) on it every poll
        o.append("readLockMinAge=").append(complete).append("&readLockMinLength=0")
                .append("&readLockCheckInterval=").append(Math.max(100, complete / 2))
                .append("&preMove=").append(IntakeBean.IN_PROGRESS); // a plain folder name: inside the file's own folder
        if (s.getBoolean("dealsync.inbox.done-marker")) {
            o.append("&doneFileName=${file:name}.done");
        }
        return o.toString();
    }

    /** Files left in an .inprogress folder by a killed run go back to their folder; their checkpoint resumes them. */
    static void recoverInProgress(Path inbox) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(inbox)) {
            moveBack(inbox.resolve(IntakeBean.IN_PROGRESS), inbox);
            for (Path d : dirs) {
                if (Files.isDirectory(d) && !d.getFileName().toString().startsWith(".")) {
                    moveBack(d.resolve(IntakeBean.IN_PROGRESS), d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Recovering files in progress failed", e);
        }
    }

    private static void moveBack(Path inProgress, Path to) throws IOException {
        if (!Files.isDirectory(inProgress)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inProgress)) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    LOG.info("Resuming {} left in progress by an interrupted run", f.getFileName());
                    Files.move(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
