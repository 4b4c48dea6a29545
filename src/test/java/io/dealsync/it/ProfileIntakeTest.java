package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/formats.md "Source profiles": each shipped sample dropped into its source folder goes through its profile
 * (routes/profiles/) and the real rules; its reject file is written in the profile's delimiter and encoding
 * under rejects/&lt;source&gt;/; the file moves to inbox/&lt;source&gt;/.done/. A folder with no profile is
 * read canonically and named in the report.
 */
class ProfileIntakeTest {
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final String OPPS = "2026-11-01-opportunities.csv";
    static final String AFFAIRES = "2026-11-01-affaires.csv";

    @TempDir
    static Path tmp;
    static Harness h;
    static JsonNode report;
    static int exit;

    @BeforeAll
    static void run() {
        h = new Harness(tmp);
        h.drop("inbox/dynamics365/" + OPPS, "dynamics365");
        h.drop("inbox/salesforce/" + OPPS, "salesforce"); // same name as the Dynamics file, another source
        h.drop("inbox/crm-fr/" + AFFAIRES, "crm-fr");
        h.write("nosuchcrm/x.csv", Records.csv(Records.csvRow("CRM-U1"),
                Records.csvRow("CRM-U2").replace("Customer wants a migration readiness review", "")));
        h.write("nosuchcrm/y.csv", Records.csv(Records.csvRow("CRM-U3")));
        exit = h.run("run", "--once", "--as-of", "2026-11-26");
        report = Records.report(h);
    }

    @Test
    void everySampleIsReadThroughItsProfile() {
        assertThat(exit).isZero();
        Records.assertReconciles(report);
        assertThat(h.inboxListing())
                .containsExactlyInAnyOrder("dynamics365/.done/" + OPPS, "salesforce/.done/" + OPPS,
                        "crm-fr/.done/" + AFFAIRES, "nosuchcrm/.done/x.csv",
                        "nosuchcrm/.done/y.csv");
        assertFile("dynamics365", OPPS, 4, 3, 1, "CONSENT_REQUIRED");
        assertFile("salesforce", OPPS, 5, 3, 2, "STAGE_MISMATCH", "UNKNOWN_ASSESSMENT_TYPE");
        assertFile("crm-fr", AFFAIRES, 4, 3, 1, "INVALID_VALUE");
        for (String source : List.of("dynamics365", "salesforce", "crm-fr")) {
            assertThat(Records.fileEntry(report, source, source.equals("crm-fr") ? AFFAIRES : OPPS).get("unknownColumns"))
                    .as(source).isEmpty();
        }
        // named once, however many of its files were read
        assertThat(report.get("unknownSources")).extracting(JsonNode::asText).containsExactly("nosuchcrm");
        assertThat(report.get("ignoredFiles")).isEmpty();
    }

