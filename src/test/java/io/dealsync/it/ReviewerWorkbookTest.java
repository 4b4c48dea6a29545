package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * formats.md "Reviewer workbook", end to end through the real launcher, routes and rules: the workbook
 * written beside the reject CSV, fixed by a reviewer in "Excel" (POI's user model) and dropped into the
 * inbox, read back as input; a file named .xlsx that is no workbook fails with a reason; reject CSVs with
 * a BOM or in the profile's windows-1252 dropped back are read.
 */
class ReviewerWorkbookTest {
    static final String AS_OF = "2026-11-26";

    @Test
    void theWorkbookBesideTheRejectCsvIsFixedAndReadBackAsInput(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp);
        h.write("2026-11-10-crm.csv", Records.csv(
                Records.csvRow("CRM-W1"),                                                        // line 2: stored
                Records.csvRow("CRM-W2").replace("Customer wants a migration readiness review", ""), // 3: no notes
                Records.csvRow("CRM-W3").replace(",98052,US,", ",98052,USA,")));                 // 4: bad country
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        JsonNode first = Records.fileEntry(Records.report(h), "", "2026-11-10-crm.csv");
        assertThat(first.get("rejected").asLong()).isEqualTo(2);
        assertThat(first.get("rejectWorkbook").asText()).endsWith("2026-11-10-crm.rejects.xlsx");
        Path workbook = h.rejects().resolve("2026-11-10-crm.rejects.xlsx");
        assertThat(h.rejects().resolve("2026-11-10-crm.rejects.csv.marks")).doesNotExist();

        Path back = h.inbox().resolve("2026-11-10-crm.rejects.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
            XSSFSheet s = wb.getSheet("Rejects");
            List<String> header = texts(s.getRow(0));
            assertThat(header).startsWith("Errors", "Reason Codes").endsWith("Line", "Source File");
            int phone = header.indexOf("Customer Contact Phone number");
            int duns = header.indexOf("Customer D-U-N-S ID");
            int notes = header.indexOf("Notes");
            int country = header.indexOf("Customer Country");
            Row w2 = s.getRow(1);
            assertThat(w2.getCell(phone).getStringCellValue()).as("no guard in a text cell").isEqualTo("+1 425 555 0100");
            assertThat(w2.getCell(duns).getCellType()).isEqualTo(CellType.STRING);
            assertThat(w2.getCell(notes).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(w2.getCell(notes).getCellComment().getString().getString()).startsWith("REQUIRED_FIELD: ");
            assertThat(s.getRow(2).getCell(country).getCellComment().getString().getString()).startsWith("INVALID_VALUE: ");
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(wb.getSheet("Counts")).isNotNull();

            // the reviewer fills the notes; the bad country stays; saved as a workbook and dropped into the inbox
            w2.getCell(notes).setCellValue("Filled in by the reviewer");
            try (OutputStream out = Files.newOutputStream(back)) {
                wb.write(out);
            }
        }
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        JsonNode second = Records.report(h);
        Records.assertReconciles(second);
        JsonNode again = Records.fileEntry(second, "", "2026-11-10-crm.rejects.xlsx");
        assertThat(again.get("status").asText()).isEqualTo("done");
        assertThat(again.get("created").asLong()).as(again.toString()).isEqualTo(1);
        assertThat(again.get("rejected").asLong()).isEqualTo(1);
        assertThat(again.get("unknownColumns")).as("Errors, Reason Codes, Line, Source File are not unknown").isEmpty();
        assertThat(h.value("SELECT notes FROM deal WHERE crm_id = 'CRM-W2'")).isEqualTo("Filled in by the reviewer");
        assertThat(h.value("SELECT contact_phone FROM deal WHERE crm_id = 'CRM-W2'")).isEqualTo("+1 425 555 0100");
        assertThat(h.value("SELECT customer_duns FROM deal WHERE crm_id = 'CRM-W2'")).isEqualTo("123456789");
        assertThat(h.inbox().resolve(".done/2026-11-10-crm.rejects.xlsx")).exists();

        // rejected again: a CSV (and its workbook) that keeps the original export's line and file
        Path rejectedAgain = h.rejects().resolve("2026-11-10-crm." + second.get("runId").asText() + ".rejects.csv");
        List<List<String>> rows = RejectRoundTripTest.read(rejectedAgain, StandardCharsets.UTF_8, ',');
        List<String> header = rows.get(0);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(header.indexOf("CRM ID"))).isEqualTo("CRM-W3");
        assertThat(rows.get(1).get(header.indexOf("Line"))).isEqualTo("4");
        assertThat(rows.get(1).get(header.indexOf("Source File"))).isEqualTo("2026-11-10-crm.csv");
        assertThat(h.rejects().resolve("2026-11-10-crm." + second.get("runId").asText() + ".rejects.xlsx")).exists();
    }

    @Test
    void aFileNamedXlsxThatIsNoWorkbookFailsWithAReason(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp);
        h.write("2026-11-10-fake.xlsx", Records.csv(Records.csvRow("CRM-X1")));
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isEqualTo(1);
        assertThat(h.inboxListing()).contains(".failed/2026-11-10-fake.xlsx", ".failed/2026-11-10-fake.xlsx.reason.txt");
        assertThat(Files.readString(h.inbox().resolve(".failed/2026-11-10-fake.xlsx.reason.txt")))
                .contains("2026-11-10-fake.xlsx is not an Excel workbook");
        assertThat(Records.fileEntry(Records.report(h), "", "2026-11-10-fake.xlsx").get("status").asText())
                .isEqualTo("failed");
        assertThat(h.count("SELECT COUNT(*) FROM deal")).isZero();
    }

    @Test
    void bomAndWindows1252RejectFilesDroppedBackAreRead(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp);
        h.write("2026-11-10-crm.csv", Records.csv(Records.csvRow("CRM-B1").replace(",98052,US,", ",98052,USA,")));
        h.drop("inbox/crm-fr/2026-11-01-affaires.csv", "crm-fr");
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        Path canonical = h.rejects().resolve("2026-11-10-crm.rejects.csv");
        byte[] bytes = Files.readAllBytes(canonical);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 BOM").containsExactly(0xEF, 0xBB, 0xBF);
        Path french = h.rejects().resolve("crm-fr/2026-11-01-affaires.rejects.csv");
        assertThat(Files.readAllBytes(french)[0]).as("the profile's windows-1252: no BOM").isNotEqualTo((byte) 0xEF);
        assertThat(Files.readString(french, Charset.forName("windows-1252"))).contains("Évaluation sécurité");

        // both dropped back as they are (the BOM'd one into the root, the windows-1252 one into its source),
        // and the French one also as Excel's "CSV UTF-8" (a BOM) into its windows-1252 source folder
        Files.copy(canonical, h.inbox().resolve("2026-11-10-crm.rejects.csv"));
        Files.copy(french, h.inbox().resolve("crm-fr/2026-11-01-affaires.rejects.csv"));
        String frText = Files.readString(french, Charset.forName("windows-1252"));
        Files.writeString(h.inbox().resolve("crm-fr/2026-11-02-affaires.rejects.csv"), "\uFEFF" + frText,
                StandardCharsets.UTF_8);
        assertThat(h.run("run", "--once", "--as-of", AS_OF)).isZero();
        JsonNode report = Records.report(h);
        for (String[] f : new String[][] {{"", "2026-11-10-crm.rejects.csv"}, {"crm-fr", "2026-11-01-affaires.rejects.csv"},
                {"crm-fr", "2026-11-02-affaires.rejects.csv"}}) {
            JsonNode e = Records.fileEntry(report, f[0], f[1]);
            assertThat(e.get("status").asText()).as(f[1]).isEqualTo("done");
            assertThat(e.get("read").asLong()).as(f[1]).isEqualTo(1);
            assertThat(e.get("unknownColumns")).as(f[1]).isEmpty();
        }
        List<List<String>> rows = RejectRoundTripTest.read(h.rejects().resolve("crm-fr/2026-11-01-affaires."
                + report.get("runId").asText() + ".rejects.csv"), Charset.forName("windows-1252"), ';');
        assertThat(rows.get(1).get(rows.get(0).indexOf("Source File"))).isEqualTo("crm-fr/2026-11-01-affaires.csv");
        assertThat(rows.get(1).get(1)).isEqualTo("INVALID_VALUE");
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell c : row) {
            out.add(c.getStringCellValue());
        }
        return out;
    }
}
