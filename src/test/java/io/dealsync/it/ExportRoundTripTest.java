package io.dealsync.it;

import static io.dealsync.it.Rows.incoming;
import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/formats.md "Export": {@code deals export} in CSV and JSON, its filters and the location scope, formula
 * neutralisation, and "exporting and importing the export into an empty database gives the same deals".
 */
class ExportRoundTripTest {
    /** Deals with every column the samples leave empty, a formula-looking name, a priced solution, two team members. */
    static final Map<String, String> FULL = with(outgoing("CRM-F1"), "Referral ID", "REF-F1", "Engagement ID", "ENG-F1",
            "Deal Name", "=1+2", "Notes", "@SUM(A1), then \"quoted\"\nand a second line", "Status Reason", "-dash remark",
            "Customer Address Line 2", "Suite 100", "Customer State", "WA", "Marketing Campaign ID", "CAMP-7",
            "Solution 1", "SOL-SA-AI, USD, 1500, 2", "Sales Stage", "40", "Stage Secure LOE Date", "2026-10-01",
            "Stage Collect Data Date", "2026-10-15", "Team member 2", "Kim, Helper, (425) 555-0199, kim.helper@partner.example");
    /** An Incoming deal awaiting an answer, with neither Received Date nor Created Date: received when first stored. */
    static final Map<String, String> WAITING = with(incoming("REF-R1", "CRM-R1", ""), "Invited By", "5000002",
            "Location", "FR", "Assessment Location", "FR");
    static final Map<String, String> LOST = with(outgoing("CRM-L1"), "Partner Referral Status", "Closed",
            "Partner Referral Substatus", "Lost", "Declined/Lost/Error reason", "4", "Status Reason", "Went elsewhere");
    static final Map<String, String> ERROR = with(outgoing("CRM-E1"), "Partner Referral Status", "Closed",
            "Partner Referral Substatus", "Error", "Declined/Lost/Error reason", "9", "PartnerID", "4000777",
            "Consent to share Customer/Partner contact", "Yes", "Customer D-U-N-S ID", "");
    /** An Incoming deal first seen Declined, with neither Received Date nor Created Date: nothing to derive for it. */
    static final Map<String, String> DECLINED = with(incoming("REF-C1", "CRM-C1", ""), "Invited By", "5000002",
            "Partner Referral Status", "Closed", "Partner Referral Substatus", "Declined", "Declined/Lost/Error reason", "1");

    @TempDir
    static Path tmp;
    static Harness original;
    static String originalState;

    @BeforeAll
    static void runTheSamples() throws Exception {
        original = new Harness(tmp.resolve("original"));
        original.drop("inbox/2026-11-01-partner-crm.csv", null);
        original.drop("inbox/2026-11-02-partner-crm.csv", null);
        original.drop("inbox/crm-fr/2026-11-01-affaires.csv", "crm-fr");
        original.drop("inbox/dynamics365/2026-11-01-opportunities.csv", "dynamics365");
        original.drop("inbox/salesforce/2026-11-01-opportunities.csv", "salesforce");
        original.write("2026-11-03-more.csv", new Rows().add(FULL).add(WAITING).add(LOST).add(ERROR).add(DECLINED).csv());
        assertThat(original.run("run", "--once", "--as-of", "2026-11-26")).isZero();
        assertThat(original.count("SELECT COUNT(*) FROM deal WHERE crm_id IN ('CRM-F1', 'CRM-R1', 'CRM-L1', 'CRM-E1', 'CRM-C1')"))
                .isEqualTo(5);
        originalState = deals(original);
    }

    @Test
    void aCsvExportImportedIntoAnEmptyDatabaseGivesTheSameDeals() throws Exception {
        Path out = tmp.resolve("export.csv");
        assertThat(original.run("deals", "export", "--format", "csv", "--out", out.toString())).isZero();
        assertThat(importInto(tmp.resolve("from-csv"), out, "all-deals.csv").lines())
                .containsExactlyElementsOf(originalState.lines().toList());
    }

    @Test
    void aJsonExportImportedIntoAnEmptyDatabaseGivesTheSameDeals() throws Exception {
        Path out = tmp.resolve("export.json");
        assertThat(original.run("deals", "export", "--format", "json", "--out", out.toString())).isZero();
        assertThat(new ObjectMapper().readTree(out.toFile()).isArray()).isTrue();
        assertThat(importInto(tmp.resolve("from-json"), out, "all-deals.json").lines())
                .containsExactlyElementsOf(originalState.lines().toList());
    }

