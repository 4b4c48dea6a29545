package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/formats.md "Reject files": an ops reviewer fixes the rows of a reject file and drops it into the inbox
 * again. Fixed rows are stored; rows still broken are rejected again with Errors / Reason Codes / Line
 * replaced, not repeated; a row already stored comes back unchanged (no extra history).
 */
class RejectRoundTripTest {
    static final String AS_OF = "2026-11-26";

    @Test
    void csvRejectFileFixedAndDroppedBack(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp);
        String tooMany = Records.csvRow("CRM-R5") + ",stray,cells";
        h.write("2026-11-10-crm.csv", Records.csv(
                Records.csvRow("CRM-R1"),                                                        // line 2: stored
                Records.csvRow("CRM-R2").replace("Customer wants a migration readiness review", ""), // 3: no notes
                Records.csvRow("CRM-R3").replace(",98052,US,", ",98052,USA,"),                  // 4: bad country
                Records.csvRow("CRM-R1"),                                                        // 5: duplicate
                Records.csvRow("CRM-R4").replace("Assessment for CRM-R4", "=1+2")
                        .replace("Customer wants a migration readiness review", ""),            // 6: formula, no notes
                tooMany));                                                                      // 7: too many cells
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        JsonNode first = Records.fileEntry(Records.report(h), "", "2026-11-10-crm.csv");
        assertThat(first.get("created").asLong()).isEqualTo(1);
        assertThat(first.get("rejected").asLong()).isEqualTo(5);
        long historyOfR1 = h.count(historyOf("CRM-R1"));
        assertThat(historyOfR1).isEqualTo(1);

        // the reviewer fills the empty notes, drops the stray cells; the bad country and the duplicate stay
        Path rejects = h.rejects().resolve("2026-11-10-crm.rejects.csv");
        Path back = h.inbox().resolve("2026-11-10-crm.rejects.csv");
        rewrite(rejects, back, StandardCharsets.UTF_8, ',', (header, row) -> {
            int notes = header.indexOf("Notes");
            if (row.get(notes).isEmpty()) {
                row.set(notes, "Filled in by the reviewer");
            }
            return row.size() > header.size() ? new ArrayList<>(row.subList(0, header.size())) : row;
        });
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();

        JsonNode second = Records.report(h);
        Records.assertReconciles(second);
        JsonNode again = Records.fileEntry(second, "", "2026-11-10-crm.rejects.csv");
        assertThat(again.get("read").asLong()).isEqualTo(5);
        assertThat(again.get("created").asLong()).isEqualTo(3);   // R2, R4, R5
        assertThat(again.get("unchanged").asLong()).isEqualTo(1); // R1, already stored
        assertThat(again.get("rejected").asLong()).isEqualTo(1);  // R3
        assertThat(again.get("unknownColumns")).as("Errors, Reason Codes, Line are not unknown columns").isEmpty();
        assertThat(Records.column(h, "SELECT crm_id FROM deal ORDER BY crm_id"))
                .containsExactly("CRM-R1", "CRM-R2", "CRM-R4", "CRM-R5");
        assertThat(Records.column(h, "SELECT notes FROM deal WHERE crm_id = 'CRM-R2'")).containsExactly("Filled in by the reviewer");
        // the ' that kept Excel from running the formula is dropped on the way back
        assertThat(Records.column(h, "SELECT deal_name FROM deal WHERE crm_id = 'CRM-R4'")).containsExactly("=1+2");
        assertThat(h.count(historyOf("CRM-R1"))).as("no extra history for a row already stored").isEqualTo(historyOfR1);
        assertThat(Records.column(h, "SELECT h.file_name FROM deal_history h JOIN deal d ON d.id = h.deal_id"
                + " WHERE d.crm_id = 'CRM-R2'")).containsExactly("2026-11-10-crm.rejects.csv");

