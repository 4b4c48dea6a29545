package io.dealsync.it;

import static io.dealsync.it.Rows.incoming;
import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 on the scale-out database: the V4 ledger, the hand-off and the processed file, as on HSQLDB. */
class HandoffPostgresTest {
    @Test
    void theLoopOnPostgresql(@TempDir Path tmp) throws Exception {
        try (Postgres pg = new Postgres()) {
            Harness h = pg.use(new Harness(tmp));
            h.write("2026-11-01-crm.csv", new Rows().add(outgoing("CRM-A")).add(outgoing("CRM-B"))
                    .add(incoming("REF-W", "CRM-W", "2026-11-20")).csv());
            assertThat(h.run("run", "--once", "--as-of", "2026-11-21")).isZero();
            Path out = tmp.resolve("upload");
            assertThat(h.run("handoff", "--out", out.toString())).isZero();
            List<Path> files = HandoffTest.filesIn(out);
            assertThat(files).hasSize(1);
            List<Map<String, String>> rows = HandoffTest.read(files.get(0));
            assertThat(rows).extracting(r -> r.get("CRM ID")).containsExactly("CRM-A", "CRM-B");
            assertThat(h.value("SELECT reason FROM handoff h JOIN deal d ON d.id = h.deal_id WHERE d.crm_id = 'CRM-W'"))
                    .isEqualTo("AWAITING_ANSWER");

            Map<String, String> a = new LinkedHashMap<>(Map.of("Errors", ""));
            a.putAll(rows.get(0));
            a.put("Referral ID", "PC-A");
            Map<String, String> b = new LinkedHashMap<>(Map.of("Errors", "Customer account not found"));
            b.putAll(rows.get(1));
            HandoffTest.write(h.inbox().resolve("partner-center/processed.csv"), List.of(a, b));
            assertThat(h.run("run", "--once", "--as-of", "2026-11-22")).isZero();
            assertThat(h.value("SELECT referral_id FROM deal WHERE crm_id = 'CRM-A'")).isEqualTo("PC-A");
            assertThat(h.value("SELECT h.messages FROM handoff h JOIN deal d ON d.id = h.deal_id WHERE d.crm_id = 'CRM-B'"
                    + " AND h.status = 'refused'")).isEqualTo("Customer account not found");
            assertThat(h.run("handoff", "--out", out.toString())).isZero();
            assertThat(HandoffTest.filesIn(out)).hasSize(1); // nothing new

            // a later record with the Referral ID finds the same deal, which then goes again as an update
            h.write("2026-11-23-crm.csv", new Rows().add(with(outgoing("CRM-A"), "Referral ID", "PC-A",
                    "Notes", "Changed later")).csv());
            assertThat(h.run("run", "--once", "--as-of", "2026-11-23")).isZero();
            assertThat(h.count("SELECT COUNT(*) FROM deal")).isEqualTo(3);
            assertThat(h.run("handoff", "--out", out.toString())).isZero();
            List<Path> after = HandoffTest.filesIn(out);
            assertThat(after).hasSize(2);
            assertThat(HandoffTest.read(after.get(1))).singleElement()
                    .satisfies(r -> assertThat(r.get("Referral ID")).isEqualTo("PC-A"));
        }
    }
}
