package io.dealsync.it;

import static io.dealsync.it.Records.JSON;
import static io.dealsync.it.Records.referral;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/formats.md "JSON (in)" through the real routes and rules: the three file shapes (array, API page, NDJSON
 * as .ndjson and inside a .json), valid and invalid records in each, the lenient forms of real API output,
 * a non-object element and a truncated array; deals stored, reject files as docs/formats.md "Reject files" says.
 */
class JsonIntakeTest {
    @TempDir
    static Path tmp;
    static Harness h;
    static JsonNode report;
    static int exit;

    @BeforeAll
    static void run() throws Exception {
        h = new Harness(tmp);

        // a JSON array: valid, invalid (no notes), a number, lenient API output, invalid (no consent)
        ObjectNode a2 = referral("J-A2");
        ((ObjectNode) a2.get("details")).put("notes", "");
        ObjectNode a4 = referral("J-A4"); // team as one object, salesStage "100" as text: a Won deal
        a4.put("status", "Closed").put("substatus", "Won").put("salesStage", "100");
        a4.set("stageMarks", JSON.readTree("""
                {"secureLoe": "2026-02-01", "collectData": "2026-03-01", "prepareReport": "2026-04-01", "present": "2026-05-01"}"""));
        a4.set("team", a4.get("team").get(0));
        ObjectNode a5 = referral("J-A5");
        a5.set("consent", JSON.readTree("{\"consentToShareInfoWithOthers\": false}"));
        h.write("a-array.json", "[\n" + referral("J-A1") + ",\n" + a2 + ",\n  42 ,\n" + a4.toPrettyString() + ",\n" + a5 + "\n]\n");

        // an API page, with other keys before and after "value"
        ObjectNode b2 = referral("J-B2");
        ((ObjectNode) b2.get("customerProfile").get("address")).put("country", "USA");
        h.write("b-page.json", "{\"@odata.context\": \"referrals\", \"totalCount\": 2, \"value\": [" + referral("J-B1") + ", "
                + b2 + "], \"continuationToken\": null}");

        // NDJSON: valid, a blank line, invalid, broken JSON, a line that is not an object, valid
        ObjectNode c3 = referral("J-C3");
        c3.set("details", ((ObjectNode) c3.get("details")).set("requirements",
                JSON.readTree("{\"solutions\": [{\"id\": \"SOL-1234-PQRS\"}]}")));
        h.write("c-lines.ndjson", referral("J-C1") + "\n\n" + c3 + "\n{\"externalReferenceId\": \"J-C4\", \"name\": \n"
                + "\"just text\"\n" + referral("J-C6") + "\n");

        // a .json holding NDJSON (told apart by its content)
        ObjectNode d2 = referral("J-D2");
        ((ObjectNode) d2.get("details")).put("dealValue", -5);
        h.write("d-lines.json", referral("J-D1") + "\n" + d2 + "\n");

        // an array cut short in its third object
        String e3 = referral("J-E3").toString();
        h.write("e-cut.json", "[" + referral("J-E1") + ",\n" + referral("J-E2") + ",\n" + e3.substring(0, e3.length() / 2));

        exit = h.run("run", "--once", "--as-of", "2026-11-26");
        report = Records.report(h);
    }

    @Test
    void everyFileIsReadAndTheCountsReconcile() {
        assertThat(exit).isZero();
        Records.assertReconciles(report);
        assertThat(h.inboxListing())
                .containsExactlyInAnyOrder(".done/a-array.json", ".done/b-page.json", ".done/c-lines.ndjson",
                        ".done/d-lines.json", ".done/e-cut.json");
        assertCounts("a-array.json", 5, 2, 3);
        assertCounts("b-page.json", 2, 1, 1);
        assertCounts("c-lines.ndjson", 5, 2, 3);
        assertCounts("d-lines.json", 2, 1, 1);
        assertCounts("e-cut.json", 3, 2, 1);
        JsonNode a = Records.fileEntry(report, "", "a-array.json");
        assertThat(a.get("rejectsByCode").get("REQUIRED_FIELD").asLong()).isEqualTo(1);
        assertThat(a.get("rejectsByCode").get("MALFORMED_RECORD").asLong()).isEqualTo(1);
        assertThat(a.get("rejectsByCode").get("CONSENT_REQUIRED").asLong()).isEqualTo(1);
        assertThat(a.get("rejectFile").asText()).endsWith("rejects/a-array.rejects.ndjson");
        JsonNode c = Records.fileEntry(report, "", "c-lines.ndjson");
        assertThat(c.get("rejectsByCode").get("UNKNOWN_ASSESSMENT_TYPE").asLong()).isEqualTo(1);
        assertThat(c.get("rejectsByCode").get("MALFORMED_RECORD").asLong()).isEqualTo(2);
    }

