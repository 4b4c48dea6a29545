package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.bench.DataGenerator;
import io.dealsync.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quality.md "Crash safety": SIGKILL at several points of a run, start again, and the end state is that of
 * an uninterrupted run: same deals, same history (no duplicate rows), same notifications, same reject file.
 */
class CrashSafetyTest {
    static final int RECORDS = 12_000;
    static Path day1;
    static Path day2;

    @TempDir
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        day1 = data.resolve("2026-11-01-crm.csv");
        day2 = data.resolve("2026-11-02-crm.csv");
        DataGenerator.day1Csv(day1, RECORDS, 7);
        DataGenerator.day2Csv(day2, RECORDS, 7);
    }

    @Test
    void killedAtAnyPointEndsLikeAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        String reference = runToEnd(tmp.resolve("reference"), List.of());
        // kill after the 1st, 4th and 9th batch of a run (batches of 500, checkpoints every 2,000 records),
        // the last one twice in a row, then let a run finish
        String crashed = runToEnd(tmp.resolve("crashed"), List.of(1, 4, 9, 9));
        assertThat(crashed).isEqualTo(reference);
    }

    /**
     * Issue 12: killed while a notification is delivered (its document written, not yet marked delivered) and
     * while a file moves to .done/ (committed done, not yet moved): the next run ends like an uninterrupted one.
     * The kill points are test-only halts ({@code -Ddealsync.test.halt-at}, see {@link io.dealsync.app.TestHalt}).
     */
    @Test
    void killedDuringDeliveryOrTheMoveToDoneEndsLikeAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path small1 = tmp.resolve("2026-11-01-crm.csv");
        Path small2 = tmp.resolve("2026-11-02-crm.csv");
        DataGenerator.day1Csv(small1, 2_000, 7);
        DataGenerator.day2Csv(small2, 2_000, 7);
        String reference = haltedThenRun(tmp.resolve("reference"), small1, small2, null);
        assertThat(reference).as("the data has notifications to deliver").contains("-deal.json");
        for (String point : List.of("before-move-done", "notification-written")) {
            assertThat(haltedThenRun(tmp.resolve(point), small1, small2, point)).as(point).isEqualTo(reference);
        }
    }

    /** One run halted at {@code point} (none when null), then one to the end; the end state. */
    private String haltedThenRun(Path dir, Path one, Path two, String point) throws Exception {
        Harness h = new Harness(dir);
        h.settings.put("dealsync.batch-size", "500");
        Files.createDirectories(h.inbox());
        Files.copy(one, h.inbox().resolve(one.getFileName()));
        Files.copy(two, h.inbox().resolve(two.getFileName()));
        if (point != null) {
            ChildEngine halted = ChildEngine.start(h.settings, Map.of("JAVA_TOOL_OPTIONS", "-Ddealsync.test.halt-at=" + point),
                    "run", "--once", "--as-of", "2026-11-26");
            assertThat(halted.await(180_000)).as(halted.output()).isEqualTo(137);
            assertThat(halted.output()).contains("test halt at " + point);
        }
        ChildEngine last = ChildEngine.start(h.settings, Map.of(), "run", "--once", "--as-of", "2026-11-26");
        assertThat(last.await(180_000)).as(last.output()).isEqualTo(0);
        return state(h);
    }

    /** Runs both days in one inbox; kills the engine after the given batch counts first; returns the end state. */
    private String runToEnd(Path dir, List<Integer> killAfterBatches) throws Exception {
        Harness h = new Harness(dir);
        h.settings.put("dealsync.batch-size", "500");
        h.settings.put("dealsync.db.checkpoint-records", "2000");
        Files.createDirectories(h.inbox());
        Files.copy(day1, h.inbox().resolve(day1.getFileName()));
        Files.copy(day2, h.inbox().resolve(day2.getFileName()));
        Map<String, String> debug = Map.of("DEALSYNC_LOG_LEVEL", "DEBUG");
        for (int batches : killAfterBatches) {
            ChildEngine child = ChildEngine.start(h.settings, debug, "run", "--once", "--as-of", "2026-11-26");
            long deadline = System.currentTimeMillis() + 120_000;
            while (child.countLines(l -> l.contains("written (")) < batches && child.process.isAlive()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.process.isAlive()).as("still running when killed (output: %s)", child.output()).isTrue();
            child.kill();
        }
        ChildEngine last = ChildEngine.start(h.settings, Map.of(), "run", "--once", "--as-of", "2026-11-26");
        assertThat(last.await(180_000)).as(last.output()).isEqualTo(0);
        return state(h);
    }

    /** Deals, history, notifications, rejects and the files' counts, by business keys (ids and times vary). */
    static String state(Harness h) throws Exception {
        StringBuilder sb = new StringBuilder();
        var s = h.loadSettings();
        try (Database db = Database.open(s.jdbcUrl(), s.get("dealsync.db.user"), s.get("dealsync.db.password"), 1, 1);
                Connection c = db.connection()) {
            dump(c, sb, "SELECT crm_id, referral_id, status, substatus, sales_stage, deal_name, notes, estimated_value,"
                    + " location, version FROM deal ORDER BY crm_id");
            dump(c, sb, "SELECT d.crm_id, h.seq, h.action, h.old_status, h.new_status, h.file_name, h.line, h.changes"
                    + " FROM deal_history h JOIN deal d ON d.id = h.deal_id ORDER BY d.crm_id, h.seq");
            dump(c, sb, "SELECT COUNT(*), COUNT(DISTINCT deal_id || '/' || seq) FROM deal_history");
            dump(c, sb, "SELECT d.crm_id, n.event, n.recipient, n.as_of,"
                    + " CASE WHEN n.delivered_at IS NULL THEN 'pending' ELSE 'delivered' END FROM notification n"
                    + " JOIN deal d ON d.id = n.deal_id ORDER BY d.crm_id, n.event");
            dump(c, sb, "SELECT crm_id, team, mark_1, mark_2, mark_3, mark_4 FROM deal ORDER BY crm_id");
            // the fingerprints the key index is rebuilt from (the index itself is a file on the embedded database)
            dump(c, sb, "SELECT crm_id, content_hash FROM deal ORDER BY crm_id");
            dump(c, sb, "SELECT d.crm_id, a.received_on FROM awaiting_answer a JOIN deal d ON d.id = a.deal_id ORDER BY d.crm_id");
            dump(c, sb, "SELECT name, status, records_read, created, updated, unchanged, rejected, skipped, warnings, expired"
                    + " FROM ingested_file WHERE status = 'done' ORDER BY name");
            dump(c, sb, "SELECT f.name, r.line, r.codes FROM reject r JOIN ingested_file f ON f.id = r.file_id"
                    + " WHERE f.status = 'done' ORDER BY f.name, r.line");
        }
        for (Path p : Harness.files(h.rejects())) {
            // bytes as they are (a source profile may write windows-1252)
            sb.append(h.rejects().relativize(p)).append('\n').append(Files.readString(p, StandardCharsets.ISO_8859_1));
        }
        List<String> notes = new ArrayList<>();
        for (Path p : Harness.files(h.outbox())) {
            notes.add(p.getFileName().toString().replaceAll("deal-\\d+", "deal") + " "
                    + Files.readString(p).replaceAll("\"dealId\" : \\d+", ""));
        }
        notes.sort(null);
        sb.append(String.join("\n", notes));
        return sb.toString();
    }

    private static void dump(Connection c, StringBuilder sb, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    sb.append(rs.getString(i)).append('|');
                }
                sb.append('\n');
            }
        }
        sb.append("--\n");
    }
}
