package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.bench.DataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons in cluster mode on one inbox and one PostgreSQL database, with a lock maximum age of 1.5 s
 * (refreshed every 0.3 s): a file that takes several times that age is processed once, by one instance, with
 * no take-over; an instance killed (SIGKILL) mid-file loses it to the other, which finishes it from its
 * checkpoint with the end state of an uninterrupted run.
 */
class ClusterTakeOverTest {
    static final long MAX_AGE_MS = 1_500;
    static final int RECORDS = 80_000;

    @Test
    void aFileTakingSeveralTimesTheLockAgeIsProcessedOnceWithNoTakeOver(@TempDir Path tmp) throws Exception {
        try (Postgres pg = new Postgres()) {
            Harness h = cluster(pg, tmp);
            Path staged = tmp.resolve("2026-11-01-long.csv");
            // large enough to take several lock ages on a fast machine too (20,000 records once took 4.2 s here, and
            // 40,000 took 3.9 s once PostgreSQL's inserts went as COPY)
            DataGenerator.day1Csv(staged, RECORDS, 5);
            Map<String, String> debug = Map.of("DEALSYNC_LOG_LEVEL", "DEBUG");
            ChildEngine a = ChildEngine.start(named(h, "a"), debug, "run", "--as-of", "2026-11-26");
            ChildEngine b = ChildEngine.start(named(h, "b"), debug, "run", "--as-of", "2026-11-26");
            try {
                // both daemons up and polling, then the file lands: one takes it, the other watches it for its whole time
                assertThat(a.awaitLine(l -> l.contains("Cluster mode: instance"), 60_000)).as(a.output()).isTrue();
                assertThat(b.awaitLine(l -> l.contains("Cluster mode: instance"), 60_000)).as(b.output()).isTrue();
                Thread.sleep(1_000);
                Files.move(staged, h.inbox().resolve(staged.getFileName()));
                awaitTrue(() -> done(pg) == 1, 50_000, a);
                Thread.sleep(2 * MAX_AGE_MS); // the other instance keeps looking a while longer
            } finally {
                stop(a);
                stop(b);
            }
            ChildEngine holder = a.output().contains("2026-11-01-long.csv: read " + RECORDS) ? a : b;
            ChildEngine other = holder == a ? b : a;
            assertThat(holder.output()).contains("2026-11-01-long.csv: read " + RECORDS);
            assertThat(other.output()).doesNotContain("2026-11-01-long.csv: read", "batch up to line");
            long ms = Long.parseLong(h.value("SELECT CAST(EXTRACT(EPOCH FROM finished_at - started_at) * 1000 AS BIGINT)"
                    + " FROM ingested_file"));
            assertThat(ms).as("the file took several times the lock's maximum age").isGreaterThan(3 * MAX_AGE_MS);
            assertThat(h.count("SELECT COUNT(*) FROM ingested_file")).isEqualTo(1);
            assertThat(h.count("SELECT records_read FROM ingested_file")).isEqualTo(RECORDS);
            String both = a.output() + "\n" + b.output();
            assertThat(both).doesNotContain("Taking over", "resuming after line", "Lost the lock", "goes back to its folder");
            assertThat(h.count("SELECT COUNT(*) FROM deal_history WHERE action LIKE 'created%'"))
                    .isEqualTo(h.count("SELECT COUNT(*) FROM deal"));
            assertThat(h.count("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED")).as("lock released").isZero();
            assertThat(h.inboxListing()).containsExactly(".done/2026-11-01-long.csv");
        }
    }

