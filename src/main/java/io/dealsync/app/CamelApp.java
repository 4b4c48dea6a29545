package io.dealsync.app;

import io.dealsync.store.EngineLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel Main for the engine: the YAML routes of {@code routes/} with the engine's beans bound for them.
 * In {@code run --once} the intake's first empty poll ends the run: sweep, deliver notifications,
 * report, stop. As a daemon it keeps polling; timers sweep, reload rules and deliver.
 */
public final class CamelApp {
    private static final Logger LOG = LoggerFactory.getLogger(CamelApp.class);

    private final Engine engine;
    private final boolean once;
    private final RunService runs;
    private final Main main = new Main();
    private final AtomicBoolean ended = new AtomicBoolean();

    public CamelApp(Engine engine, boolean once, RunService runs) {
        this.engine = engine;
        this.once = once;
        this.runs = runs;
    }

    /** Runs until the inbox is drained (once) or until SIGTERM (daemon). */
    public void run() {
        Settings s = engine.settings();
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
            staleFiles.recover(); // files a dead instance had in hand, once their lock is stale
        } else {
            recoverInProgress(inbox);
        }
        Properties props = s.forCamel();
        props.setProperty("dealsync.inbox.options", consumerOptions(s, cluster));
        props.setProperty("dealsync.daemon", Boolean.toString(!once));
        if (once) {
            props.setProperty("dealsync.inbox.poll-ms", "100");
        }
        props.setProperty("camel.main.routes-include-pattern",
                "file:" + s.path("dealsync.routes").toString().replace('\\', '/') + "/*.camel.yaml");
        Monitoring monitoring = new Monitoring(engine, runs, once); // issue 11: health, metrics, start/stop lines
        monitoring.configure(props);
        main.setOverrideProperties(props);
        monitoring.install(main);
        main.bind("intake", new IntakeBean(runs, inbox, this::onIdle, this::onDatabaseDown));
        main.bind("sweeper", new SweepBean(runs));
        main.bind("outbox", new OutboxBean(engine.store(), engine.settings().path("dealsync.outbox")));
        main.bind("outboxTurns", new OutboxTurnPolicy(cluster ? new EngineLock(engine.database(), "outbox", owner) : null));
        main.bind("staleFiles", staleFiles);
        main.bind("rulesReloader", new RulesReloadBean(engine.ruleBooks()));
        main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
            @Override
            public void afterConfigure(org.apache.camel.main.BaseMainSupport m) {
                // SIGTERM: Camel lets the file in hand finish, then stops its services. The run that file belongs
                // to is closed there (its report written), inside the shutdown the JVM waits for; after it, the
                // JVM may halt at any moment. Its notifications stay in the outbox for the next run to deliver.
                try {
                    m.getCamelContext().addService(new org.apache.camel.support.service.ServiceSupport() {
                        @Override
                        protected void doStop() {
                            if (runs.hasRun()) {
                                runs.finishRun();
                            }
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException("Registering the end-of-run service failed", e);
                }
            }
        });
        if (cluster) {
            main.bind("fileLocks", locks);
            main.addMainListener(new org.apache.camel.main.MainListenerSupport() {
                @Override
                public void afterConfigure(org.apache.camel.main.BaseMainSupport m) {
                    try {
                        m.getCamelContext().addService(locks); // keeps the locks in hand alive; stopped after the routes
                    } catch (Exception e) {
                        throw new IllegalStateException("Starting the cluster's file locks failed", e);
                    }
                }
            });
        }
        try {
            main.run();
        } catch (Exception e) {
            throw new IllegalStateException("The Camel routes failed: " + e.getMessage(), e);
        } finally {
            if (cluster) {
                staleFiles.recover(); // a file this instance gave back (database down) is back in its folder
            } else {
                recoverInProgress(inbox); // a file the run could not finish (database down) is back in its folder
            }
            monitoring.writeMetricsFile();
        }
    }

    /**
     * The cluster's file locks: a lock not refreshed for {@code dealsync.cluster.lock-max-age-ms} (database time)
     * belongs to a dead instance; the holder refreshes it every {@code dealsync.cluster.keep-alive-ms}.
     */
    private FileLockRepository fileLocks(Settings s, String owner) {
        return new FileLockRepository(engine.database().dataSource(), "dealsync-intake", owner,
                s.getLong("dealsync.cluster.lock-max-age-ms", 30_000), s.getLong("dealsync.cluster.keep-alive-ms", 5_000));
    }

    /** File consumer options that depend on settings: completion check, in-hand folder, cluster lock. */
    static String consumerOptions(Settings s, boolean cluster) {
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

    /** The intake found no file: in once mode the run ends; as a daemon a batch of files ends. */
    private void onIdle() {
        if (once) {
            if (ended.compareAndSet(false, true)) {
                endOfRun();
                main.completed();
            }
        } else if (runs.hasRun()) {
            deliver();
            listIgnoredFiles();
            runs.finishRun();
        }
    }

    /** The database went away: a run --once stops here (exit 3); a daemon keeps polling, the file waits. */
    private void onDatabaseDown() {
        if (once) {
            onIdle();
        }
    }

    private void endOfRun() {
        try {
            listIgnoredFiles();
            if (!runs.databaseDown()) {
                runs.sweep();
                deliver();
            }
        } catch (RuntimeException e) {
            runs.setFatalError(e.getMessage());
            LOG.error("End of run: {}", e.getMessage());
        } finally {
            runs.finishRun();
        }
    }

    /** docs/operations.md: files of the inbox the intake does not take are left alone and listed in the run report. */
    private void listIgnoredFiles() {
        Settings s = engine.settings();
        for (String f : ignoredFiles(s.path("dealsync.inbox"), s.getBoolean("dealsync.inbox.done-marker"))) {
            runs.run().ledger().addIgnoredFile(f);
        }
    }

    /**
     * Files under the inbox that the intake route never takes, relative to the inbox: not a data file
     * ({@code .csv .xlsx .json .ndjson .jsonl}), or hidden (a name or folder starting with '.', which Camel's file
     * consumer skips). The engine's own folders ({@code .done .failed .inprogress}) are not looked into,
     * nor are done-markers counted when they are in use.
     */
    static java.util.List<String> ignoredFiles(Path inbox, boolean doneMarker) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!Files.isDirectory(inbox)) {
            return out;
        }
        java.util.Set<String> own = java.util.Set.of(".done", ".failed", IntakeBean.IN_PROGRESS);
        try {
            Files.walkFileTree(inbox, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
                    return !dir.equals(inbox) && own.contains(dir.getFileName().toString())
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                    Path rel = inbox.relativize(file);
                    boolean hidden = false;
                    for (Path part : rel) {
                        hidden |= part.toString().startsWith(".");
                    }
                    String name = file.getFileName().toString();
                    boolean marker = doneMarker && name.endsWith(".done")
                            && io.dealsync.ingest.RecordReaders.isDataFile(Path.of(name.substring(0, name.length() - 5)));
                    if (a.isRegularFile() && !marker && (hidden || !io.dealsync.ingest.RecordReaders.isDataFile(file))) {
                        out.add(rel.toString().replace('\\', '/'));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Listing the files the inbox leaves alone failed: {}", e.getMessage());
        }
        java.util.Collections.sort(out);
        return out;
    }

    private void deliver() {
        CamelContext ctx = main.getCamelContext();
        try (ProducerTemplate t = ctx.createProducerTemplate()) {
            Integer n;
            do { // a batch at a time until the outbox is empty
                n = t.requestBody("direct:deliver-notifications", null, Integer.class);
            } while (n != null && n > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Main main() {
        return main;
    }
}
