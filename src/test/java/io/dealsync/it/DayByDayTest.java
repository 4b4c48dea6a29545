package io.dealsync.it;

import static io.dealsync.it.Rows.incoming;
import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Day-by-day scenarios: one {@code run --once} per day, each with its own as-of date and its own file, and the
 * expected state (database, report, outbox) after each day. docs/domain.md "Status", "Rules", "Precise semantics",
 * "Expiry"; docs/operations.md "Commands".
 */
class DayByDayTest {
    static final String DAY1 = "2026-11-01-crm.csv";
    static final String DAY2 = "2026-11-02-crm.csv";
    static final String DAY3 = "2026-11-16-crm.csv";

    @TempDir
    Path tmp;

    // day 1 rows
    final Map<String, String> declinedLater = incoming("REF-A", "CRM-A", "2026-11-01");
    final Map<String, String> leftWaiting = incoming("REF-B", "CRM-B", "2026-11-01");
    final Map<String, String> stages20 = with(outgoing("CRM-S"), "Sales Stage", "20", "Stage Secure LOE Date", "2026-10-30");
    final Map<String, String> won = with(outgoing("CRM-W"), "Partner Referral Status", "Closed",
            "Partner Referral Substatus", "Won", "Sales Stage", "100", "Stage Secure LOE Date", "2026-02-01",
            "Stage Collect Data Date", "2026-03-01", "Stage Prepare Report Date", "2026-04-01",
            "Stage Present Date", "2026-05-01");
    final Map<String, String> fixedLocation = outgoing("CRM-I");

