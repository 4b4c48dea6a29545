package io.dealsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 2: the run page and the index opened in headless Chromium, offline, as a reviewer would: no
 * console error, the key numbers in the rendered page, hostile values shown as text, the per-file table inside
 * the page, links both ways. Screenshots land in target/report-screenshots/ for a person to look at.
 */
class ReportPagesInBrowserTest {
    static final String EVIL = "<script>alert(1)</script>=cmd|' /C calc'!A0";

    @TempDir
    static Path dir;
    static Path reports;
    static Chromium chromium;

    @BeforeAll
    static void writeThreeRuns() throws Exception {
        assumeTrue(Chromium.binary() != null, "chromium is not installed (apt-get install -y chromium; .ci/run does it):"
                + " the report pages are not checked in a browser");
        chromium = new Chromium(Files.createDirectories(dir.resolve("profiles")));
        reports = dir.resolve("reports");
        ReportWriter.write(run("20261124T020000Z-aaaa", "2026-11-24T02:00:00Z", 1200, 90), reports, Map.of(), dir);
        ReportWriter.write(run("20261125T020000Z-bbbb", "2026-11-25T02:00:00Z", 800, 200), reports, Map.of(), dir);
        RunLedger last = ReportWriterTest.sampleRun();
        FileLedger wide = new FileLedger("2026-11-26-" + "a-very-long-export-name-from-the-crm-".repeat(4) + EVIL + ".csv",
                "salesforce");
        wide.setRead(40);
        wide.setCreated(20);
        wide.setRejected(20);
        for (int i = 0; i < 12; i++) {
            wide.countRejectCode("SOME_VERY_LONG_REASON_CODE_NUMBER_" + i);
        }
        wide.countRejectCode(EVIL);
        wide.setUnknownColumns(List.of("Owner Region", "Legacy Id", "Sales Team", "Old Stage", "Forecast", "Notes 2",
                "Extra " + EVIL));
        wide.setRejectFile("rejects/salesforce/" + "a-very-long-export-name-".repeat(6) + ".rejects.csv");
        last.addFile(wide);
        ReportWriter.write(last, reports, Map.of("REQUIRED_FIELD", "A required column is empty"), dir);
    }

    @Test
    void theRunPageRendersItsNumbersWithoutConsoleErrors() throws Exception {
        Chromium.Result r = chromium.dumpDom(reports.resolve("20261126-020000-a1.html"));
        assertThat(Chromium.consoleErrors(r.log())).isEmpty();
        String dom = r.dom();
        assertThat(dom).contains("dealsync run <code>20261126-020000-a1</code>", "All records accounted for",
                "<span>50</span><small>read</small>", "<span>25</span><small>created</small>",
                "<span>21</span><small>rejected</small>", "could not be processed", "repeat of");
        assertThat(dom).as("hostile values are text, not markup").doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;=cmd|' /C calc'!A0");
        assertThat(dom).as("a long list of codes folds").contains("<summary>13 reject codes</summary>");
        assertThat(dom).as("links to the index").contains("href=\"index.html\"");
        chromium.screenshot(reports.resolve("20261126-020000-a1.html"), shot("run.png"), 1280, 2000);
    }

    @Test
    void theIndexListsEveryRunNewestFirstWithTheTrend() throws Exception {
        Chromium.Result r = chromium.dumpDom(reports.resolve("index.html"));
        assertThat(Chromium.consoleErrors(r.log())).isEmpty();
        String dom = r.dom();
        int newest = dom.indexOf("href=\"20261126-020000-a1.html\"");
        int middle = dom.indexOf("href=\"20261125T020000Z-bbbb.html\"");
        int oldest = dom.indexOf("href=\"20261124T020000Z-aaaa.html\"");
        assertThat(newest).as("each run page linked, newest first").isPositive().isLessThan(middle);
        assertThat(middle).isLessThan(oldest);
        assertThat(dom).contains("3 runs", "Records read, created + updated, and reject rate per run",
                "1,200", "7.5%", "25.0%", "20261124T020000Z-aaaa: 1,200 read");
        chromium.screenshot(reports.resolve("index.html"), shot("index.png"), 1280, 1100);
    }

    @Test
    void theFileTableStaysInsideThePage() throws Exception {
        // a copy of the page with a probe script (the real page allows none): the widest table against its box
        String html = Files.readString(reports.resolve("20261126-020000-a1.html"))
                .replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                .replace("</body>", "<script>var t=document.querySelector('table.files');document.title='probe:'"
                        + "+(document.documentElement.scrollWidth<=window.innerWidth)+':'+(t.scrollWidth<="
                        + "t.parentElement.clientWidth);console.error('probe console');</script></body>");
        Path probe = Files.writeString(reports.resolve("probe.html"), html);
        Chromium.Result r = chromium.dumpDom(probe);
        assertThat(r.dom()).contains("<title>probe:true:true</title>");
        assertThat(Chromium.consoleErrors(r.log())).as("the console check sees an error when there is one")
                .anyMatch(l -> l.contains("probe console"));
    }

    private static RunLedger run(String id, String started, long read, long rejected) {
        RunLedger run = new RunLedger(id, Instant.parse(started), LocalDate.parse(started.substring(0, 10)));
        FileLedger f = new FileLedger(started.substring(0, 10) + "-partner-crm.csv", "");
        f.setRead(read);
        f.setCreated(read - rejected);
        f.setRejected(rejected);
        f.countRejectCode("REQUIRED_FIELD");
        run.addFile(f);
        run.setFinishedAt(Instant.parse(started).plusSeconds(42));
        return run;
    }

    private static Path shot(String name) throws Exception {
        return Files.createDirectories(Path.of("target/report-screenshots")).resolve(name);
    }
}
