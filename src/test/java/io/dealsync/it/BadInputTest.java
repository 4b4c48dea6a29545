package io.dealsync.it;

import static io.dealsync.it.Records.csv;
import static io.dealsync.it.Records.csvRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quality.md "Bad input", all in one run of the canonical inbox: each problem gives a clear message naming
 * the file and the line, the run goes on with the next record or file, the counts reconcile, and
 * {@code run --once} exits 1 because some files could not be read at all.
 */
class BadInputTest {
    static final String NOTES = "Customer wants a migration readiness review";
    static final String TEAM = "\"Sam, Seller, +1 425 555 0101, sam.seller@partner.example\"";

    @TempDir
    static Path tmp;
    static Harness h;
    static JsonNode report;
    static int exit;
    static String log;

    @BeforeAll
    static void run() throws Exception {
        h = new Harness(tmp);
        Files.createDirectories(h.inbox());
        // a PNG header: NUL bytes
        Files.write(h.inbox().resolve("01-binary.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Files.write(h.inbox().resolve("02-empty.csv"), new byte[0]);
        h.write("03-header-only.csv", csv());
        // windows-1252 in the canonical (UTF-8) inbox: a valid row first, accents from line 3 on (issue 12: more
        // than one line in ten damaged is another encoding, refused whole; one damaged line would be one reject)
        Files.write(h.inbox().resolve("04-windows-1252.csv"), csv(csvRow("CRM-4001"),
                csvRow("CRM-4002").replace(NOTES, "Le client préfère une revue"),
                csvRow("CRM-4003").replace(NOTES, "Déjà revu")).getBytes(Charset.forName("windows-1252")));
        String tooFew = csvRow("CRM-5002");
        h.write("05-shape.csv", csv(
                csvRow("CRM-5001"),                                                      // 2: stored
                tooFew.substring(0, tooFew.indexOf(",2030-06-30")),                      // 3: too few cells
                csvRow("CRM-5003") + ",extra,cells",                                     // 4: too many cells
                csvRow("CRM-5004").replace("," + NOTES + ",", ",\"Customer\" wants,"),   // 5: broken quoting
                csvRow("CRM-5005"),                                                      // 6: stored: the run goes on
                csvRow("CRM-5006").replace(TEAM, "").replace("," + NOTES + ",", ",\"Customer wants,"))); // 7: unclosed quote
        h.write("06-big-field.csv", csv(csvRow("CRM-6001").replace(NOTES, "N".repeat(10 * 1024 * 1024)), csvRow("CRM-6002")));
        String cut = Records.referral("J-7003").toString();
        h.write("07-truncated.json", "[" + Records.referral("J-7001") + ",\n" + Records.referral("J-7002") + ",\n"
                + cut.substring(0, cut.indexOf("\"details\"")));
        ObjectNode wrong = Records.referral("J-8001");
        ((ObjectNode) wrong.get("details")).set("dealValue", Records.JSON.readTree("{\"amount\": 25000}"));
        wrong.set("name", Records.JSON.readTree("[\"Assessment\"]"));
        h.write("08-wrong-type.json", "[" + wrong + ",\n" + Records.referral("J-8002") + "]");
        h.write("09-formats.csv", csv(
                csvRow("CRM-9001").replace("2030-06-30", "30/06/2030"),        // 2: date, not ISO nor M/D/YYYY
                csvRow("CRM-9002").replace(",25000,", ",\"25,000.00\","),      // 3: thousands separator
                csvRow("CRM-9003").replace(",25000,", ",25000 USD,"),          // 4: not a number
                csvRow("CRM-9004").replace("2026-01-10", "2026-13-45"),        // 5: no such date
                csvRow("CRM-9005")));                                          // 6: stored
        // "Notes" twice: the first column wins, the second is ignored and listed
        h.write("10-duplicate-header.csv", Records.csvHeader() + ",Notes\r\n" + csvRow("CRM-10001") + ",Other notes\r\n");

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = h.run("run", "--once", "--as-of", "2026-11-26");
        } finally {
            System.setErr(err);
            log = captured.toString(StandardCharsets.UTF_8);
            err.print(log.length() > 20_000 ? log.substring(0, 20_000) : log);
        }
        report = Records.report(h);
    }

    @Test
    void theRunGoesOnAndExitsOneBecauseTwoFilesCouldNotBeRead() {
        assertThat(exit).isEqualTo(1);
        Records.assertReconciles(report);
        assertThat(report.get("totals").get("failed").asLong()).isEqualTo(2);
        assertThat(h.inboxListing()).containsExactlyInAnyOrder(
                ".failed/01-binary.csv", ".failed/01-binary.csv.reason.txt",
                ".done/02-empty.csv", ".done/03-header-only.csv",
                ".failed/04-windows-1252.csv", ".failed/04-windows-1252.csv.reason.txt",
                ".done/05-shape.csv", ".done/06-big-field.csv", ".done/07-truncated.json", ".done/08-wrong-type.json",
                ".done/09-formats.csv", ".done/10-duplicate-header.csv");
        assertThat(Records.column(h, "SELECT crm_id FROM deal ORDER BY crm_id")).containsExactlyInAnyOrder(
                "CRM-5001", "CRM-5005", "CRM-6002", "J-7001", "J-7002", "J-8002", "CRM-9005", "CRM-10001");
    }

    @Test
    void aBinaryFileGoesToFailedWithItsReason() throws Exception {
        String reason = Files.readString(h.inbox().resolve(".failed/01-binary.csv.reason.txt"));
        assertThat(reason).contains("01-binary.csv", "not a text file", "line 3"); // the NUL follows CRLF and LF
        JsonNode f = Records.fileEntry(report, "", "01-binary.csv");
        assertThat(f.get("status").asText()).isEqualTo("failed");
        assertThat(f.get("error").asText()).contains("01-binary.csv", "NUL byte");
        assertThat(log).containsPattern("ERROR .*01-binary\\.csv.*moved to \\.failed/.*line 3");
    }

    @Test
    void emptyAndHeaderOnlyFilesAreNormalFilesWithNoRecords() {
        for (String name : List.of("02-empty.csv", "03-header-only.csv")) {
            JsonNode f = Records.fileEntry(report, "", name);
            assertThat(f.get("status").asText()).as(name).isEqualTo("done");
            assertThat(f.get("read").asLong()).as(name).isZero();
            assertThat(f.get("rejectFile").isNull()).as(name).isTrue();
        }
    }

    @Test
    void aFileInAnotherEncodingIsRefusedWholeNamingTheLine() throws Exception {
        String reason = Files.readString(h.inbox().resolve(".failed/04-windows-1252.csv.reason.txt"));
        assertThat(reason).contains("04-windows-1252.csv", "not text in UTF-8", "line 3");
        assertThat(Records.fileEntry(report, "", "04-windows-1252.csv").get("status").asText()).isEqualTo("failed");
        // nothing of it was applied, not even the valid row before the bad byte
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id LIKE 'CRM-400%'")).isZero();
        assertThat(log).containsPattern("ERROR .*04-windows-1252\\.csv.*line 3");
    }

    @Test
    void rowsOfTheWrongShapeAreRejectedAndReadingGoesOn() throws Exception {
        JsonNode f = Records.fileEntry(report, "", "05-shape.csv");
        assertThat(f.get("read").asLong()).isEqualTo(6);
        assertThat(f.get("created").asLong()).isEqualTo(2);
        assertThat(f.get("rejectsByCode").get("MALFORMED_RECORD").asLong()).isEqualTo(3);
        List<List<String>> rows = RejectRoundTripTest.read(h.rejects().resolve("05-shape.rejects.csv"), StandardCharsets.UTF_8, ',');
        int line = rows.get(0).indexOf("Line");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(line)).containsExactly("3", "4", "5", "7");
        // too few cells: the missing trailing cells read as empty, and the rules say what is then missing
        assertThat(rows.get(1).get(0)).contains("Estimated Close Date is required but is empty", "Notes is required");
        assertThat(rows.get(2).get(0)).contains("The row has 40 cells but the header has 38 columns");
        assertThat(rows.get(2).get(1)).isEqualTo("MALFORMED_RECORD");
        assertThat(rows.get(3).get(0)).contains("Broken quoting");
        assertThat(rows.get(4).get(0)).contains("quote", "never closes", "line 7");
        assertThat(rows.get(4).get(1)).isEqualTo("MALFORMED_RECORD");
    }

