package io.dealsync.it;

import static io.dealsync.it.Rows.incoming;
import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/operations.md "Commands": {@code deals show ID} prints one deal with its history of changes. */
class DealsShowTest {
    static final Map<String, String> MOVING = with(outgoing("CRM-S"), "Referral ID", "REF-S", "Sales Stage", "20",
            "Stage Secure LOE Date", "2026-10-30");
    static final Map<String, String> WAITING = incoming("REF-B", "CRM-B", "2026-11-01");

    @TempDir
    static Path tmp;
    static Harness h;

    @BeforeAll
    static void threeDays() {
        h = new Harness(tmp);
        h.write("2026-11-01-crm.csv", new Rows().add(WAITING).add(MOVING)
                .add(with(outgoing("CRM-SHARED"), "Deal Name", "First partner's deal"))
                .add(with(outgoing("CRM-SHARED"), "PartnerID", "4000777", "Deal Name", "Second partner's deal")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-01")).isZero();
        h.write("2026-11-02-crm.csv", new Rows()
                .add(with(MOVING, "Sales Stage", "40", "Stage Collect Data Date", "2026-11-02", "Estimated Deal Value", "30000"))
                .csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-02")).isZero();
        h.write("2026-11-16-crm.csv", new Rows()
                .add(with(outgoing("CRM-X"))) // line 2: something else first
                .add(with(MOVING, "Partner Referral Status", "Closed", "Partner Referral Substatus", "Won", "Sales Stage", "100",
                        "Stage Collect Data Date", "2026-11-02", "Stage Prepare Report Date", "2026-11-10",
                        "Stage Present Date", "2026-11-12", "Estimated Deal Value", "30000"))
                .csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-16")).isZero(); // the sweep expires REF-B
    }

    @Test
    void aDealByReferralIdWithEveryChangeItsFileAndLine() {
        Harness.Output s = show("REF-S");
        assertThat(s.code()).isZero();
        String out = s.out();
        assertThat(out).containsPattern("Deal \\d+ +\\(stored 2026-11-01, version 3\\)");
        assertThat(out).containsPattern("Referral ID +REF-S").containsPattern("CRM ID +CRM-S")
                .containsPattern("Partner Referral Status +Closed").containsPattern("Partner Referral Substatus +Won")
                .containsPattern("Sales Stage +100%").containsPattern("Estimated Deal Value +30000")
                .containsPattern("Stage Present Date +2026-11-12").containsPattern("Solution +SOL-SA-INFRA")
                .containsPattern("Team +1 member");
        List<String> history = historyLines(out);
        assertThat(history).hasSize(3);
        // #seq, when, as of, action, file:line, status (old -> new when it moved)
        assertThat(history.get(0)).matches(entry(1, "2026-11-01", "created", "2026-11-01-crm.csv:3", "Active/Accepted"));
        assertThat(history.get(1)).matches(entry(2, "2026-11-02", "updated", "2026-11-02-crm.csv:2", "Active/Accepted"));
        assertThat(history.get(2)).matches(entry(3, "2026-11-16", "updated", "2026-11-16-crm.csv:3",
                "Active/Accepted -> Closed/Won"));
        // what changed, under each entry
        assertThat(changesOf(out, 2)).contains("Sales Stage: 20 -> 40", "Stage Collect Data Date: (empty) -> 2026-11-02",
                "Estimated Deal Value: 25000 -> 30000");
        assertThat(changesOf(out, 3)).contains("Partner Referral Status: Active -> Closed",
                "Partner Referral Substatus: Accepted -> Won", "Sales Stage: 40 -> 100",
                "Stage Prepare Report Date: (empty) -> 2026-11-10", "Stage Present Date: (empty) -> 2026-11-12");
        // no personal data: the contact and the team appear by count only
        assertThat(out).doesNotContain("alex.doe@contoso.example", "425 555 0100", "sam.seller@partner.example", "Alex");
    }

    @Test
    void theSameDealByItsCrmId() {
        Harness.Output byCrm = show("CRM-S");
        assertThat(byCrm.code()).isZero();
        assertThat(byCrm.out()).isEqualTo(show("REF-S").out());
    }

    @Test
    void anExpiredDealShowsTheSweep() {
        Harness.Output s = show("CRM-B");
        assertThat(s.code()).isZero();
        assertThat(s.out()).containsPattern("Deal Direction +Incoming").containsPattern("Invited By +msft")
                .containsPattern("Received Date +2026-11-01").containsPattern("Partner Referral Substatus +Expired");
        List<String> history = historyLines(s.out());
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).matches(entry(1, "2026-11-01", "created", "2026-11-01-crm.csv:2", "New/Received"));
        assertThat(history.get(1)).matches(entry(2, "2026-11-16", "expired", "sweep", "New/Received -> Closed/Expired"));
        assertThat(changesOf(s.out(), 2)).contains("Expired by the sweep");
    }

    @Test
    void aCrmIdUsedByTwoPartnersShowsBothDeals() {
        Harness.Output s = show("CRM-SHARED");
        assertThat(s.code()).isZero();
        assertThat(Pattern.compile("(?m)^Deal \\d+").matcher(s.out()).results().count()).isEqualTo(2);
        assertThat(s.out()).containsPattern("PartnerID \\(formerly MPN ID\\) +4000000")
                .containsPattern("PartnerID \\(formerly MPN ID\\) +4000777")
                .contains("First partner's deal", "Second partner's deal");
    }

    @Test
    void anUnknownIdSaysSoAndFails() {
        Harness.Output s = show("NO-SUCH-DEAL");
        assertThat(s.code()).isEqualTo(1);
        assertThat(s.out()).isEmpty();
        assertThat(s.err()).contains("NO-SUCH-DEAL");
    }

    // ------------------------------------------------------------------ helpers

    /** Runs {@code deals show ID} with System.out and System.err captured. */
    static Harness.Output show(String id) {
        return h.runCaptured("deals", "show", id);
    }

    /** The "#n ..." lines of the History section. */
    static List<String> historyLines(String out) {
        return out.lines().filter(l -> l.matches("\\s+#\\d+ .*")).toList();
    }

    /** The changes line under history entry #seq (the indented line after it), or "". */
    static String changesOf(String out, int seq) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).matches("\\s+#" + seq + " .*")) {
                String next = lines.get(i + 1);
                return next.matches("\\s+#\\d+ .*") ? "" : next.strip();
            }
        }
        return "";
    }

    /** A history line: #seq, the time it was written (an instant), as of DATE, action, where, status move. */
    static String entry(int seq, String asOf, String action, String where, String status) {
        return "\\s+#" + seq + "\\s+\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z\\s+as of " + asOf + "\\s+" + action + "\\s+"
                + Pattern.quote(where) + "\\s+" + Pattern.quote(status) + "\\s*";
    }
}
