package io.dealsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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

/** The list of runs behind reports/index.html and report --list. */
class RunIndexTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryRunNewestFirstSkippingLatestAndBrokenFiles() throws Exception {
        write("20261124T020000Z-aaaa", "2026-11-24T02:00:00Z", 100, 10, false);
        write("20261126T020000Z-cccc", "2026-11-26T02:00:00Z", 1000, 0, true);
        write("20261125T020000Z-bbbb", "2026-11-25T02:00:00Z", 50, 50, false);
        Files.writeString(dir.resolve("junk.json"), "{ not json");
        Files.writeString(dir.resolve("other.json"), "{\"no\": \"runId\"}");

        List<RunSummary> runs = RunIndex.runs(dir);
        assertThat(runs).extracting(RunSummary::runId)
                .containsExactly("20261126T020000Z-cccc", "20261125T020000Z-bbbb", "20261124T020000Z-aaaa");
        assertThat(runs.get(0).status()).isEqualTo("1 failed");
        assertThat(runs.get(1).status()).isEqualTo("ok");
        assertThat(runs.get(1).rejectRateText()).isEqualTo("100.0%");
        assertThat(runs.get(2).stored()).isEqualTo(90);
        assertThat(Files.readString(dir.resolve("index.html"))).contains("href=\"20261124T020000Z-aaaa.html\"");

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertThat(RunIndex.print(dir, new PrintStream(buf, true, StandardCharsets.UTF_8))).isZero();
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("RUN").contains("STARTED (UTC)", "FILES", "READ", "REJECTED", "STATUS");
        assertThat(lines.get(1)).startsWith("20261126T020000Z-cccc").contains("2026-11-26 02:00", "1,000").endsWith("1 failed");
        assertThat(lines.get(3)).startsWith("20261124T020000Z-aaaa").endsWith("ok");
        assertThat(lines.get(1).indexOf("1,000") + 5).as("numbers right-aligned under their heading")
                .isEqualTo(lines.get(0).indexOf("READ") + 4);
        assertThat(lines.get(4)).startsWith("3 runs");
    }

    @Test
    void anEmptyFolderSaysSo() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertThat(RunIndex.print(dir.resolve("none"), new PrintStream(buf, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("No run report");
    }

    @Test
    void theTrendAxesEndOnRoundNumbers() {
        assertThat(Charts.niceCeiling(0)).isEqualTo(10);
        assertThat(Charts.niceCeiling(1200)).isEqualTo(2000);
        assertThat(Charts.niceCeiling(22)).isEqualTo(50);
        assertThat(Charts.rateCeiling(0.42, 4)).isEqualTo(0.8);
        assertThat(Charts.rateCeiling(0.05, 5)).isEqualTo(0.05);
        assertThat(Charts.rateCeiling(1.0, 5)).isEqualTo(1.0);
    }

    private void write(String id, String started, long read, long rejected, boolean failedFile) throws Exception {
        RunLedger run = new RunLedger(id, Instant.parse(started), LocalDate.parse(started.substring(0, 10)));
        FileLedger f = new FileLedger("a.csv", "");
        f.setRead(read);
        f.setCreated(read - rejected);
        f.setRejected(rejected);
        run.addFile(f);
        if (failedFile) {
            FileLedger bad = new FileLedger("b.csv", "");
            bad.setStatus(FileLedger.Status.failed);
            run.addFile(bad);
        }
        run.setFinishedAt(Instant.parse(started).plusSeconds(5));
        ReportWriter.write(run, dir, Map.of());
    }
}
