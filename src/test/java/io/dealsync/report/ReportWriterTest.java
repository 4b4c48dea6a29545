package io.dealsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    static RunLedger sampleRun() {
        RunLedger run = new RunLedger("20261126-020000-a1", Instant.parse("2026-11-26T02:00:00.123456Z"),
                LocalDate.of(2026, 11, 26));
        run.setRulesFingerprint("sha256:abc123");
        FileLedger a = new FileLedger("deals-2026-11-26.csv", "");
        a.setSha256("0f".repeat(32));
        a.setRead(10);
        a.setCreated(5);
        a.setUpdated(2);
        a.setUnchanged(1);
        a.setRejected(1);
        a.setSkipped(1);
        a.setWarnings(1);
        a.countRejectCode("REQUIRED_FIELD");
        a.countRejectField("Location");
        a.countWarningCode("CLOSE_DATE_PAST");
        a.setRejectFile("rejects/deals-2026-11-26.rejects.csv");
        a.setWarningFile("rejects/deals-2026-11-26.warnings.csv");
        a.setUnknownColumns(List.of("Owner Region"));
        a.setDurationMs(1234);
        run.addFile(a);
        FileLedger b = new FileLedger("copy.csv", "salesforce");
        b.setStatus(FileLedger.Status.repeat);
        b.setRepeatOf("deals-2026-11-26.csv");
        run.addFile(b);
        FileLedger c = new FileLedger("broken.json", "dynamics");
        c.setStatus(FileLedger.Status.failed);
        c.setError("not valid UTF-8 at byte 12");
        run.addFile(c);
        run.addIgnoredFile("notes.txt");
        run.addUnknownSource("mystery");
        run.addExpiredBySweep(3);
        run.addNotifications(4);
        run.setFinishedAt(Instant.parse("2026-11-26T02:01:30Z"));
        return run;
    }

    @Test
    void jsonReportHasEveryNameTheSpecRequires() throws IOException {
        ReportWriter.Paths paths = ReportWriter.write(sampleRun(), dir);
        assertThat(paths.json()).isEqualTo(dir.resolve("20261126-020000-a1.json"));
        assertThat(paths.html()).isEqualTo(dir.resolve("20261126-020000-a1.html"));
        assertThat(dir.resolve("latest.json")).hasSameBinaryContentAs(paths.json());
        assertThat(dir.resolve("latest.html")).hasSameBinaryContentAs(paths.html());

        JsonNode r = new ObjectMapper().readTree(paths.json().toFile());
        assertThat(r.fieldNames()).toIterable().contains("runId", "startedAt", "finishedAt", "asOf",
                "rulesFingerprint", "reconciled", "files", "totals", "rejectsByCode", "rejectsByField");
        assertThat(r.get("runId").asText()).isEqualTo("20261126-020000-a1");
        assertThat(r.get("startedAt").asText()).isEqualTo("2026-11-26T02:00:00.123Z");
        assertThat(r.get("finishedAt").asText()).isEqualTo("2026-11-26T02:01:30Z");
        assertThat(r.get("asOf").asText()).isEqualTo("2026-11-26");
        assertThat(r.get("reconciled").isBoolean()).isTrue();
        assertThat(r.get("reconciled").asBoolean()).isTrue();

        JsonNode f = r.get("files").get(0);
        assertThat(f.fieldNames()).toIterable().contains("name", "source", "sha256", "status", "repeatOf", "read",
                "created", "updated", "unchanged", "rejected", "skipped", "warnings", "expired", "rejectsByCode",
                "rejectFile", "warningFile", "unknownColumns", "error", "durationMs");
        assertThat(f.get("status").asText()).isEqualTo("done");
        assertThat(f.get("rejectsByCode").get("REQUIRED_FIELD").asLong()).isEqualTo(1);
        assertThat(f.get("rejectFile").asText()).isEqualTo("rejects/deals-2026-11-26.rejects.csv");
        assertThat(f.get("unknownColumns").get(0).asText()).isEqualTo("Owner Region");
        assertThat(r.get("files").get(1).get("status").asText()).isEqualTo("repeat");
        assertThat(r.get("files").get(1).get("repeatOf").asText()).isEqualTo("deals-2026-11-26.csv");
        assertThat(r.get("files").get(2).get("status").asText()).isEqualTo("failed");
        assertThat(r.get("files").get(2).get("error").asText()).contains("UTF-8");

        JsonNode t = r.get("totals");
        assertThat(t.fieldNames()).toIterable().contains("read", "created", "updated", "unchanged", "rejected",
                "skipped", "warnings", "expired", "expiredBySweep", "notifications", "repeats");
        assertThat(t.get("read").asLong()).isEqualTo(10);
        assertThat(t.get("expiredBySweep").asLong()).isEqualTo(3);
        assertThat(t.get("notifications").asLong()).isEqualTo(4);
        assertThat(t.get("repeats").asLong()).isEqualTo(1);
        assertThat(r.get("rejectsByCode").get("REQUIRED_FIELD").asLong()).isEqualTo(1);
        assertThat(r.get("rejectsByField").get("Location").asLong()).isEqualTo(1);
        assertThat(r.get("warningsByCode").get("CLOSE_DATE_PAST").asLong()).isEqualTo(1);
        assertThat(r.get("ignoredFiles").get(0).asText()).isEqualTo("notes.txt");
        assertThat(r.get("unknownSources").get(0).asText()).isEqualTo("mystery");
    }

    @Test
    void reconciledIsFalseWhenCountsDoNotAddUp() throws IOException {
        RunLedger run = sampleRun();
        FileLedger bad = new FileLedger("bad.csv", "");
        bad.setRead(3);
        bad.setCreated(1);
        run.addFile(bad);
        ReportWriter.Paths paths = ReportWriter.write(run, dir);
        JsonNode r = new ObjectMapper().readTree(paths.json().toFile());
        assertThat(r.get("reconciled").asBoolean()).isFalse();
        assertThat(Files.readString(paths.html())).contains("Counts do not reconcile")
                .doesNotContain("All records accounted for");
        assertThat(Files.readString(dir.resolve("20261126-020000-a1.html"))).contains("unreconciled");
    }

    @Test
    void htmlIsSelfContainedAndEscapesFileNames() throws IOException {
        RunLedger run = sampleRun();
        FileLedger evil = new FileLedger("<script>alert('x')</script>\".csv", "<b>src</b>");
        evil.setRejectFile("rejects/<img src=x onerror=alert(1)>.rejects.csv");
        evil.setUnknownColumns(List.of("<i>col</i>"));
        run.addFile(evil);
        run.addIgnoredFile("<svg onload=alert(2)>.txt");
        ReportWriter.Paths paths = ReportWriter.write(run, dir.resolve("reports"),
                Map.of("REQUIRED_FIELD", "A required column is empty"), dir);
        String html = Files.readString(paths.html(), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "<img", "<iframe",
                "@import", "url(");
        // text content needs only < > & escaped (jte escapes quotes inside attributes)
        assertThat(html).contains("&lt;script&gt;alert('x')&lt;/script&gt;\".csv",
                "&lt;b&gt;src&lt;/b&gt;", "&lt;i&gt;col&lt;/i&gt;", "&lt;svg onload=alert(2)&gt;.txt");
        assertThat(html).contains("All records accounted for", "<svg", "A required column is empty",
                "REQUIRED_FIELD", "Owner Region", "mystery", "repeat of", "not valid UTF-8");
        assertThat(html).contains("href=\"../rejects/deals-2026-11-26.rejects.csv\"",
                "href=\"../rejects/deals-2026-11-26.warnings.csv\"");
        assertThat(html).contains("Content-Security-Policy");
    }

    @Test
    void linksAreRelativeToTheReportsFolder() {
        Path base = dir.resolve("project");
        Path reports = base.resolve("reports");
        assertThat(ReportWriter.href("rejects/crm/a b#1.rejects.csv", reports, base))
                .isEqualTo("../rejects/crm/a%20b%231.rejects.csv");
        assertThat(ReportWriter.href(base.resolve("rejects/x.csv").toString(), reports, base))
                .isEqualTo("../rejects/x.csv");
        assertThat(ReportWriter.href("javascript:alert(1)", reports, base)).doesNotStartWith("javascript:");
    }

    @Test
    void runIdsCannotEscapeTheReportsFolder() throws IOException {
        RunLedger run = new RunLedger("../../evil", Instant.parse("2026-11-26T02:00:00Z"), LocalDate.of(2026, 11, 26));
        ReportWriter.Paths paths = ReportWriter.write(run, dir);
        assertThat(paths.json().getParent()).isEqualTo(dir);
        assertThat(paths.html().getParent()).isEqualTo(dir);
    }

    @Test
    void summaryPrintsTotalsFilesAndTopCodes() throws IOException {
        ReportWriter.write(sampleRun(), dir);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = ReportSummary.print(dir, null, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(rc).isZero();
        assertThat(out).contains("20261126-020000-a1", "2026-11-26", "all records accounted for",
                "deals-2026-11-26.csv", "copy.csv", "repeat of deals-2026-11-26.csv", "broken.json",
                "not valid UTF-8", "TOTAL", "REQUIRED_FIELD", "rejects/deals-2026-11-26.rejects.csv");
        // aligned: every table line has the READ column ending at the same place
        List<String> table = out.lines().filter(l -> l.startsWith("FILE") || l.startsWith("TOTAL")
                || l.startsWith("deals-") || l.startsWith("copy.csv") || l.startsWith("broken.json")).toList();
        assertThat(table).hasSize(5);
        assertThat(table).extracting(String::length).containsOnly(table.get(0).length());

        buf.reset();
        assertThat(ReportSummary.print(dir, "20261126-020000-a1", new PrintStream(buf, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("TOTAL");
    }

    @Test
    void summarySaysWhenThereIsNoReport() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        assertThat(ReportSummary.print(dir.resolve("reports"), null, ps)).isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("No run report");
        buf.reset();
        assertThat(ReportSummary.print(dir, "NOPE", ps)).isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("No report for run NOPE");
    }
}
