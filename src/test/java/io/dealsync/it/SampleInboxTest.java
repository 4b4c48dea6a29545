package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two canonical sample files through the real routes and rules: day 1 then day 2, in one run. */
class SampleInboxTest {
    @TempDir
    Path tmp;

    @Test
    void nightlyRunOfTheSamples() throws Exception {
        Harness h = new Harness(tmp);
        h.drop("samples/2026-11-01-partner-crm.csv", null);
        h.drop("samples/2026-11-02-partner-crm.csv", null);

        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isEqualTo(0);

        // files moved to .done, nothing left in the inbox root
        assertThat(h.inboxListing())
                .containsExactlyInAnyOrder(".done/2026-11-01-partner-crm.csv", ".done/2026-11-02-partner-crm.csv");

        JsonNode report = new ObjectMapper().readTree(h.reports().resolve("latest.json").toFile());
        assertThat(report.get("reconciled").asBoolean()).isTrue();
        JsonNode day1 = report.get("files").get(0);
        assertThat(day1.get("name").asText()).isEqualTo("2026-11-01-partner-crm.csv");
        assertThat(day1.get("read").asLong()).isEqualTo(22);
        assertThat(day1.get("skipped").asLong()).isEqualTo(1);
        assertThat(day1.get("rejectsByCode").fieldNames()).toIterable().contains("REQUIRED_FIELD", "SOLUTION_COUNT",
                "UNKNOWN_ASSESSMENT_TYPE", "TEAM_REQUIRED", "CUSTOMER_CONTACT_INCOMPLETE", "WON_REQUIRES_ALL_STAGES",
                "STAGE_OUT_OF_ORDER", "MISSING_KEY", "DUPLICATE_IN_FILE", "CONSENT_REQUIRED", "ASSESSMENT_LOCATION_REQUIRED",
                "INVALID_VALUE", "INVALID_STATUS", "REASON_REQUIRED", "UNKNOWN_STAGE", "MALFORMED_RECORD");
        assertThat(day1.get("expired").asLong()).isEqualTo(1);
        assertThat(day1.get("warnings").asLong()).isEqualTo(1);

        // the reject file reads as input: Errors, Reason Codes in front, input columns, Line at the end
        Path rejects = h.rejects().resolve("2026-11-01-partner-crm.rejects.csv");
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFErrors,Reason Codes,Referral ID,CRM ID,").endsWith(",Line,Source File");
        assertThat(String.join("\n", lines)).contains("'=HYPERLINK");

        // day 2: CRM-1003 declined (notified), CRM-1004 was already expired on arrival (notified once)
        assertThat(Harness.files(h.outbox().resolve("notifications"))).hasSize(2);
        assertThat(h.count("SELECT COUNT(*) FROM notification WHERE delivered_at IS NULL")).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'CRM-1003' AND substatus = 'Declined'")).isEqualTo(1);
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'CRM-1004' AND substatus = 'Expired'")).isEqualTo(1);
        assertThat(h.count("SELECT sales_stage FROM deal WHERE crm_id = 'CRM-1001'")).isEqualTo(40);

        // the same files dropped again: repeats, nothing changes
        long history = h.count("SELECT COUNT(*) FROM deal_history");
        h.drop("samples/2026-11-01-partner-crm.csv", null);
        h.drop("samples/2026-11-02-partner-crm.csv", null);
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isEqualTo(0);
        JsonNode again = new ObjectMapper().readTree(h.reports().resolve("latest.json").toFile());
        assertThat(again.get("totals").get("repeats").asLong()).isEqualTo(2);
        assertThat(h.count("SELECT COUNT(*) FROM deal_history")).isEqualTo(history);
        assertThat(Harness.files(h.outbox().resolve("notifications"))).hasSize(2);
    }
}