    @Test
    void anExportImportedIntoTheDatabaseItCameFromChangesNothingAndIsNotRefused() throws Exception {
        for (String format : List.of("csv", "json")) {
            Path out = tmp.resolve("again." + format);
            assertThat(original.run("deals", "export", "--format", format, "--out", out.toString())).isZero();
            Map<String, String> declined = format.equals("csv")
                    ? csv(out).stream().filter(r -> r.get("CRM ID").equals("CRM-C1")).findFirst().orElseThrow() : null;
            if (declined != null) {
                assertThat(declined.get("Received Date")).as("a closed deal gets no derived Received Date").isEmpty();
                Map<String, String> waiting = csv(out).stream().filter(r -> r.get("CRM ID").equals("CRM-R1"))
                        .findFirst().orElseThrow();
                assertThat(waiting.get("Received Date")).as("the day its answer window counts from").isEqualTo("2026-11-26");
            }
            Harness same = new Harness(tmp.resolve("same-" + format));
            copyTree(original.dir.resolve("data"), same.dir.resolve("data"));
            Files.createDirectories(same.inbox());
            Files.copy(out, same.inbox().resolve("all-deals-again." + format));
            assertThat(same.run("run", "--once", "--as-of", "2026-11-27")).isZero();
            JsonNode f = same.latestReport().get("files").get(0);
            assertThat(f.get("rejected").asLong()).as("%s: rejects %s", format, f.get("rejectsByCode")).isZero();
            assertThat(f.get("created").asLong() + f.get("updated").asLong()).as(format).isZero();
            assertThat(f.get("unchanged").asLong()).isEqualTo(original.count("SELECT COUNT(*) FROM deal"));
            assertThat(deals(same).lines()).containsExactlyElementsOf(originalState.lines().toList());
        }
    }

    @Test
    void aMachineExportHasTheStoredValuesWithoutTheSpreadsheetGuard() throws Exception {
        Path out = tmp.resolve("machine.csv");
        assertThat(original.run("deals", "export", "--format", "csv", "--out", out.toString())).isZero();
        assertThat(Files.readAllBytes(out)[0]).as("no BOM").isEqualTo((byte) 'R');
        Map<String, String> f1 = csv(out).stream().filter(r -> r.get("CRM ID").equals("CRM-F1")).findFirst().orElseThrow();
        assertThat(f1.get("Deal Name")).isEqualTo("=1+2");
        assertThat(f1.get("Status Reason")).isEqualTo("-dash remark");
        assertThat(f1.get("Customer Contact Phone number")).isEqualTo("+1 425 555 0100");
    }