        // rejected again: a new reject file (the first one is not overwritten, the name does not grow: the run
        // id is added), own columns replaced, not repeated
        assertThat(h.rejects().resolve("2026-11-10-crm.rejects.rejects.csv")).doesNotExist();
        String runId = second.get("runId").asText();
        Path rejectedAgain = h.rejects().resolve("2026-11-10-crm." + runId + ".rejects.csv");
        List<List<String>> rows = read(rejectedAgain, StandardCharsets.UTF_8, ',');
        List<String> header = rows.get(0);
        assertThat(header).containsExactlyElementsOf(read(rejects, StandardCharsets.UTF_8, ',').get(0));
        assertThat(header.stream().filter(c -> c.equals("Errors"))).hasSize(1);
        assertThat(header.stream().filter(c -> c.equals("Reason Codes"))).hasSize(1);
        assertThat(header.stream().filter(c -> c.equals("Line"))).hasSize(1);
        assertThat(header.stream().filter(c -> c.equals("Source File"))).hasSize(1);
        assertThat(rows).hasSize(2);
        List<String> r3 = rows.get(1);
        assertThat(r3).hasSameSizeAs(header);
        assertThat(r3.get(header.indexOf("CRM ID"))).isEqualTo("CRM-R3");
        assertThat(r3.get(0)).isEqualTo("Customer Country does not hold a valid value ('USA' is not in countries.csv)");
        assertThat(r3.get(1)).isEqualTo("INVALID_VALUE");
        assertThat(r3.get(header.indexOf("Line"))).as("its line in the original CRM export").isEqualTo("4");
        assertThat(r3.get(header.indexOf("Source File"))).isEqualTo("2026-11-10-crm.csv");