    @Test
    void aKilledInstancesFileIsTakenOverAndFinishedFromItsCheckpoint(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("2026-11-01-crm.csv");
        DataGenerator.day1Csv(file, 12_000, 7);
        String reference;
        try (Postgres pg = new Postgres()) {
            Harness h = cluster(pg, tmp.resolve("reference"));
            Files.copy(file, h.inbox().resolve(file.getFileName()));
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            reference = CrashSafetyTest.state(h);
        }
        try (Postgres pg = new Postgres()) {
            Harness h = cluster(pg, tmp.resolve("crashed"));
            Files.copy(file, h.inbox().resolve(file.getFileName()));
            ChildEngine a = ChildEngine.start(named(h, "a"), Map.of("DEALSYNC_LOG_LEVEL", "DEBUG"), "run", "--as-of", "2026-11-26");
            ChildEngine b = null;
            try {
                assertThat(a.awaitLine(l -> l.contains("written ("), 60_000)).as(a.output()).isTrue();
                b = ChildEngine.start(named(h, "b"), Map.of(), "run", "--as-of", "2026-11-26");
                ChildEngine taker = b;
                awaitTrue(() -> a.countLines(l -> l.contains("written (")) >= 8 || !a.process.isAlive(), 30_000, a);
                assertThat(a.process.isAlive()).as("still mid-file when killed: %s", a.output()).isTrue();
                a.kill();
                // done, its notifications delivered and the run closed (the daemon's batch ended at its next empty poll)
                awaitTrue(() -> done(pg) == 1 && count(pg, "SELECT COUNT(*) FROM notification WHERE delivered_at IS NULL") == 0
                        && !Harness.files(h.reports()).isEmpty(), 50_000, taker);
                assertThat(b.awaitLine(l -> l.contains("resuming after line"), 1_000)).as(b.output()).isTrue();
            } finally {
                stop(b);
            }
            assertThat(b.output()).contains("goes back to its folder");
            assertThat(CrashSafetyTest.state(h)).isEqualTo(reference);
            assertThat(h.inboxListing()).containsExactly(".done/2026-11-01-crm.csv");
        }
    }

    /** A harness on its own PostgreSQL database in cluster mode with short lock timings, schema migrated. */
    private static Harness cluster(Postgres pg, Path dir) throws Exception {
        Harness h = pg.use(new Harness(dir));
        h.settings.put("dealsync.cluster.enabled", "true");
        h.settings.put("dealsync.cluster.lock-max-age-ms", Long.toString(MAX_AGE_MS));
        h.settings.put("dealsync.cluster.keep-alive-ms", "300");
        h.settings.put("dealsync.batch-size", "250");
        h.settings.put("dealsync.inbox.poll-ms", "200");
        h.settings.put("dealsync.outbox.period-ms", "500");
        Files.createDirectories(h.inbox());
        // migrate once first, so that two instances do not race to create the schema
        Map<String, String> empty = new LinkedHashMap<>(h.settings);
        h.settings.put("dealsync.inbox", dir.resolve("empty").toString());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
        h.settings.clear();
        h.settings.putAll(empty);
        for (Path p : List.of(h.reports(), h.outbox())) {
            for (Path f : Harness.files(p)) {
                Files.delete(f);
            }
        }
        return h;
    }

    private static long done(Postgres pg) {
        return count(pg, "SELECT COUNT(*) FROM ingested_file WHERE status = 'done'");
    }

    /** A count straight from the database (Harness.count opens the engine's store, migrations and all). */
    static long count(Postgres pg, String sql) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg.url(), "postgres", "");
                java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static Map<String, String> named(Harness h, String name) {
        Map<String, String> s = new LinkedHashMap<>(h.settings);
        s.put("dealsync.instance", name);
        return s;
    }

    static void awaitTrue(BooleanSupplier condition, long timeoutMs, ChildEngine shown) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("Not reached in " + timeoutMs + " ms:\n" + shown.output());
            }
            Thread.sleep(100);
        }
    }

    /** SIGTERM (a daemon's graceful stop), then wait for it. */
    static void stop(ChildEngine e) throws InterruptedException {
        if (e != null && e.process.isAlive()) {
            e.process.destroy();
            e.await(30_000);
        }
    }
}