    @Test
    void validRecordsAreStoredAndInvalidOnesAreNot() {
        assertThat(crmIds()).containsExactlyInAnyOrder("J-A1", "J-A4", "J-B1", "J-C1", "J-C6", "J-D1", "J-E1", "J-E2");
        // stored as the API said: value, dates, stage marks, both teams
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'J-A1' AND estimated_value = '25000' AND currency = 'USD'"
                + " AND estimated_close_date = DATE '2030-06-30' AND created_date = DATE '2026-01-10' AND customer_duns = '123456789'"
                + " AND contact_email = 'alex.doe@customer.example' AND consent = 'Yes' AND solution LIKE 'SOL-SA-INFRA%'"
                + " AND sales_stage = 20 AND status = 'Active' AND substatus = 'Accepted'")).isEqualTo(1);
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'J-A1' AND mark_1 IS NOT NULL AND mark_2 IS NULL")).isEqualTo(1);
    }

    @Test
    void lenientWhereRealApiOutputIs() {
        // team as a single object instead of an array; salesStage as the string "100"
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'J-A4' AND status = 'Closed' AND substatus = 'Won'"
                + " AND sales_stage = 100")).isEqualTo(1);
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'J-A4' AND team_size = 1"
                + " AND team LIKE '%\"sam.seller@partner.example\"%'")).isEqualTo(1);
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'J-A4' AND mark_1 IS NOT NULL AND mark_2 IS NOT NULL AND mark_3 IS NOT NULL AND mark_4 IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void arrayRejectsNameTheirIndexAndKeepTheRecord() throws Exception {
        List<JsonNode> lines = Records.ndjson(h.rejects().resolve("a-array.rejects.ndjson"));
        assertThat(lines).extracting(l -> l.get("index").asInt()).containsExactly(2, 3, 5);
        assertThat(lines).allSatisfy(l -> assertThat(l.has("line")).isFalse());

        JsonNode noNotes = lines.get(0);
        assertThat(noNotes.get("reasons")).anySatisfy(r -> {
            assertThat(r.get("code").asText()).isEqualTo("REQUIRED_FIELD");
            assertThat(r.get("field").asText()).isEqualTo("Notes");
            assertThat(r.get("message").asText()).contains("Notes");
        });
        // the original object, as the partner sent it
        assertThat(noNotes.get("record")).isEqualTo(JSON.readTree(JSON.writeValueAsString(referral("J-A2")
                .set("details", ((ObjectNode) referral("J-A2").get("details")).put("notes", "")))));

        JsonNode number = lines.get(1);
        assertThat(number.has("record")).isFalse();
        assertThat(number.get("raw").asText()).isEqualTo("42");
        assertThat(number.get("reasons").get(0).get("code").asText()).isEqualTo("MALFORMED_RECORD");
        assertThat(number.get("reasons").get(0).get("message").asText()).contains("Element 3", "not an object");

        assertThat(lines.get(2).get("reasons")).extracting(r -> r.get("code").asText()).containsExactly("CONSENT_REQUIRED");
        assertThat(lines.get(2).get("record").get("externalReferenceId").asText()).isEqualTo("J-A5");
    }

    @Test
    void pageRejectsNameTheirIndexInTheValueArray() {
        List<JsonNode> lines = Records.ndjson(h.rejects().resolve("b-page.rejects.ndjson"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("index").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("reasons")).anySatisfy(r -> {
            assertThat(r.get("code").asText()).isEqualTo("INVALID_VALUE");
            assertThat(r.get("field").asText()).isEqualTo("Customer Country");
        });
        assertThat(lines.get(0).get("record").get("externalReferenceId").asText()).isEqualTo("J-B2");
    }

    @Test
    void ndjsonRejectsNameTheirPhysicalLine() {
        List<JsonNode> lines = Records.ndjson(h.rejects().resolve("c-lines.rejects.ndjson"));
        assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(3, 4, 5);
        assertThat(lines).allSatisfy(l -> assertThat(l.has("index")).isFalse());
        assertThat(lines.get(0).get("record").get("externalReferenceId").asText()).isEqualTo("J-C3");
        assertThat(lines.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("UNKNOWN_ASSESSMENT_TYPE");
        // broken JSON and a value that is not an object keep their text under "raw"
        assertThat(lines.get(1).get("raw").asText()).isEqualTo("{\"externalReferenceId\": \"J-C4\", \"name\": ");
        assertThat(lines.get(1).get("reasons").get(0).get("message").asText()).contains("Line 4", "not valid JSON");
        assertThat(lines.get(2).get("raw").asText()).isEqualTo("\"just text\"");
        assertThat(lines.get(2).get("reasons").get(0).get("message").asText()).contains("Line 5", "not an object");

        List<JsonNode> d = Records.ndjson(h.rejects().resolve("d-lines.rejects.ndjson"));
        assertThat(d).hasSize(1);
        assertThat(d.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(d.get(0).get("record").get("externalReferenceId").asText()).isEqualTo("J-D2");
        assertThat(d.get(0).get("reasons")).anySatisfy(r -> assertThat(r.get("field").asText()).isEqualTo("Estimated Deal Value"));
    }

    @Test
    void aTruncatedArrayKeepsTheCompleteObjectsAndTheBreakIsOneMalformedRecord() {
        List<JsonNode> lines = Records.ndjson(h.rejects().resolve("e-cut.rejects.ndjson"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("index").asInt()).isEqualTo(3);
        JsonNode reason = lines.get(0).get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("MALFORMED_RECORD");
        assertThat(reason.get("message").asText()).contains("cut short", "element 3");
        assertThat(crmIds()).contains("J-E1", "J-E2").doesNotContain("J-E3");
    }

    private static void assertCounts(String name, long read, long created, long rejected) {
        JsonNode f = Records.fileEntry(report, "", name);
        assertThat(f.get("status").asText()).as(name).isEqualTo("done");
        assertThat(f.get("read").asLong()).as("read of " + name).isEqualTo(read);
        assertThat(f.get("created").asLong()).as("created of " + name).isEqualTo(created);
        assertThat(f.get("rejected").asLong()).as("rejected of " + name).isEqualTo(rejected);
        assertThat(f.get("skipped").asLong()).as("skipped of " + name).isZero();
    }

    private static List<String> crmIds() {
        return Records.column(h, "SELECT crm_id FROM deal ORDER BY crm_id");
    }
}