        // a second round trip, untouched: the same original line and file, and again a short name
        Files.copy(rejectedAgain, h.inbox().resolve(rejectedAgain.getFileName()));
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        JsonNode third = Records.report(h);
        Path thirdFile = h.rejects().resolve("2026-11-10-crm." + third.get("runId").asText() + ".rejects.csv");
        List<List<String>> thirdRows = read(thirdFile, StandardCharsets.UTF_8, ',');
        assertThat(thirdRows).hasSize(2);
        assertThat(thirdRows.get(1).get(header.indexOf("Line"))).isEqualTo("4");
        assertThat(thirdRows.get(1).get(header.indexOf("Source File"))).isEqualTo("2026-11-10-crm.csv");
        assertThat(Files.readString(rejects)).as("the first reject file is kept as it was")
                .contains("CRM-R2", "CRM-R4", "CRM-R5", "stray");
    }

    @Test
    void profileRejectFileFixedAndDroppedBackIntoItsSource(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp);
        h.drop("inbox/crm-fr/2026-11-01-affaires.csv", "crm-fr");
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM deal")).isEqualTo(3);

        Charset cp1252 = Charset.forName("windows-1252");
        Path rejects = h.rejects().resolve("crm-fr/2026-11-01-affaires.rejects.csv");
        rewrite(rejects, h.inbox().resolve("crm-fr/2026-11-01-affaires.rejects.csv"), cp1252, ';', (header, row) -> {
            row.set(header.indexOf("Pays"), "FR");
            return row;
        });
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        JsonNode again = Records.fileEntry(Records.report(h), "crm-fr", "2026-11-01-affaires.rejects.csv");
        assertThat(again.get("read").asLong()).isEqualTo(1);
        assertThat(again.get("created").asLong()).isEqualTo(1);
        assertThat(again.get("rejected").asLong()).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'AFF-2026-0004' AND customer_country = 'FR'"
                + " AND estimated_value = '5000' AND estimated_close_date = DATE '2030-12-01'")).isEqualTo(1);
        assertThat(Records.column(h, "SELECT deal_name FROM deal WHERE crm_id = 'AFF-2026-0004'"))
                .containsExactly("Évaluation sécurité – Coopérative Fictive");
        assertThat(Files.exists(h.inbox().resolve("crm-fr/.done/2026-11-01-affaires.rejects.csv"))).isTrue();
    }

    @Test
    void ndjsonRejectsFixedAndPutBackAsNdjson(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp);
        ObjectNode r2 = Records.referral("J-R2");
        ((ObjectNode) r2.get("details")).put("notes", "");
        ObjectNode r3 = Records.referral("J-R3");
        ((ObjectNode) r3.get("customerProfile").get("address")).put("country", "USA");
        h.write("2026-11-10-api.ndjson", Records.referral("J-R1") + "\n" + r2 + "\n" + r3 + "\n");
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        long historyOfR1 = h.count("SELECT COUNT(*) FROM deal_history h JOIN deal d ON d.id = h.deal_id WHERE d.crm_id = 'J-R1'");

        // the reviewer takes the "record" of each reject line, fixes what can be fixed, and adds the stored one again
        List<JsonNode> rejected = Records.ndjson(h.rejects().resolve("2026-11-10-api.rejects.ndjson"));
        assertThat(rejected).extracting(l -> l.get("line").asInt()).containsExactly(2, 3);
        StringBuilder fixed = new StringBuilder();
        for (JsonNode l : rejected) {
            ObjectNode rec = (ObjectNode) l.get("record");
            if (rec.get("details").get("notes").asText().isEmpty()) {
                ((ObjectNode) rec.get("details")).put("notes", "Filled in by the reviewer");
            }
            fixed.append(rec).append('\n');
        }
        fixed.append(Records.referral("J-R1")).append('\n');
        h.write("2026-11-10-api.fixed.ndjson", fixed.toString());
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();

        JsonNode again = Records.fileEntry(Records.report(h), "", "2026-11-10-api.fixed.ndjson");
        assertThat(again.get("created").asLong()).isEqualTo(1);
        assertThat(again.get("unchanged").asLong()).isEqualTo(1);
        assertThat(again.get("rejected").asLong()).isEqualTo(1);
        assertThat(Records.column(h, "SELECT notes FROM deal WHERE crm_id = 'J-R2'")).containsExactly("Filled in by the reviewer");
        assertThat(h.count("SELECT COUNT(*) FROM deal_history h JOIN deal d ON d.id = h.deal_id WHERE d.crm_id = 'J-R1'"))
                .isEqualTo(historyOfR1);
        List<JsonNode> still = Records.ndjson(h.rejects().resolve("2026-11-10-api.fixed.rejects.ndjson"));
        assertThat(still).hasSize(1);
        assertThat(still.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(still.get(0).get("reasons")).hasSize(1);
        assertThat(still.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("INVALID_VALUE");
        assertThat(still.get(0).get("record")).isEqualTo(r3);
    }

    private static String historyOf(String crmId) {
        return "SELECT COUNT(*) FROM deal_history h JOIN deal d ON d.id = h.deal_id WHERE d.crm_id = '" + crmId + "'";
    }

    /** A CSV file's rows (header first), each as its cells. */
    static List<List<String>> read(Path file, Charset cs, char delimiter) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, cs)) {
            r.mark(1);
            if (r.read() != 0xFEFF) { // a UTF-8 reject file starts with a BOM (Excel)
                r.reset();
            }
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(r)) {
                rows.add(new ArrayList<>(rec.toList()));
            }
        }
        return rows;
    }

    /** What a reviewer does in a spreadsheet: every data row through {@code fix}, the header as it is. */
    static void rewrite(Path from, Path to, Charset cs, char delimiter,
            BiFunction<List<String>, List<String>, List<String>> fix) throws IOException {
        List<List<String>> rows = read(from, cs, delimiter);
        List<String> header = rows.get(0);
        Files.createDirectories(to.getParent());
        try (Writer w = Files.newBufferedWriter(to, cs);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
            p.printRecord(header);
            for (List<String> row : rows.subList(1, rows.size())) {
                p.printRecord(fix.apply(header, row));
            }
        }
    }
}
