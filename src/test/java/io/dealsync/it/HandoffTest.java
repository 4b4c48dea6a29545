package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealsync.bench.DataGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, the loop end to end through the launcher: CRM file → run → {@code handoff} → Partner Center's
 * processed file in {@code inbox/partner-center/} → run → {@code handoff} again. Steps in order, one database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandoffTest {
    static final int DEALS = 4000; // about two thirds of the generated deals can be handed off: more than 2,000 rows
    static final List<String> TEMPLATE = List.of("Referral ID", "Engagement ID", "CRM ID", "PartnerID (formerly MPN ID)",
            "Deal Name", "Deal Type", "Deal Direction", "Location", "Customer Name", "Customer Address Line 1",
            "Customer Address Line 2", "Customer City", "Customer State", "Customer Postal code", "Customer Country",
            "Customer D-U-N-S ID", "Customer Contact First Name", "Customer Contact Last Name",
            "Customer Contact Phone number", "Customer Contact Email Address", "Partner Referral Status",
            "Partner Referral Substatus", "Declined/Lost/Error reason", "Status Reason", "Sales Stage",
            "Estimated Deal Value", "Currency", "Estimated Close Date", "Marketing Campaign ID", "Notes",
            "Consent to share Customer/Partner contact", "Marketplace Purchase Intent", "Solution 1");
    /** Incoming deals without Referral ID (the generator's Incoming deals all carry one): held back with the reason. */
    static final List<String> INCOMING_WITHOUT_REFERRAL = List.of("CRM-INCOMING-1", "CRM-INCOMING-2", "CRM-INCOMING-3");

    @TempDir
    static Path tmp;
    static Harness h;
    static Path out;
    static Path generated;
    static long deals;

    @BeforeAll
    static void dayOne() throws IOException {
        h = new Harness(tmp.resolve("engine"));
        out = tmp.resolve("upload");
        generated = tmp.resolve("2026-11-01-crm.csv");
        DataGenerator.day1Csv(generated, DEALS, 11);
        Files.createDirectories(h.inbox());
        Files.copy(generated, h.inbox().resolve(generated.getFileName()));
        Rows incoming = new Rows();
        for (String crm : INCOMING_WITHOUT_REFERRAL) {
            incoming.add(Rows.with(Rows.outgoing(crm), "Deal Direction", "Incoming", "Invited By", "msft",
                    "Received Date", "2026-11-20", "Created Date", ""));
        }
        h.write("2026-11-01-incoming.csv", incoming.csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
        deals = h.count("SELECT COUNT(*) FROM deal");
        assertThat(deals).isGreaterThan(2000);
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id LIKE 'CRM-INCOMING-%'"))
                .isEqualTo(INCOMING_WITHOUT_REFERRAL.size());
    }

    @Test
    @Order(1)
    void aFewThousandDealsGoIntoFilesOfAtMost1000RowsInTheTemplate() {
        Harness.Output o = h.runCaptured("handoff", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        List<Path> files = uploadFiles();
        long held = h.count("SELECT COUNT(*) FROM handoff WHERE status = 'held'");
        Map<String, List<String>> stored = storedDeals();
        long rows = 0;
        for (Path f : files) {
            List<Map<String, String>> r = read(f);
            assertThat(r.size()).as(f.toString()).isBetween(1, 1000);
            // the template's columns, then as many Team member columns as the file's largest team (at least one)
            int teamColumns = header(f).size() - TEMPLATE.size();
            assertThat(header(f)).isEqualTo(templateHeader(teamColumns));
            int largestTeam = 1;
            for (Map<String, String> row : r) {
                List<String> deal = stored.get(key(row));
                assertThat(deal).as("%s is a stored deal", key(row)).isNotNull();
                assertThat(row.get("Estimated Close Date")).matches("\\d{2}/\\d{2}/\\d{4}")
                        .isEqualTo(closeDate(deal.get(3)));
                assertThat(row.get("Sales Stage")).matches("10|20|40|60|80|100");
                // empty exactly for the deals new to Partner Center (stored without a Referral ID)
                assertThat(row.get("Referral ID")).isEqualTo(deal.get(2));
                assertThat(row.get("Marketplace Purchase Intent")).isEqualTo("Have not decided");
                assertThat(row.get("Customer Contact Phone number")).startsWith("'+") // formula guard
                        .isEqualTo("'" + deal.get(4));
                assertThat(row.get("Consent to share Customer/Partner contact")).isEqualTo("Yes");
                long team = r.get(0).keySet().stream().filter(c -> c.startsWith("Team member "))
                        .filter(c -> !row.get(c).isEmpty()).count();
                assertThat(team).as("team of %s", key(row)).isEqualTo(Long.parseLong(deal.get(5)));
                largestTeam = Math.max(largestTeam, (int) team);
            }
            assertThat(teamColumns).isEqualTo(largestTeam);
            rows += r.size();
        }
        assertThat(files).hasSize((int) ((rows + 999) / 1000));
        assertThat(files.size()).isGreaterThanOrEqualTo(3);
        // every deal is either in a file or held back, once
        assertThat(rows + held).isEqualTo(deals);
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE status = 'sent'")).isEqualTo(rows);
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE status = 'writing'")).isZero();
        // the Incoming deals Partner Center never sent (no Referral ID) are held back, listed with the reason
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE reason = 'INCOMING_WITHOUT_REFERRAL_ID'"))
                .isEqualTo(h.count("SELECT COUNT(*) FROM deal WHERE direction = 'Incoming'"
                        + " AND COALESCE(referral_id, '') = ''"))
                .isGreaterThanOrEqualTo(INCOMING_WITHOUT_REFERRAL.size());
        Path heldFile = Harness.files(out.resolve("held-back")).get(0);
        List<Map<String, String>> heldRows = read(heldFile);
        assertThat(heldRows).hasSize((int) held);
        // the listing is the ledger's held rows: each deal with its reason
        List<String> ledgerHeld = h.query("SELECT crm_id, reason FROM handoff WHERE status = 'held'").stream()
                .map(r -> text(r.get(0)) + " " + r.get(1)).toList();
        assertThat(heldRows.stream().map(r -> r.get("CRM ID") + " " + r.get("Reason")).toList())
                .containsExactlyInAnyOrderElementsOf(ledgerHeld);
        assertThat(heldRows).filteredOn(r -> INCOMING_WITHOUT_REFERRAL.contains(r.get("CRM ID")))
                .extracting(r -> r.get("Reason")).hasSize(INCOMING_WITHOUT_REFERRAL.size())
                .containsOnly("INCOMING_WITHOUT_REFERRAL_ID");
        JsonNode report = h.latestReport();
        assertThat(report.get("mode").asText()).isEqualTo("handoff");
        assertThat(report.get("handoff").get("rows").asLong()).isEqualTo(rows);
        assertThat(report.get("handoff").get("files")).hasSize(files.size());
        assertThat(o.out()).contains(files.get(0).getFileName().toString());
    }

    @Test
    @Order(2)
    void aSecondHandoffWritesNothing() {
        List<String> before = listing();
        long ledger = h.count("SELECT COUNT(*) FROM handoff");
        Harness.Output o = h.runCaptured("handoff", "--out", out.toString());
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("nothing new to hand off");
        assertThat(listing()).isEqualTo(before);
        assertThat(h.count("SELECT COUNT(*) FROM handoff")).isEqualTo(ledger);
    }

    @Test
    @Order(3)
    void partnerCentersProcessedFileMarksVersionsAcceptedOrRefusedAndStoresTheReferralIds() throws IOException {
        Path first = uploadFiles().get(0);
        List<Map<String, String>> rows = read(first);
        // every 10th row refused, the others accepted; the new deals among them (no Referral ID) created with one
        List<Map<String, String>> processed = new ArrayList<>();
        long newAccepted = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("Errors", i % 10 == 0 ? "Customer account not found; Phone +1 425 555 0100 is not valid" : "");
            r.putAll(rows.get(i));
            if (i % 10 != 0 && rows.get(i).get("Referral ID").isEmpty()) {
                r.put("Referral ID", "PC-" + rows.get(i).get("CRM ID"));
                newAccepted++;
            }
            processed.add(r);
        }
        int refusedRow = refusedNewRow(rows);
        int acceptedRow = acceptedNewRow(rows);
        Map<String, String> refusedDeal = rows.get(refusedRow);
        Map<String, String> acceptedDeal = rows.get(acceptedRow);
        write(h.inbox().resolve("partner-center").resolve("processed-" + first.getFileName()), processed);
        assertThat(h.run("run", "--once", "--as-of", "2026-11-27")).isZero();
        long refused = (rows.size() + 9) / 10;
        long accepted = rows.size() - refused;
        assertThat(newAccepted).isPositive();
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE status = 'refused'")).isEqualTo(refused);
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE status = 'accepted' AND reason IS NULL")).isEqualTo(accepted);
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE referral_id LIKE 'PC-%'")).isEqualTo(newAccepted);
        assertThat(h.value("SELECT crm_id FROM deal WHERE referral_id = ?", "PC-" + acceptedDeal.get("CRM ID")))
                .isEqualTo(acceptedDeal.get("CRM ID"));
        assertThat(h.inboxListing()).contains("partner-center/.done/processed-" + first.getFileName());
        // the run report: the file's answers, with Partner Center's messages (phone masked)
        JsonNode file = Records.fileEntry(h.latestReport(), "partner-center", "processed-" + first.getFileName());
        Records.assertReconciles(h.latestReport());
        JsonNode pc = file.get("partnerCenter");
        assertThat(pc.get("accepted").asLong()).isEqualTo(accepted);
        assertThat(pc.get("refused").asLong()).isEqualTo(refused);
        assertThat(pc.get("referralIdsStored").asLong()).isEqualTo(newAccepted);
        assertThat(pc.get("refusals").get(0).get("messages").toString())
                .contains("Customer account not found", "Phone <phone> is not valid").doesNotContain("555");
        // a stored Referral ID updates the deal; a refusal, or an accepted update (Referral ID known), changes nothing
        assertThat(file.get("updated").asLong()).isEqualTo(newAccepted);
        assertThat(file.get("unchanged").asLong()).isEqualTo(refused + accepted - newAccepted);
        // deals show: what was handed off, when, in which file, and Partner Center's answer
        String refusedShow = h.runCaptured("deals", "show", refusedDeal.get("CRM ID")).out();
        assertThat(refusedShow).contains("Partner Center", "in " + first.getFileName() + " row " + (refusedRow + 1),
                "refused by Partner Center", "Customer account not found");
        String acceptedShow = h.runCaptured("deals", "show", "PC-" + acceptedDeal.get("CRM ID")).out();
        assertThat(acceptedShow).contains("accepted by Partner Center", "Referral ID stored", "referral-id");
        // neither the accepted (now with their Referral ID) nor the refused go again until they change
        Harness.Output again = h.runCaptured("handoff", "--out", out.toString());
        assertThat(again.out()).contains("nothing new to hand off");
    }

    @Test
    @Order(4)
    void aChangedDealGoesAgainAndALaterRecordWithItsReferralIdFindsTheSameDeal() throws IOException {
        List<Map<String, String>> rows = read(uploadFiles().get(0));
        String refusedCrm = rows.get(refusedNewRow(rows)).get("CRM ID");
        String acceptedCrm = rows.get(acceptedNewRow(rows)).get("CRM ID");
        List<Map<String, String>> generatedRows = read(generated);
        Map<String, String> acceptedLine = changedNotes(generatedRows, acceptedCrm);
        acceptedLine.put("Referral ID", "PC-" + acceptedCrm);
        Map<String, String> refusedLine = changedNotes(generatedRows, refusedCrm);
        h.write("2026-11-28-crm.csv", csv(List.of(acceptedLine, refusedLine)));
        assertThat(h.run("run", "--once", "--as-of", "2026-11-28")).isZero();
        JsonNode file = Records.fileEntry(h.latestReport(), "", "2026-11-28-crm.csv");
        assertThat(file.get("updated").asLong()).isEqualTo(2);
        assertThat(h.count("SELECT COUNT(*) FROM deal")).isEqualTo(deals); // the same deals, found again
        List<Path> before = uploadFiles();
        Harness.Output o = h.runCaptured("handoff", "--out", out.toString());
        assertThat(o.code()).isZero();
        List<Path> after = uploadFiles();
        assertThat(after).hasSize(before.size() + 1);
        List<Map<String, String>> again = read(after.get(after.size() - 1));
        assertThat(again).hasSize(2);
        Map<String, String> update = again.stream().filter(r -> r.get("CRM ID").equals(acceptedCrm)).findFirst().orElseThrow();
        assertThat(update.get("Referral ID")).isEqualTo("PC-" + acceptedCrm); // an update, by its Referral ID
        assertThat(update.get("Notes")).isEqualTo("Changed after the hand-off");
        Map<String, String> retry = again.stream().filter(r -> r.get("CRM ID").equals(refusedCrm)).findFirst().orElseThrow();
        assertThat(retry.get("Referral ID")).isEmpty(); // still new to Partner Center
    }

    @Test
    @Order(5)
    void theSameProcessedFileAgainIsARepeatAndAFileOfDealsThereFailsWithTheReason() throws IOException {
        Path done = Harness.files(h.inbox().resolve("partner-center/.done")).get(0);
        long answered = h.count("SELECT COUNT(*) FROM handoff WHERE answered_at IS NOT NULL");
        Files.copy(done, h.inbox().resolve("partner-center/again.csv"));
        h.write("partner-center/deals.csv", new Rows().add(Rows.outgoing("CRM-WRONG-FOLDER")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-29")).isEqualTo(1); // a file could not be read
        JsonNode report = h.latestReport();
        assertThat(Records.fileEntry(report, "partner-center", "again.csv").get("status").asText()).isEqualTo("repeat");
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE answered_at IS NOT NULL")).isEqualTo(answered);
        assertThat(Records.fileEntry(report, "partner-center", "deals.csv").get("error").asText())
                .contains("not a Partner Center processed file", "Errors");
        assertThat(h.inboxListing()).contains("partner-center/.failed/deals.csv", "partner-center/.failed/deals.csv.reason.txt");
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'CRM-WRONG-FOLDER'")).isZero();
    }

    /**
     * A Referral ID Partner Center gave twice in one file, and one another deal already has (stored by the file of
     * step 3, no longer outstanding): each stays on the first deal, the others count as conflicts. Found through the key index and this
     * file's own stores: the deal table has no index on referral_id, so a query by it would read every deal a row.
     */
    @Test
    @Order(6)
    void aReferralIdThatAnotherDealHasIsAConflict() throws IOException {
        List<Map<String, String>> first = read(uploadFiles().get(0));
        // a new deal accepted in step 3 other than the one handed off again in step 4 (that one is outstanding)
        int taker = acceptedNewRow(first) + 1;
        while (taker % 10 == 0 || !first.get(taker).get("Referral ID").isEmpty()) {
            taker++;
        }
        String taken = "PC-" + first.get(taker).get("CRM ID");
        Path second = uploadFiles().get(1);
        List<Map<String, String>> fresh = read(second).stream().filter(r -> r.get("Referral ID").isEmpty()).limit(3).toList();
        assertThat(fresh).hasSize(3);
        List<Map<String, String>> processed = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("Errors", "");
            r.putAll(fresh.get(i));
            r.put("Referral ID", i < 2 ? "PC-TWICE" : taken);
            processed.add(r);
        }
        write(h.inbox().resolve("partner-center").resolve("processed-" + second.getFileName()), processed);
        assertThat(h.run("run", "--once", "--as-of", "2026-11-30")).isZero();
        JsonNode pc = Records.fileEntry(h.latestReport(), "partner-center", "processed-" + second.getFileName())
                .get("partnerCenter");
        assertThat(pc.get("referralIdsStored").asLong()).isEqualTo(1);
        assertThat(pc.get("referralIdConflicts").asLong()).isEqualTo(2);
        assertThat(h.value("SELECT crm_id FROM deal WHERE referral_id = ?", "PC-TWICE")).isEqualTo(fresh.get(0).get("CRM ID"));
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE referral_id = 'PC-TWICE'")).isEqualTo(1);
        assertThat(h.value("SELECT crm_id FROM deal WHERE referral_id = ?", taken)).isEqualTo(taken.substring(3));
    }

    /** The generator's record of a deal, with other notes. */
    static Map<String, String> changedNotes(List<Map<String, String>> generatedRows, String crmId) {
        Map<String, String> r = new LinkedHashMap<>(generatedRows.stream().filter(l -> crmId.equals(l.get("CRM ID")))
                .findFirst().orElseThrow());
        assertThat(r.get("Notes")).isNotEqualTo("Changed after the hand-off");
        r.put("Notes", "Changed after the hand-off");
        return r;
    }

    /** The first refused row (every 10th) of a deal new to Partner Center (no Referral ID). */
    static int refusedNewRow(List<Map<String, String>> rows) {
        for (int i = 0; i < rows.size(); i += 10) {
            if (rows.get(i).get("Referral ID").isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("no refused row of a new deal");
    }

    /** The first accepted row of a deal new to Partner Center: it got a Referral ID. */
    static int acceptedNewRow(List<Map<String, String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (i % 10 != 0 && rows.get(i).get("Referral ID").isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("no accepted row of a new deal");
    }

    /** The template's header with n Team member columns. */
    static List<String> templateHeader(int teamColumns) {
        List<String> h = new ArrayList<>(TEMPLATE);
        for (int i = 1; i <= Math.max(1, teamColumns); i++) {
            h.add("Team member " + i);
        }
        return h;
    }

    /** The stored deals by CRM ID and Partner ID: id, version, Referral ID, close date, phone, team size. */
    static Map<String, List<String>> storedDeals() {
        Map<String, List<String>> m = new java.util.HashMap<>();
        for (List<String> r : h.query("SELECT crm_id, partner_id, id, version, referral_id, estimated_close_date,"
                + " contact_phone, team_size FROM deal")) {
            m.put(text(r.get(0)) + "|" + text(r.get(1)), List.of(r.get(2), r.get(3), text(r.get(4)), text(r.get(5)),
                    text(r.get(6)), r.get(7)));
        }
        return m;
    }

    static String key(Map<String, String> uploadRow) {
        return uploadRow.get("CRM ID") + "|" + uploadRow.get("PartnerID (formerly MPN ID)");
    }

    /** A stored yyyy-mm-dd date as the template's MM/DD/YYYY. */
    static String closeDate(String stored) {
        return stored.isEmpty() ? "" : java.time.LocalDate.parse(stored.substring(0, 10))
                .format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/uuuu"));
    }

    /** A query's text, null as empty. */
    static String text(String cell) {
        return "null".equals(cell) ? "" : cell;
    }

    /** Rows (of one header) as a CSV file's text. */
    static String csv(List<Map<String, String>> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.RFC4180)) {
            p.printRecord(rows.get(0).keySet());
            for (Map<String, String> r : rows) {
                p.printRecord(r.values());
            }
        }
        return sb.toString();
    }

    static List<Path> uploadFiles() {
        return filesIn(out);
    }

    /** The upload files in a folder, in name order (the held-back listing has its own folder). */
    static List<Path> filesIn(Path dir) {
        return Harness.files(dir).stream().filter(p -> p.getParent().equals(dir))
                .filter(p -> p.getFileName().toString().matches("handoff-.*-\\d{3}\\.csv")).sorted().toList();
    }

    static List<String> listing() {
        return Harness.files(out).stream().map(p -> out.relativize(p).toString()).toList();
    }

    static List<String> header(Path f) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.RFC4180).get()) {
            return p.iterator().next().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> read(Path f) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.builder().setReader(r)
                        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                out.add(new LinkedHashMap<>(rec.toMap()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path f, List<Map<String, String>> rows) throws IOException {
        Files.createDirectories(f.getParent());
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(f, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            p.printRecord(rows.get(0).keySet());
            for (Map<String, String> r : rows) {
                p.printRecord(r.values());
            }
        }
    }
}
