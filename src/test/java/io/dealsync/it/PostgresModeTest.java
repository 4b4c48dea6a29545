package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale-out database: the same migrations, the same outcomes as the embedded one. */
class PostgresModeTest {
    @Test
    void theSamplesGiveTheSameStateOnPostgresqlAsOnHsqldb(@TempDir Path tmp) throws Exception {
        Harness embedded = new Harness(tmp.resolve("hsqldb"));
        String expected = runSamples(embedded);
        try (Postgres pg = new Postgres()) {
            Harness scaled = pg.use(new Harness(tmp.resolve("pg")));
            String actual = runSamples(scaled);
            assertThat(actual).isEqualTo(expected);
            assertThat(scaled.count("SELECT COUNT(*) FROM deal")).isGreaterThan(5);
            // a sweep later on: every deal still awaiting an answer expires, once, however often it runs
            long waiting = scaled.count("SELECT COUNT(*) FROM deal WHERE status = 'New'");
            long notified = scaled.count("SELECT COUNT(*) FROM notification WHERE event = 'Expired'");
            assertThat(scaled.run("expire", "--as-of", "2027-01-31")).isZero();
            assertThat(scaled.run("expire", "--as-of", "2027-01-31")).isZero();
            assertThat(scaled.count("SELECT COUNT(*) FROM deal WHERE status = 'New'")).isZero();
            assertThat(scaled.count("SELECT COUNT(*) FROM notification WHERE event = 'Expired'")).isEqualTo(notified + waiting);
        }
    }

    private static String runSamples(Harness h) throws Exception {
        h.drop("inbox/2026-11-01-partner-crm.csv", null);
        h.drop("inbox/2026-11-02-partner-crm.csv", null);
        h.drop("inbox/crm-fr/2026-11-01-affaires.csv", "crm-fr");
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
        return CrashSafetyTest.state(h);
    }
}