    @Test
    void threeDaysOfFilesAndSweeps() throws Exception {
        Harness h = new Harness(tmp);

        // ---------------------------------------------------------------- day 1: five deals arrive
        h.write(DAY1, new Rows().add(declinedLater).add(leftWaiting).add(stages20).add(won).add(fixedLocation).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-01")).isZero();

        JsonNode r1 = h.latestReport();
        assertThat(r1.get("asOf").asText()).isEqualTo("2026-11-01");
        assertCounts(file(r1, DAY1), 5, 5, 0, 0, 0);
        assertThat(r1.get("reconciled").asBoolean()).isTrue();
        assertThat(r1.get("totals").get("expiredBySweep").asLong()).isZero();
        assertThat(r1.get("totals").get("notifications").asLong()).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM deal")).isEqualTo(5);
        assertThat(status(h, "CRM-A")).isEqualTo("New/Received");
        assertThat(status(h, "CRM-B")).isEqualTo("New/Received");
        assertThat(status(h, "CRM-S")).isEqualTo("Active/Accepted");
        assertThat(status(h, "CRM-W")).isEqualTo("Closed/Won");
        assertThat(h.value("SELECT sales_stage FROM deal WHERE crm_id = 'CRM-S'")).isEqualTo("20");
        assertThat(h.value("SELECT sales_stage FROM deal WHERE crm_id = 'CRM-W'")).isEqualTo("100");
        assertThat(h.count("SELECT COUNT(*) FROM deal WHERE crm_id = 'CRM-W' AND mark_1 IS NOT NULL AND mark_2 IS NOT NULL AND mark_3 IS NOT NULL AND mark_4 IS NOT NULL")).isEqualTo(1);
        // one 'created' history row per deal, naming the file and the line (header is line 1)
        assertThat(h.query("SELECT d.crm_id, h.seq, h.action, h.file_name, h.line, h.new_status FROM deal_history h"
                + " JOIN deal d ON d.id = h.deal_id ORDER BY h.line")).containsExactly(
                List.of("CRM-A", "1", "created", DAY1, "2", "New/Received"),
                List.of("CRM-B", "1", "created", DAY1, "3", "New/Received"),
                List.of("CRM-S", "1", "created", DAY1, "4", "Active/Accepted"),
                List.of("CRM-W", "1", "created", DAY1, "5", "Closed/Won"),
                List.of("CRM-I", "1", "created", DAY1, "6", "Active/Accepted"));
        assertThat(notificationFiles(h)).isEmpty();
        assertThat(Files.exists(h.inbox().resolve(".done").resolve(DAY1))).isTrue();

        // ---------------------------------------------------------------- day 2: decline, stage move, refusals
        long historyBefore2 = h.count("SELECT COUNT(*) FROM deal_history");
        h.write(DAY2, new Rows()
                .add(won) // line 2: a Won deal sent again unchanged: silently unchanged
                .add(with(declinedLater, "Partner Referral Status", "Closed", "Partner Referral Substatus", "Declined",
                        "Declined/Lost/Error reason", "3")) // line 3
                .add(with(stages20, "Sales Stage", "40", "Stage Collect Data Date", "2026-11-02")) // line 4
                .add(with(fixedLocation, "Location", "FR")) // line 5: immutable
                .csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-02")).isZero();

        JsonNode r2 = h.latestReport();
        JsonNode f2 = file(r2, DAY2);
        assertCounts(f2, 4, 0, 2, 1, 1);
        assertThat(f2.get("rejectsByCode").get("IMMUTABLE_FIELD_CHANGED").asLong()).isEqualTo(1);
        assertThat(r2.get("rejectsByField").get("Location").asLong()).isEqualTo(1);
        assertThat(r2.get("totals").get("notifications").asLong()).isEqualTo(1);
        assertThat(r2.get("reconciled").asBoolean()).isTrue();
        assertThat(status(h, "CRM-A")).isEqualTo("Closed/Declined");
        assertThat(h.value("SELECT reason_code FROM deal WHERE crm_id = 'CRM-A'")).isEqualTo("3");
        assertThat(h.value("SELECT sales_stage FROM deal WHERE crm_id = 'CRM-S'")).isEqualTo("40");
        assertThat(h.value("SELECT location FROM deal WHERE crm_id = 'CRM-I'")).isEqualTo("US");
        assertThat(h.query("SELECT f.name, r.line, r.codes FROM reject r JOIN ingested_file f ON f.id = r.file_id"))
                .containsExactly(List.of(DAY2, "5", "IMMUTABLE_FIELD_CHANGED"));
        // two changes, no history for the unchanged Won deal nor for the refused change
        assertThat(h.count("SELECT COUNT(*) FROM deal_history")).isEqualTo(historyBefore2 + 2);
        assertThat(h.count("SELECT COUNT(*) FROM deal_history h JOIN deal d ON d.id = h.deal_id WHERE d.crm_id IN ('CRM-W', 'CRM-I')"))
                .isEqualTo(2);
        assertThat(h.query("SELECT h.action, h.file_name, h.line, h.old_status, h.new_status FROM deal_history h"
                + " JOIN deal d ON d.id = h.deal_id WHERE d.crm_id = 'CRM-A' AND h.seq = 2"))
                .containsExactly(List.of("updated", DAY2, "3", "New/Received", "Closed/Declined"));
        List<Path> notes2 = notificationFiles(h);
        assertThat(notes2).hasSize(1);
        JsonNode declined = new ObjectMapper().readTree(notes2.get(0).toFile());
        assertThat(notes2.get(0).getFileName().toString()).startsWith("declined-deal-");
        assertThat(declined.get("event").asText()).isEqualTo("Declined");
        assertThat(declined.get("referralId").asText()).isEqualTo("REF-A");
        assertThat(declined.get("crmId").asText()).isEqualTo("CRM-A");
        assertThat(declined.get("partnerId").asText()).isEqualTo("4000000");
        assertThat(declined.get("recipient").asText()).isEqualTo("msft");
        assertThat(declined.get("reasonCode").asText()).isEqualTo("3");
        assertThat(declined.get("asOf").asText()).isEqualTo("2026-11-02");

        // ---------------------------------------------------------------- D+14: the waiting deal can still be answered
        assertThat(h.run("expire", "--as-of", "2026-11-15")).isZero();
        assertThat(status(h, "CRM-B")).isEqualTo("New/Received");
        assertThat(h.latestReport().get("totals").get("expiredBySweep").asLong()).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM notification WHERE event = 'Expired'")).isZero();

        // ---------------------------------------------------------------- day 3 (D+15): file, then the sweep
        h.write(DAY3, new Rows()
                .add(with(stages20, "Sales Stage", "60", "Stage Collect Data Date", "2026-11-02",
                        "Stage Prepare Report Date", "2026-11-16")) // line 2
                .add(with(won, "Notes", "Changed after the win")) // line 3: a Won deal does not change
                .add(with(declinedLater, "Partner Referral Status", "Closed", "Partner Referral Substatus", "Declined",
                        "Declined/Lost/Error reason", "3")) // line 4: the decline sent again, unchanged
                .csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-16")).isZero();

        JsonNode r3 = h.latestReport();
        JsonNode f3 = file(r3, DAY3);
        assertCounts(f3, 3, 0, 1, 1, 1);
        assertThat(f3.get("rejectsByCode").get("CLOSED_DEAL_MODIFIED").asLong()).isEqualTo(1);
        assertThat(f3.get("expired").asLong()).isZero();
        assertThat(r3.get("totals").get("expiredBySweep").asLong()).isEqualTo(1);
        assertThat(r3.get("totals").get("notifications").asLong()).isEqualTo(1);
        assertThat(r3.get("reconciled").asBoolean()).isTrue();
        assertThat(status(h, "CRM-B")).isEqualTo("Closed/Expired");
        assertThat(status(h, "CRM-W")).isEqualTo("Closed/Won");
        assertThat(h.value("SELECT notes FROM deal WHERE crm_id = 'CRM-W'")).isEqualTo(won.get("Notes"));
        assertThat(h.value("SELECT sales_stage FROM deal WHERE crm_id = 'CRM-S'")).isEqualTo("60");
        // the stage moves 20 -> 40 -> 60, each with its file and line
        assertThat(h.query("SELECT h.seq, h.action, h.file_name, h.line, h.changes FROM deal_history h"
                + " JOIN deal d ON d.id = h.deal_id WHERE d.crm_id = 'CRM-S' ORDER BY h.seq"))
                .satisfiesExactly(
                        row -> assertThat(row.subList(0, 4)).containsExactly("1", "created", DAY1, "4"),
                        row -> {
                            assertThat(row.subList(0, 4)).containsExactly("2", "updated", DAY2, "4");
                            assertThat(row.get(4)).contains("Sales Stage: 20 -> 40", "Stage Collect Data Date: (empty) -> 2026-11-02");
                        },
                        row -> {
                            assertThat(row.subList(0, 4)).containsExactly("3", "updated", DAY3, "2");
                            assertThat(row.get(4)).contains("Sales Stage: 40 -> 60", "Stage Prepare Report Date: (empty) -> 2026-11-16");
                        });
        assertThat(h.query("SELECT crm_id, mark_1, mark_2, mark_3, mark_4 FROM deal WHERE crm_id = 'CRM-S'")).containsExactly(
                List.of("CRM-S", "2026-10-30", "2026-11-02", "2026-11-16", "null"));
        // the sweep's history row names no file
        assertThat(h.query("SELECT h.action, h.file_name, h.line, h.old_status, h.new_status, h.as_of FROM deal_history h"
                + " JOIN deal d ON d.id = h.deal_id WHERE d.crm_id = 'CRM-B' ORDER BY h.seq")).containsExactly(
                List.of("created", DAY1, "3", "", "New/Received", "2026-11-01"),
                List.of("expired", "null", "null", "New/Received", "Closed/Expired", "2026-11-16"));
        assertOutbox(h);

        // ---------------------------------------------------------------- day 3 again: repeat, and a late accept
        Map<String, String> lateAccept = with(leftWaiting, "Partner Referral Status", "Active", "Partner Referral Substatus", "Accepted");
        Files.createDirectories(h.inbox());
        Files.copy(h.inbox().resolve(".done").resolve(DAY3), h.inbox().resolve(DAY3));
        h.write("2026-11-16-late-crm.csv", new Rows().add(lateAccept).csv());
        long history = h.count("SELECT COUNT(*) FROM deal_history");
        assertThat(h.run("run", "--once", "--as-of", "2026-11-16")).isZero();

        JsonNode r4 = h.latestReport();
        assertThat(r4.get("totals").get("repeats").asLong()).isEqualTo(1);
        assertThat(file(r4, DAY3).get("status").asText()).isEqualTo("repeat");
        JsonNode late = file(r4, "2026-11-16-late-crm.csv");
        assertCounts(late, 1, 0, 0, 0, 1);
        assertThat(late.get("rejectsByCode").get("DEAL_EXPIRED").asLong()).isEqualTo(1);
        assertThat(late.get("expired").asLong()).isZero(); // it had expired already
        assertThat(r4.get("totals").get("expiredBySweep").asLong()).isZero();
        assertThat(r4.get("totals").get("notifications").asLong()).isZero();
        assertThat(status(h, "CRM-B")).isEqualTo("Closed/Expired");
        assertThat(h.count("SELECT COUNT(*) FROM deal_history")).isEqualTo(history);
        assertOutbox(h);

        // ---------------------------------------------------------------- and once more, later, with nothing new
        assertThat(h.run("run", "--once", "--as-of", "2026-11-20")).isZero();
        assertThat(h.latestReport().get("totals").get("expiredBySweep").asLong()).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM deal_history")).isEqualTo(history);
        assertOutbox(h);
    }

    /**
     * The window's edge through files: received on D, an accept as of D+14 is taken; an accept as of D+15 is
     * refused with DEAL_EXPIRED and the deal expires (counted in its file, notified once, not by the sweep).
     */
    @Test
    void anAnswerOnTheWindowsLastDayIsTakenTheNextDayItIsTooLate() throws Exception {
        Harness h = new Harness(tmp);
        Map<String, String> x = incoming("REF-X", "CRM-X", "2026-11-01");
        Map<String, String> y = incoming("REF-Y", "CRM-Y", "2026-11-01");
        h.write("2026-11-01-crm.csv", new Rows().add(x).add(y).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-01")).isZero();

        h.write("2026-11-15-crm.csv", new Rows().add(with(x, "Partner Referral Status", "Active",
                "Partner Referral Substatus", "Accepted")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-15")).isZero();
        assertCounts(file(h.latestReport(), "2026-11-15-crm.csv"), 1, 0, 1, 0, 0);
        assertThat(status(h, "CRM-X")).isEqualTo("Active/Accepted");
        assertThat(status(h, "CRM-Y")).isEqualTo("New/Received"); // D+14: the sweep leaves it

        h.write("2026-11-16-crm.csv", new Rows().add(with(y, "Partner Referral Status", "Active",
                "Partner Referral Substatus", "Accepted")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-16")).isZero();
        JsonNode r = h.latestReport();
        JsonNode f = file(r, "2026-11-16-crm.csv");
        assertCounts(f, 1, 0, 0, 0, 1);
        assertThat(f.get("rejectsByCode").get("DEAL_EXPIRED").asLong()).isEqualTo(1);
        assertThat(f.get("expired").asLong()).isEqualTo(1);
        assertThat(r.get("totals").get("expiredBySweep").asLong()).isZero();
        assertThat(status(h, "CRM-Y")).isEqualTo("Closed/Expired");
        assertThat(status(h, "CRM-X")).isEqualTo("Active/Accepted");
        assertThat(h.query("SELECT d.crm_id, n.event, n.recipient, n.as_of FROM notification n JOIN deal d ON d.id = n.deal_id"))
                .containsExactly(List.of("CRM-Y", "Expired", "msft", "2026-11-16"));
        assertThat(notificationFiles(h)).hasSize(1);

        // the next night changes nothing
        assertThat(h.run("run", "--once", "--as-of", "2026-11-17")).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM notification")).isEqualTo(1);
        assertThat(notificationFiles(h)).hasSize(1);
    }

    /** After day 3: one Declined (CRM-A) and one Expired (CRM-B) notification, as rows and as files, delivered. */
    private static void assertOutbox(Harness h) throws Exception {
        assertThat(h.query("SELECT d.crm_id, n.event, n.recipient, n.as_of,"
                + " CASE WHEN n.delivered_at IS NULL THEN 'pending' ELSE 'delivered' END"
                + " FROM notification n JOIN deal d ON d.id = n.deal_id ORDER BY d.crm_id")).containsExactly(
                List.of("CRM-A", "Declined", "msft", "2026-11-02", "delivered"),
                List.of("CRM-B", "Expired", "msft", "2026-11-16", "delivered"));
        List<Path> files = notificationFiles(h);
        assertThat(files).hasSize(2);
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.startsWith("declined-deal-")).anyMatch(n -> n.startsWith("expired-deal-"));
        JsonNode expired = new ObjectMapper().readTree(files.stream()
                .filter(p -> p.getFileName().toString().startsWith("expired-")).findFirst().orElseThrow().toFile());
        assertThat(expired.get("event").asText()).isEqualTo("Expired");
        assertThat(expired.get("referralId").asText()).isEqualTo("REF-B");
        assertThat(expired.get("recipient").asText()).isEqualTo("msft");
        assertThat(expired.get("asOf").asText()).isEqualTo("2026-11-16");
    }

    static List<Path> notificationFiles(Harness h) {
        return Harness.files(h.outbox().resolve("notifications"));
    }

    static String status(Harness h, String crmId) {
        return h.value("SELECT status || '/' || substatus FROM deal WHERE crm_id = ?", crmId);
    }

    static JsonNode file(JsonNode report, String name) {
        for (JsonNode f : report.get("files")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no file " + name + " in the report: " + report);
    }

    /** read, created, updated, unchanged, rejected (and nothing skipped), reconciled. */
    static void assertCounts(JsonNode f, long read, long created, long updated, long unchanged, long rejected) {
        assertThat(List.of(f.get("read").asLong(), f.get("created").asLong(), f.get("updated").asLong(),
                f.get("unchanged").asLong(), f.get("rejected").asLong(), f.get("skipped").asLong()))
                .as("read, created, updated, unchanged, rejected, skipped of %s", f)
                .containsExactly(read, created, updated, unchanged, rejected, 0L);
        assertThat(f.get("status").asText()).isEqualTo("done");
    }
}