    @Test
    void theCsvExportNeutralisesFormulasAndReadsBackWithoutTheQuote() throws Exception {
        Path out = tmp.resolve("neutral.csv");
        assertThat(original.run("deals", "export", "--format", "csv", "--for-spreadsheet", "--out", out.toString()))
                .isZero();
        assertThat(Files.readString(out)).as("a BOM for Excel").startsWith("\uFEFFReferral ID,");
        Map<String, String> f1 = csv(out).stream().filter(r -> r.get("CRM ID").equals("CRM-F1")).findFirst().orElseThrow();
        assertThat(f1.get("Deal Name")).isEqualTo("'=1+2");
        assertThat(f1.get("Notes")).startsWith("'@SUM(A1)");
        assertThat(f1.get("Status Reason")).isEqualTo("'-dash remark");
        assertThat(f1.get("Customer Contact Phone number")).isEqualTo("'+1 425 555 0100");
        assertThat(f1.get("Sales Stage")).isEqualTo("40");
        assertThat(f1.get("Partner Referral Status")).isEqualTo("Active");
        assertThat(f1.get("Partner Referral Substatus")).isEqualTo("Accepted");
        assertThat(f1.get("Consent to share Customer/Partner contact")).isEqualTo("Yes");
        assertThat(f1.get("Estimated Close Date")).isEqualTo("2030-06-30");
        assertThat(f1.get("Solution 1")).isEqualTo("SOL-SA-AI, USD, 1500, 2");
        assertThat(f1.get("Team member 2")).isEqualTo("Kim, Helper, (425) 555-0199, kim.helper@partner.example");
        // no cell of the export starts with a formula character
        for (Map<String, String> row : csv(out)) {
            for (Map.Entry<String, String> cell : row.entrySet()) {
                assertThat(cell.getValue()).as("%s of %s", cell.getKey(), row.get("CRM ID")).doesNotStartWith("=")
                        .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
        // read back: the engine stores the name without the quote
        Harness back = new Harness(tmp.resolve("neutral-back"));
        Files.createDirectories(back.inbox());
        Files.copy(out, back.inbox().resolve("neutral.csv"));
        assertThat(back.run("run", "--once", "--as-of", "2026-11-27")).isZero();
        assertThat(back.value("SELECT deal_name FROM deal WHERE crm_id = 'CRM-F1'")).isEqualTo("=1+2");
        assertThat(back.value("SELECT status_reason FROM deal WHERE crm_id = 'CRM-F1'")).isEqualTo("-dash remark");
        assertThat(back.value("SELECT contact_phone FROM deal WHERE crm_id = 'CRM-F1'")).isEqualTo("+1 425 555 0100");
    }

    @Test
    void filtersAndTheLocationScope() throws Exception {
        long all = original.count("SELECT COUNT(*) FROM deal");
        assertThat(crmIds("--format", "csv")).hasSize((int) all);
        assertThat(crmIds("--format", "json")).hasSize((int) all);

        assertThat(crmIds("--status", "Won")).containsExactlyInAnyOrderElementsOf(
                column("SELECT crm_id FROM deal WHERE substatus = 'Won'")).isNotEmpty();
        assertThat(crmIds("--status", "Closed")).containsExactlyInAnyOrderElementsOf(
                column("SELECT crm_id FROM deal WHERE status = 'Closed'")).contains("CRM-L1", "CRM-E1", "CRM-1004");
        assertThat(crmIds("--status", "Active", "--format", "json")).containsExactlyInAnyOrderElementsOf(
                column("SELECT crm_id FROM deal WHERE status = 'Active'")).contains("CRM-F1");

        assertThat(crmIds("--deal-type", "Solution Assessment")).hasSize((int) all);
        assertThat(crmIds("--deal-type", "Co-sell")).isEmpty();

        assertThat(crmIds("--location", "FR")).containsExactlyInAnyOrderElementsOf(
                column("SELECT crm_id FROM deal WHERE location = 'FR'")).contains("CRM-R1", "AFF-2026-0001");
        assertThat(crmIds("--location", "FR", "--status", "New")).containsExactly("CRM-R1");

        // --from/--to: the day the deal was last changed (today: the runs above)
        LocalDate today = LocalDate.now();
        assertThat(crmIds("--from", today.toString())).hasSize((int) all);
        assertThat(crmIds("--from", today.minusDays(1).toString(), "--to", today.toString())).hasSize((int) all);
        assertThat(crmIds("--to", today.minusDays(1).toString())).isEmpty();
        assertThat(crmIds("--from", today.plusDays(1).toString())).isEmpty();

        // location scope: a Referrals user sees only deals of their location with them on the team
        List<String> samsUs = column("SELECT d.crm_id FROM deal d WHERE d.location = 'US'"
                + " AND d.team LIKE '%\"sam.seller@partner.example\"%'");
        assertThat(samsUs).contains("CRM-1001", "CRM-F1").doesNotContain("CRM-R1");
        assertThat(crmIds("--as-user", "sam.seller@partner.example", "--user-location", "US"))
                .containsExactlyInAnyOrderElementsOf(samsUs);
        assertThat(crmIds("--as-user", "Sam.Seller@Partner.example", "--user-location", "US", "--format", "json"))
                .containsExactlyInAnyOrderElementsOf(samsUs);
        assertThat(crmIds("--as-user", "sam.seller@partner.example", "--user-location", "FR")).containsExactly("CRM-R1");
        assertThat(crmIds("--as-user", "kim.helper@partner.example", "--user-location", "US")).containsExactly("CRM-F1");
        assertThat(crmIds("--as-user", "camille.exemple@partenaire.example", "--user-location", "FR"))
                .containsExactlyInAnyOrder("AFF-2026-0001", "AFF-2026-0002");
        assertThat(crmIds("--as-user", "camille.exemple@partenaire.example", "--user-location", "US")).isEmpty();
        assertThat(crmIds("--as-user", "nobody@partner.example", "--user-location", "US")).isEmpty();
        // filters and scope together
        assertThat(crmIds("--as-user", "sam.seller@partner.example", "--user-location", "US", "--status", "Lost"))
                .containsExactlyInAnyOrderElementsOf(column("SELECT crm_id FROM deal WHERE substatus = 'Lost' AND location = 'US'"));
    }

    // ------------------------------------------------------------------ helpers

    /** Exports with the given options (csv unless --format given) and returns the CRM IDs exported. */
    private static List<String> crmIds(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("deals", "export"));
        args.addAll(List.of(options));
        boolean json = args.contains("json");
        if (!args.contains("--format")) {
            args.addAll(List.of("--format", "csv"));
        }
        Path out = Files.createTempFile(tmp, "export", json ? ".json" : ".csv");
        args.addAll(List.of("--out", out.toString()));
        assertThat(original.run(args.toArray(String[]::new))).as("deals export %s", args).isZero();
        if (json) {
            List<String> ids = new ArrayList<>();
            for (JsonNode d : new ObjectMapper().readTree(out.toFile())) {
                ids.add(d.path("crmId").asText());
            }
            return ids;
        }
        List<Map<String, String>> rows = csv(out);
        assertThat(Files.readAllLines(out).get(0)).startsWith("Referral ID,Engagement ID,CRM ID,"); // a header always
        return rows.stream().map(r -> r.get("CRM ID")).toList();
    }

    private static List<Map<String, String>> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (Reader r = new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                out.add(rec.toMap());
            }
            return out;
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        for (Path p : Harness.files(from)) {
            Path target = to.resolve(from.relativize(p).toString());
            Files.createDirectories(target.getParent());
            Files.copy(p, target);
        }
    }

