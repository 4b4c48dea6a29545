package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.bench.DataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quality.md "Database trouble": unreachable at start or lost during a run, the engine retries with back-off,
 * leaves the file in the inbox, applies nothing half, and {@code run --once} exits non-zero (3) with a clear
 * message; a later run completes the file with the end state of an uninterrupted run.
 */
class DatabaseDownTest {
    @TempDir
    Path tmp;

    @Test
    void unreachableAtStartTouchesNoFile() throws Exception {
        Harness h = new Harness(tmp.resolve("engine"));
        // nothing listens on port 1; the credentials must never be printed
        h.settings.put("dealsync.db.url", "jdbc:postgresql://127.0.0.1:1/dealsync?password=hunter2");
        h.settings.put("dealsync.db.user", "postgres");
        h.settings.put("dealsync.db.password", "s3cret-pw");
        h.settings.put("dealsync.db.connect-attempts", "2");
        h.settings.put("dealsync.db.connection-timeout-ms", "1000");
        h.drop("inbox/2026-11-01-partner-crm.csv", null);
        h.drop("inbox/crm-fr/2026-11-01-affaires.csv", "crm-fr");
        Map<String, String> before = contents(h.inbox());

        Harness.Output run = h.runCaptured("run", "--once", "--as-of", "2026-11-26");

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("The database at jdbc:postgresql://127.0.0.1:1/dealsync", "is unreachable",
                "Connection refused", "they stay in the inbox for the next run");
        assertThat(run.err()).contains("attempt 1/2"); // retried (with back-off) before giving up
        assertThat(run.out() + run.err()).doesNotContain("hunter2", "s3cret-pw");
        assertThat(contents(h.inbox())).isEqualTo(before); // still in place: no .done, .failed or .inprogress
        assertThat(Harness.files(h.reports())).isEmpty();
        assertThat(Harness.files(h.rejects())).isEmpty();

        // the other commands that need the database say so the same way
        for (String[] command : List.of(new String[] {"expire", "--as-of", "2026-11-26"},
                new String[] {"deals", "export", "--format", "csv"}, new String[] {"deals", "show", "CRM-1001"},
                new String[] {"validate", h.inbox().resolve("2026-11-01-partner-crm.csv").toString()})) {
            Harness.Output o = h.runCaptured(command);
            assertThat(o.code()).as("%s: %s", List.of(command), o.err()).isEqualTo(3);
            assertThat(o.err()).contains("is unreachable").doesNotContain("hunter2", "s3cret-pw");
        }
        assertThat(contents(h.inbox())).isEqualTo(before);
    }

    @Test
    void lostMidRunTheFileWaitsAndTheNextRunEndsLikeAnUninterruptedOne() throws Exception {
        Path data = tmp.resolve("2026-11-01-crm.csv");
        DataGenerator.day1Csv(data, 20_000, 5);
        long lines;
        try (var s = Files.lines(data)) {
            lines = s.count();
        }
        try (Postgres refDb = new Postgres(); Postgres db = new Postgres()) {
            // the reference: an uninterrupted run
            Harness ref = refDb.use(new Harness(tmp.resolve("reference")));
            ref.settings.put("dealsync.batch-size", "500");
            Files.createDirectories(ref.inbox());
            Files.copy(data, ref.inbox().resolve(data.getFileName()));
            assertThat(ref.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            String expected = CrashSafetyTest.state(ref);

            // the same file; the database goes away after two batches
            Harness h = db.use(new Harness(tmp.resolve("engine")));
            h.settings.put("dealsync.batch-size", "500");
            h.settings.put("dealsync.db.connection-timeout-ms", "1000");
            h.settings.put("dealsync.db.write-attempts", "3");
            h.settings.put("dealsync.db.connect-attempts", "2");
            Files.createDirectories(h.inbox());
            Files.copy(data, h.inbox().resolve(data.getFileName()));
            ChildEngine child = ChildEngine.start(h.settings, Map.of("DEALSYNC_LOG_LEVEL", "DEBUG"),
                    "run", "--once", "--as-of", "2026-11-26");
            long deadline = System.currentTimeMillis() + 60_000;
            while (child.countLines(l -> l.contains("written (")) < 2 && child.process.isAlive()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.process.isAlive()).as(child.output()).isTrue();
            admin("ALTER DATABASE " + db.name + " ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name + "'");

            int code = child.await(60_000);
            String out = child.output();
            assertThat(code).as(out).isEqualTo(3);
            assertThat(out).contains("batch failed", "retrying in 500 ms") // back-off
                    .contains("dealsync: Writing 2026-11-01-crm.csv failed after 3 attempts")
                    .contains("The file in hand stays in the inbox; nothing of its unfinished batch was applied.")
                    .doesNotContain("The expiry sweep failed"); // no sweep against a database that is gone
            assertThat(Harness.files(h.inbox())).containsExactly(h.inbox().resolve(data.getFileName()));
            assertThat(Files.mismatch(data, h.inbox().resolve(data.getFileName()))).isEqualTo(-1);

            admin("ALTER DATABASE " + db.name + " ALLOW_CONNECTIONS true");
            // nothing half-applied: whole batches only, up to the file's checkpoint
            List<String> file = h.query("SELECT status, checkpoint_line, records_read FROM ingested_file").get(0);
            assertThat(file.get(0)).isEqualTo("in_progress");
            long checkpoint = Long.parseLong(file.get(1));
            assertThat(checkpoint).isBetween(501L, lines - 1);
            assertThat((checkpoint - 1) % 500).isZero();
            assertThat(Long.parseLong(file.get(2))).isEqualTo(checkpoint - 1);
            assertThat(h.count("SELECT COUNT(*) FROM deal")).isLessThan(ref.count("SELECT COUNT(*) FROM deal"));

            // the next run resumes it and ends where the uninterrupted run ended
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            assertThat(CrashSafetyTest.state(h)).isEqualTo(expected);
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(Postgres.SERVER + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Every file under a folder (hidden ones included) with its SHA-256. */
    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (Path p : Harness.files(dir)) {
            m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
        }
        return m;
    }
}
