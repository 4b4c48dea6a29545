package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.bench.DataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md "More than one machine": two engine instances on one inbox and one PostgreSQL database.
 * Every file is processed by exactly one of them, every deal is written once.
 */
class TwoInstancesTest {
    static final int FILES = 8;
    static final int RECORDS = 1500;

    @Test
    void twoInstancesShareTheInboxAndProcessEachFileOnce(@TempDir Path tmp) throws Exception {
        try (Postgres pg = new Postgres()) {
            Harness h = pg.use(new Harness(tmp));
            Path inbox = h.inbox();
            h.settings.put("dealsync.cluster.enabled", "true");
            h.settings.put("dealsync.batch-size", "250");
            Files.createDirectories(h.inbox());
            for (int f = 0; f < FILES; f++) {
                DataGenerator.day1Csv(h.inbox().resolve(String.format("2026-11-01-part%02d.csv", f)), RECORDS, 11 + f,
                        f * 100_000);
            }
            // migrate once first, so that the two instances do not race to create the schema
            h.settings.put("dealsync.inbox", tmp.resolve("empty").toString());
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            h.settings.put("dealsync.inbox", inbox.toString());

            ChildEngine a = ChildEngine.start(withName(h, "a"), Map.of(), "run", "--once", "--as-of", "2026-11-26");
            ChildEngine b = ChildEngine.start(withName(h, "b"), Map.of(), "run", "--once", "--as-of", "2026-11-26");
            assertThat(a.await(240_000)).as(a.output()).isZero();
            assertThat(b.await(240_000)).as(b.output()).isZero();

            List<Path> done = Harness.files(h.inbox()).stream().filter(p -> p.toString().contains("/.done/")).toList();
            assertThat(done).hasSize(FILES);
            assertThat(Harness.files(h.inbox())).hasSize(FILES);
            assertThat(h.count("SELECT COUNT(*) FROM ingested_file WHERE status = 'done'")).isEqualTo(FILES);
            assertThat(h.count("SELECT COUNT(DISTINCT sha256) FROM ingested_file WHERE status = 'done'")).isEqualTo(FILES);
            long created = h.count("SELECT SUM(created) FROM ingested_file WHERE status = 'done'");
            assertThat(h.count("SELECT COUNT(*) FROM deal")).isEqualTo(created);
            // every deal written once: one 'created' history row each, no duplicate row anywhere
            assertThat(h.count("SELECT COUNT(*) FROM deal_history WHERE action LIKE 'created%'")).isEqualTo(created);
            assertThat(h.count("SELECT COUNT(*) FROM (SELECT deal_id, seq FROM deal_history GROUP BY deal_id, seq"
                    + " HAVING COUNT(*) > 1) d")).isZero();
            long read = h.count("SELECT SUM(records_read) FROM ingested_file WHERE status = 'done'");
            assertThat(read).isEqualTo((long) FILES * RECORDS);
        }
    }

    private static Map<String, String> withName(Harness h, String name) {
        Map<String, String> s = new java.util.LinkedHashMap<>(h.settings);
        s.put("dealsync.instance", name);
        return s;
    }
}