    private static List<String> column(String sql) {
        return original.query(sql).stream().map(r -> r.get(0)).toList();
    }

    /** Drops the export into a fresh engine's inbox, runs it a day later, returns that engine's deals. */
    private static String importInto(Path dir, Path export, String name) throws Exception {
        Harness h = new Harness(dir);
        Files.createDirectories(h.inbox());
        Files.copy(export, h.inbox().resolve(name));
        assertThat(h.run("run", "--once", "--as-of", "2026-11-27")).isZero();
        JsonNode f = h.latestReport().get("files").get(0);
        assertThat(f.get("rejected").asLong()).as("rejects of the import: %s", f.get("rejectsByCode")).isZero();
        assertThat(f.get("created").asLong()).isEqualTo(original.count("SELECT COUNT(*) FROM deal"));
        return deals(h);
    }

    /**
     * Every stored column of every deal but the engine's bookkeeping (id, version, stored_on, updated_at, last file
     * and line), with its team and stage marks, by business key. The Received Date of an Incoming deal awaiting an
     * answer is compared as the day the engine counts its answer window from (the column, else Created Date, else
     * the day first stored): an export writes that day when the record had neither date. Any other deal's is
     * compared as stored (nothing derived is exported).
     */
    static String deals(Harness h) {
        String key = "COALESCE(d.referral_id, '') || '|' || d.partner_id || '|' || COALESCE(d.crm_id, '')";
        StringBuilder sb = new StringBuilder();
        String columns = "referral_id, engagement_id, crm_id, partner_id, deal_name, deal_type, direction, location,"
                + " customer_name, customer_address_1, customer_address_2, customer_city, customer_state, customer_postal_code,"
                + " customer_country, customer_duns, contact_first_name, contact_last_name, contact_phone, contact_email,"
                + " status, substatus, reason_code, status_reason, sales_stage, estimated_value, currency,"
                + " estimated_close_date, marketing_campaign_id, notes, consent, solution, assessment_location,"
                + " received_date, created_date, invited_by, mark_1, mark_2, mark_3, mark_4, team_size, team";
        List<String> names = List.of(columns.split(",\\s*"));
        String select = columns.replace(" received_date,", " CASE WHEN direction = 'Incoming' AND status = 'New'"
                + " THEN COALESCE(received_date, created_date, stored_on) ELSE received_date END,");
        for (List<String> row : h.query("SELECT " + select + " FROM deal d ORDER BY " + key)) {
            for (int i = 0; i < names.size(); i++) {
                sb.append(names.get(i)).append('=').append(row.get(i)).append("; ");
            }
            sb.append('\n');
        }
        sb.append("-- deals awaiting an answer\n");
        sb.append(h.query("SELECT " + key + ", a.received_on FROM awaiting_answer a JOIN deal d ON d.id = a.deal_id"
                + " ORDER BY 1").stream().map(Object::toString).collect(Collectors.joining("\n")));
        return sb.toString();
    }
}