    @Test
    void aTenMegabyteFieldIsReadAndRejectedForItsLength() throws Exception {
        JsonNode f = Records.fileEntry(report, "", "06-big-field.csv");
        assertThat(f.get("status").asText()).isEqualTo("done");
        assertThat(f.get("read").asLong()).isEqualTo(2);
        assertThat(f.get("created").asLong()).isEqualTo(1);
        assertThat(f.get("rejectsByCode").get("INVALID_VALUE").asLong()).isEqualTo(1);
        assertThat(f.get("rejectsByField").get("Notes").asLong()).isEqualTo(1);
        List<List<String>> rows = RejectRoundTripTest.read(h.rejects().resolve("06-big-field.rejects.csv"), StandardCharsets.UTF_8, ',');
        assertThat(rows.get(1).get(0)).isEqualTo("Notes does not hold a valid value (it is 10485760 characters long;"
                + " at most 10000 are stored)");
        assertThat(rows.get(1).get(rows.get(0).indexOf("Notes"))).hasSize(10 * 1024 * 1024);
        assertThat(rows.get(1).get(rows.get(0).indexOf("Line"))).isEqualTo("2");
        assertThat(log).doesNotContain("batch failed");
    }

    @Test
    void aTruncatedJsonFileKeepsItsCompleteObjects() {
        JsonNode f = Records.fileEntry(report, "", "07-truncated.json");
        assertThat(f.get("read").asLong()).isEqualTo(3);
        assertThat(f.get("created").asLong()).isEqualTo(2);
        assertThat(f.get("rejectsByCode").get("MALFORMED_RECORD").asLong()).isEqualTo(1);
        List<JsonNode> lines = Records.ndjson(h.rejects().resolve("07-truncated.rejects.ndjson"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("index").asInt()).isEqualTo(3);
        assertThat(lines.get(0).get("reasons").get(0).get("message").asText()).contains("element 3", "end-of-input");
    }

    @Test
    void aJsonValueOfTheWrongTypeIsRejectedNamingTheColumn() {
        JsonNode f = Records.fileEntry(report, "", "08-wrong-type.json");
        assertThat(f.get("read").asLong()).isEqualTo(2);
        assertThat(f.get("created").asLong()).isEqualTo(1);
        assertThat(f.get("rejectsByField").get("Estimated Deal Value").asLong()).isEqualTo(1);
        assertThat(f.get("rejectsByField").get("Deal Name").asLong()).isEqualTo(1);
        JsonNode reject = Records.ndjson(h.rejects().resolve("08-wrong-type.rejects.ndjson")).get(0);
        assertThat(reject.get("index").asInt()).isEqualTo(1);
        assertThat(reject.get("reasons")).anySatisfy(r -> {
            assertThat(r.get("code").asText()).isEqualTo("INVALID_VALUE");
            assertThat(r.get("field").asText()).isEqualTo("Estimated Deal Value");
            assertThat(r.get("message").asText()).contains("dealValue", "found an object");
        });
        assertThat(reject.get("reasons")).anySatisfy(r -> {
            assertThat(r.get("field").asText()).isEqualTo("Deal Name");
            assertThat(r.get("message").asText()).contains("found an array");
        });
    }

    @Test
    void datesAndNumbersInTheWrongFormatAreRejectedNamingTheColumn() throws Exception {
        JsonNode f = Records.fileEntry(report, "", "09-formats.csv");
        assertThat(f.get("created").asLong()).isEqualTo(1);
        assertThat(f.get("rejectsByCode").get("INVALID_VALUE").asLong()).isEqualTo(4);
        assertThat(f.get("rejectsByField").get("Estimated Close Date").asLong()).isEqualTo(1);
        assertThat(f.get("rejectsByField").get("Estimated Deal Value").asLong()).isEqualTo(2);
        assertThat(f.get("rejectsByField").get("Created Date").asLong()).isEqualTo(1);
        List<List<String>> rows = RejectRoundTripTest.read(h.rejects().resolve("09-formats.rejects.csv"), StandardCharsets.UTF_8, ',');
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactly(
                // issue 10: the value and the form expected
                "Estimated Close Date does not hold a valid value ('30/06/2030': a date expected, yyyy-mm-dd or M/D/YYYY, e.g. 2026-06-30)",
                "Estimated Deal Value does not hold a valid value ('25,000.00': a number above zero expected,"
                        + " digits with a dot as decimal separator, e.g. 48500.00)",
                "Estimated Deal Value does not hold a valid value ('25000 USD': a number above zero expected,"
                        + " digits with a dot as decimal separator, e.g. 48500.00)",
                "Created Date does not hold a valid value ('2026-13-45': a date expected, yyyy-mm-dd or M/D/YYYY, e.g. 2026-06-30)");
    }

    @Test
    void aDuplicateHeaderNameIsListedAndTheFirstColumnWins() {
        JsonNode f = Records.fileEntry(report, "", "10-duplicate-header.csv");
        assertThat(f.get("created").asLong()).isEqualTo(1);
        assertThat(f.get("unknownColumns")).extracting(JsonNode::asText)
                .containsExactly("Notes (column 39, same as column 29, ignored)");
        assertThat(Records.column(h, "SELECT notes FROM deal WHERE crm_id = 'CRM-10001'")).containsExactly(NOTES);
    }

    @Test
    void theReportNamesTheProblems() {
        JsonNode byCode = report.get("rejectsByCode");
        assertThat(byCode.get("MALFORMED_RECORD").asLong()).isEqualTo(4); // 3 CSV rows + the JSON break
        assertThat(byCode.get("INVALID_VALUE").asLong()).isEqualTo(6);   // big field, wrong type, 4 formats
        assertThat(report.get("rejectsByField").get("Estimated Deal Value").asLong()).isEqualTo(3);
    }
}
