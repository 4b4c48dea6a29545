package io.dealsync.it;

import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: values that look like SQL, HTML or a spreadsheet formula are stored verbatim and come back escaped
 * for wherever they are shown: the HTML report (HTML-escaped), the reject file (formula guard, CSV quoting;
 * JSON escaping for NDJSON), and the export (CSV with the guard, JSON).
 */
class LookAlikeValuesTest {
    static final String SQL = "Robert'); DROP TABLE deal;--";
    static final String HTML = "<script>alert('x')</script>";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    static final String COLUMN = "<script>alert(1)</script>";
    static final String FILE = "2026-11-05-<img src=x onerror=alert(1)>.csv";

    @TempDir
    static Path tmp;
    static Harness h;

    @BeforeAll
    static void run() throws Exception {
        h = new Harness(tmp.resolve("h"));
        Map<String, String> stored = with(outgoing("CRM-LOOK1"), "Deal Name", FORMULA, "Notes", HTML + " " + SQL);
        Map<String, String> rejected = with(outgoing("CRM-LOOK2"), "Deal Name", FORMULA, "Notes", HTML + " " + SQL,
                "Estimated Deal Value", "abc");
        // one more column no profile knows, named like markup: the report lists it
        StringBuilder csv = new StringBuilder();
        String[] lines = new Rows().add(stored).add(rejected).csv().split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            csv.append(lines[i]).append(',').append(i == 0 ? COLUMN : "x").append("\r\n");
        }
        h.write(FILE, csv.toString());
        h.write("2026-11-06-look.ndjson", "{\"id\":\"REF-LOOK3\",\"externalReferenceId\":\"CRM-LOOK3\",\"name\":"
                + new ObjectMapper().writeValueAsString(HTML) + ",\"dealType\":\"Solution Assessment\",\"details\":{\"dealValue\":\"abc\"}}\n");
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isEqualTo(0);
    }

    @Test
    void storedVerbatim() {
        assertThat(h.value("SELECT deal_name FROM deal WHERE crm_id = ?", "CRM-LOOK1")).isEqualTo(FORMULA);
        assertThat(h.value("SELECT notes FROM deal WHERE crm_id = ?", "CRM-LOOK1")).isEqualTo(HTML + " " + SQL);
        assertThat(h.count("SELECT COUNT(*) FROM deal")).isPositive(); // and the table is still there
    }

    @Test
    void theHtmlReportEscapesThem() throws Exception {
        Path html = Harness.files(h.reports()).stream().filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
        String page = Files.readString(html);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void theRejectFileGuardsTheFormulaAndReadsBackVerbatim() throws Exception {
        Path rejects = h.rejects().resolve("2026-11-05-<img src=x onerror=alert(1)>.rejects.csv");
        CSVRecord row = csv(rejects).get(0);
        assertThat(row.get("CRM ID")).isEqualTo("CRM-LOOK2");
        assertThat(row.get("Deal Name")).isEqualTo("'" + FORMULA);
        assertThat(row.get("Notes")).isEqualTo(HTML + " " + SQL);
        // dropped into the inbox again, the reader takes the guard off
        try (var r = io.dealsync.read.RecordReaders.open(rejects, io.dealsync.read.SourceProfile.canonical())) {
            assertThat(r.next().deal().get(io.dealsync.model.Field.DEAL_NAME)).isEqualTo(FORMULA);
        }
        JsonNode line = new ObjectMapper().readTree(Files.readString(h.rejects().resolve("2026-11-06-look.rejects.ndjson")));
        assertThat(line.path("record").path("name").asText()).isEqualTo(HTML);
    }

    @Test
    void theExportGuardsTheFormulaAndKeepsTheRest() throws Exception {
        Path csv = tmp.resolve("export.csv");
        Path json = tmp.resolve("export.json");
        Path machine = tmp.resolve("export-machine.csv");
        // the guard only where a person opens the file (issue 10): --for-spreadsheet
        assertThat(h.run("deals", "export", "--format", "csv", "--for-spreadsheet", "--out", csv.toString())).isZero();
        assertThat(h.run("deals", "export", "--format", "csv", "--out", machine.toString())).isZero();
        assertThat(h.run("deals", "export", "--format", "json", "--out", json.toString())).isZero();
        CSVRecord row = csv(csv).stream().filter(r -> r.get("CRM ID").equals("CRM-LOOK1")).findFirst().orElseThrow();
        assertThat(row.get("Deal Name")).isEqualTo("'" + FORMULA);
        CSVRecord plain = csv(machine).stream().filter(r -> r.get("CRM ID").equals("CRM-LOOK1")).findFirst().orElseThrow();
        assertThat(plain.get("Deal Name")).isEqualTo(FORMULA); // a machine export carries the stored value
        assertThat(row.get("Notes")).isEqualTo(HTML + " " + SQL);
        JsonNode all = new ObjectMapper().readTree(json.toFile());
        JsonNode deal = null;
        for (JsonNode d : all.isArray() ? all : all.path("value")) {
            if (d.toString().contains("CRM-LOOK1")) {
                deal = d;
            }
        }
        assertThat(deal).isNotNull();
        assertThat(deal.path("name").asText()).isEqualTo(FORMULA);
        assertThat(deal.path("details").path("notes").asText()).isEqualTo(HTML + " " + SQL);
    }

    private static List<CSVRecord> csv(Path p) throws Exception {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader r = new java.io.StringReader(text)) {
            return CSVFormat.Builder.create().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