    @Test
    void valuesAreConvertedToCanonicalOnes() {
        // Dynamics: "48,500.00", 6/30/2031, "Allow", Pipeline Phase 2-Develop with two stages marked
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = '5b0a6f1e-2c3d-4e5f-8a9b-0c1d2e3f4a01'"
                + " AND estimated_value = '48500' AND estimated_close_date = DATE '2031-06-30' AND consent = 'Yes'"
                + " AND sales_stage = 40 AND created_date = DATE '2026-01-12'")).isEqualTo(1);
        // Salesforce: "45,000.00", stage "Value Proposition"
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = '0065g00000SaMPLE01' AND estimated_value = '45000'"
                + " AND estimated_close_date = DATE '2031-05-31' AND sales_stage = 40")).isEqualTo(1);
        // French CRM: "1 234 567,89", 15/09/2030, "Oui", Actif/Acceptée, windows-1252 text
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'AFF-2026-0002' AND estimated_value = '1234567.89'"
                + " AND estimated_close_date = DATE '2030-09-15' AND consent = 'Yes' AND status = 'Active'"
                + " AND substatus = 'Accepted' AND direction = 'Outgoing'")).isEqualTo(1);
        assertThat(Records.column(h, "SELECT deal_name FROM deal WHERE crm_id = 'AFF-2026-0001'"))
                .containsExactly("Évaluation migration datacenter – Brasserie Étoile");
        assertThat(Records.column(h, "SELECT crm_id FROM deal WHERE crm_id LIKE 'CRM-U%' ORDER BY crm_id")).containsExactly("CRM-U1", "CRM-U3");
    }

    @Test
    void dynamicsRejectsAreCommaSeparatedUtf8UnderTheSourceFolder() throws Exception {
        Path rejects = h.rejects().resolve("dynamics365").resolve("2026-11-01-opportunities.rejects.csv");
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFErrors,Reason Codes,(Do Not Modify) Opportunity,").endsWith(",Line,Source File");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("Consent to share customer/partner contacts must be Yes,CONSENT_REQUIRED,"
                + "5b0a6f1e-2c3d-4e5f-8a9b-0c1d2e3f4a04,").endsWith(",6,dynamics365/2026-11-01-opportunities.csv").contains(",\"9,900.00\",", ",Do Not Allow,");
    }

    @Test
    void salesforceRejectsAreKeptApartFromTheDynamicsFileOfTheSameName() throws Exception {
        Path rejects = h.rejects().resolve("salesforce").resolve("2026-11-01-opportunities.rejects.csv");
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFErrors,Reason Codes,Opportunity ID,Opportunity Name,").endsWith(",Line,Source File");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(",STAGE_MISMATCH,0065g00000SaMPLE04,").endsWith(",5,salesforce/2026-11-01-opportunities.csv");
        assertThat(lines.get(2)).contains(",UNKNOWN_ASSESSMENT_TYPE,0065g00000SaMPLE05,").endsWith(",6,salesforce/2026-11-01-opportunities.csv");
        assertThat(Harness.files(h.rejects())).extracting(p -> h.rejects().relativize(p).toString())
                .containsExactlyInAnyOrder("dynamics365/2026-11-01-opportunities.rejects.csv",
                        "salesforce/2026-11-01-opportunities.rejects.csv", "crm-fr/2026-11-01-affaires.rejects.csv",
                        "nosuchcrm/x.rejects.csv", "dynamics365/2026-11-01-opportunities.rejects.xlsx",
                        "salesforce/2026-11-01-opportunities.rejects.xlsx", "crm-fr/2026-11-01-affaires.rejects.xlsx",
                        "nosuchcrm/x.rejects.xlsx");
    }

    @Test
    void frenchRejectsAreSemicolonSeparatedWindows1252() throws Exception {
        Path rejects = h.rejects().resolve("crm-fr").resolve("2026-11-01-affaires.rejects.csv");
        byte[] bytes = Files.readAllBytes(rejects);
        Assertions.assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)))
                .as("written in the profile's windows-1252, not UTF-8").isInstanceOf(CharacterCodingException.class);
        String text = CP1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("Errors;Reason Codes;N° d'affaire;Référence Partner Center;").endsWith(";Line;Source File");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(";INVALID_VALUE;AFF-2026-0004;", "Évaluation sécurité – Coopérative Fictive",
                ";France;", ";5 000,00;", ";01/12/2030;").endsWith(";5;crm-fr/2026-11-01-affaires.csv");
        // issue 10: the column as the reviewer's file names it
        assertThat(lines.get(1)).startsWith("Pays does not hold a valid value ('FRANCE' is not in countries.csv)");
    }

    @Test
    void aFolderWithNoProfileIsReadCanonically() throws Exception {
        JsonNode f = Records.fileEntry(report, "nosuchcrm", "x.csv");
        assertThat(f.get("read").asLong()).isEqualTo(2);
        assertThat(f.get("created").asLong()).isEqualTo(1);
        assertThat(f.get("rejectsByCode").get("REQUIRED_FIELD").asLong()).isEqualTo(1);
        List<String> lines = Files.readAllLines(h.rejects().resolve("nosuchcrm/x.rejects.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFErrors,Reason Codes," + Records.csvHeader() + ",Line,Source File");
        assertThat(lines.get(1)).startsWith("Notes is required but is empty,REQUIRED_FIELD,,CRM-U2,").endsWith(",3,nosuchcrm/x.csv");
    }

    private static void assertFile(String source, String name, long read, long created, long rejected, String... codes) {
        JsonNode f = Records.fileEntry(report, source, name);
        assertThat(f.get("status").asText()).isEqualTo("done");
        assertThat(f.get("read").asLong()).as("read " + source).isEqualTo(read);
        assertThat(f.get("created").asLong()).as("created " + source).isEqualTo(created);
        assertThat(f.get("rejected").asLong()).as("rejected " + source).isEqualTo(rejected);
        assertThat(f.get("rejectsByCode").fieldNames()).toIterable().as(source).containsExactlyInAnyOrder(codes);
        assertThat(f.get("rejectFile").asText()).as(source)
                .endsWith("rejects/" + source + "/" + name.replace(".csv", ".rejects.csv"));
    }
}
