package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.bench.DataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md "More than one machine": the expiry sweep and the notification delivery run on one instance at a
 * time. Two instances reach their end-of-run sweep together (the test holds the sweep's lock row until both wait
 * on it, then lets go), so both deliver at the same moment: each due deal is expired once and each notification
 * document is written once, by one of them (each instance writes into its own outbox folder here).
 */
class ClusterSingletonWorkTest {
    @Test
    void twoInstancesExpireEachDealOnceAndWriteEachNotificationOnce(@TempDir Path tmp) throws Exception {
        try (Postgres pg = new Postgres()) {
            Harness h = pg.use(new Harness(tmp));
            h.settings.put("dealsync.cluster.enabled", "true");
            Files.createDirectories(h.inbox());
            DataGenerator.day1Csv(h.inbox().resolve("2026-11-01-crm.csv"), 12_000, 7);
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            long due = ClusterTakeOverTest.count(pg, "SELECT COUNT(*) FROM awaiting_answer");
            assertThat(due).as("deals awaiting an answer, due by the sweep below").isGreaterThan(200);
            long before = ClusterTakeOverTest.count(pg, "SELECT COUNT(*) FROM notification");

            List<ChildEngine> engines = new ArrayList<>();
            try (Connection hold = DriverManager.getConnection(pg.url(), "postgres", "")) {
                hold.setAutoCommit(false);
                try (Statement st = hold.createStatement()) {
                    st.executeQuery("SELECT name FROM engine_lock WHERE name = 'sweep' FOR UPDATE").close();
                }
                for (String name : List.of("a", "b")) {
                    Map<String, String> s = ClusterTakeOverTest.named(h, name);
                    s.put("dealsync.outbox", tmp.resolve("outbox-" + name).toString());
                    s.put("dealsync.reports", tmp.resolve("reports-" + name).toString());
                    engines.add(ChildEngine.start(s, Map.of(), "run", "--once", "--as-of", "2027-03-01"));
                }
                ClusterTakeOverTest.awaitTrue(() -> ClusterTakeOverTest.count(pg, "SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND wait_event_type = 'Lock'") >= 2, 90_000, engines.get(0));
                hold.rollback(); // both sweeps go: one expires the deals, the other then finds none; both deliver
            }
            for (ChildEngine e : engines) {
                assertThat(e.await(60_000)).as(e.output()).isZero();
            }

            assertThat(ClusterTakeOverTest.count(pg, "SELECT COUNT(*) FROM deal_history WHERE action = 'expired'")).isEqualTo(due);
            assertThat(ClusterTakeOverTest.count(pg, "SELECT COUNT(*) FROM (SELECT deal_id FROM deal_history"
                    + " WHERE action = 'expired' GROUP BY deal_id HAVING COUNT(*) > 1) twice")).isZero();
            assertThat(ClusterTakeOverTest.count(pg, "SELECT COUNT(*) FROM notification")).isEqualTo(before + due);
            assertThat(ClusterTakeOverTest.count(pg, "SELECT COUNT(*) FROM notification WHERE delivered_at IS NULL")).isZero();
            Set<String> names = new HashSet<>();
            List<String> twice = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                for (Path doc : Harness.files(tmp.resolve("outbox-" + name))) {
                    if (!names.add(doc.getFileName().toString())) {
                        twice.add(doc.getFileName().toString());
                    }
                }
            }
            assertThat(twice).as("documents written by both instances").isEmpty();
            assertThat(names).hasSize((int) due).allMatch(n -> n.startsWith("expired-deal-"));
            long bySweep = 0;
            for (String name : List.of("a", "b")) {
                bySweep += new ObjectMapper().readTree(tmp.resolve("reports-" + name).resolve("latest.json").toFile())
                        .path("totals").path("expiredBySweep").asLong();
            }
            assertThat(bySweep).as("the two runs' reports together").isEqualTo(due);
        }
    }
}
