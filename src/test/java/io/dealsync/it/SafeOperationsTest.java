package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator trips over at night (issue 11, points 3, 5, 6): a second process on the embedded
 * database, the sweep's calendar, empty files, and the progress line on a terminal and not in cron.
 */
class SafeOperationsTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondProcessIsRefusedAtOnceWhileTheDaemonSweepsOnItsCron() throws Exception {
        Harness h = new Harness(tmp);
        h.settings.put("dealsync.sweep.cron", "0/2 * * * * ?"); // every 2 s instead of nightly
        Files.createDirectories(h.inbox());
        ChildEngine daemon = ChildEngine.start(h.settings, Map.of(), "run");
        try {
            Path pidFile = h.dir.resolve("data/dealsync.pid");
            String pid = Long.toString(daemon.process.pid());
            long end = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < end && !(Files.exists(pidFile) && Files.readString(pidFile).strip().equals(pid))) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(pidFile).strip()).isEqualTo(pid);

            // the cron route sweeps on the calendar: each sweep is a run of its own with a report
            end = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < end && sweepReports(h) < 2) {
                Thread.sleep(200);
            }
            assertThat(sweepReports(h)).as(daemon.output()).isGreaterThanOrEqualTo(2);

            long t0 = System.nanoTime();
            Harness.Output second = h.runCaptured("run", "--once");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(second.code()).isEqualTo(3);
            assertThat(second.err()).contains("another dealsync process has " + h.dir.resolve("data") + "/ open (pid " + pid + ")")
                    .doesNotContain("lockFile", "HSQLDB");
            assertThat(ms).as("refused at once, not after HSQLDB's own retries").isLessThan(10_000);
            assertThat(h.runCaptured("deals", "export").code()).isEqualTo(3);
        } finally {
            daemon.process.destroy(); // SIGTERM
            daemon.process.waitFor(60, TimeUnit.SECONDS);
        }
        // the lock goes with its process: the next run works
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
    }

    @Test
    void aKilledProcessLeavesNoLockBehind() throws Exception {
        Harness h = new Harness(tmp);
        Files.createDirectories(h.inbox());
        ChildEngine daemon = ChildEngine.start(h.settings, Map.of(), "run");
        Path pidFile = h.dir.resolve("data/dealsync.pid");
        long end = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < end && !(Files.exists(pidFile) && !Files.readString(pidFile).isBlank())) {
            Thread.sleep(100);
        }
        daemon.kill(); // SIGKILL: its pid stays in the file, the OS lock does not
        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(daemon.process.pid()));
        // the next run works; with the JSON log format (for log shippers): every line an object with the run's MDC
        h.write("2026-11-26-j.csv", new Rows().add(Rows.outgoing("CRM-J1")).csv());
        ChildEngine next = ChildEngine.start(h.settings, Map.of("DEALSYNC_LOG_FORMAT", "json"),
                "run", "--once", "--as-of", "2026-11-26");
        assertThat(next.await(120_000)).as(next.output()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<JsonNode> logs = new ArrayList<>();
        for (String line : next.lines) {
            if (line.startsWith("{")) {
                logs.add(json.readTree(line));
            }
        }
        JsonNode fileLine = logs.stream().filter(l -> l.path("formattedMessage").asText().contains("read 1, created 1"))
                .findFirst().orElseThrow(() -> new AssertionError(next.output()));
        assertThat(fileLine.path("mdc").path("file").asText()).isEqualTo("2026-11-26-j.csv");
        assertThat(fileLine.path("mdc").path("runId").asText()).matches("\\d{8}T\\d{6}Z-.*");
        assertThat(fileLine.path("timestamp").asLong()).isPositive();
        assertThat(next.output()).doesNotContain("SLF4J");
    }

    @Test
    void anEmptyOrHeaderOnlyFileIsAWarningAndUnknownColumnsAreInTheSummary() throws Exception {
        Harness h = new Harness(tmp);
        h.write("2026-11-26-empty.csv", "");
        h.write("2026-11-26-header.csv", new Rows().csv());
        h.write("2026-11-27-extra.csv", new Rows().add(Rows.outgoing("CRM-E1")).csv()
                .replaceFirst("Invited By\r\n", "Invited By,Favourite Colour\r\n"));
        Harness.Output run = h.runCaptured("run", "--once", "--as-of", "2026-11-27");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("2026-11-26-empty.csv: warning: empty file: no records",
                "2026-11-26-header.csv: warning: no records (header only",
                "2026-11-27-extra.csv: unknown columns, not read: Favourite Colour");
        JsonNode report = h.latestReport();
        assertThat(DayByDayTest.file(report, "2026-11-26-empty.csv").get("notice").asText()).isEqualTo("empty file: no records");
        assertThat(DayByDayTest.file(report, "2026-11-26-header.csv").get("notice").asText()).startsWith("no records");
        assertThat(DayByDayTest.file(report, "2026-11-27-extra.csv").get("notice").isNull()).isTrue();
    }

    @Test
    void progressShowsOnATerminalAndNotWithoutOne() throws Exception {
        Harness h = new Harness(tmp);
        h.settings.put("dealsync.batch-size", "100");
        Rows rows = new Rows();
        for (int i = 0; i < 600; i++) {
            rows.add(Rows.outgoing("CRM-P" + i));
        }
        String csv = rows.csv();
        h.write("2026-11-26-big.csv", csv);

        // a pseudo-terminal: script(1) runs the engine with its standard streams on a pty
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Ddealsync.home=" + Path.of("").toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                "io.dealsync.cli.DealsyncCommand"));
        h.settings.forEach((k, v) -> cmd.add("--set=" + k + "=" + v));
        cmd.addAll(List.of("run", "--once", "--as-of", "2026-11-26"));
        Path script = tmp.resolve("run.sh");
        Files.writeString(script, "exec " + String.join(" ", cmd.stream().map(SafeOperationsTest::quote).toList()) + "\n");
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", "bash " + quote(script.toString()), "/dev/null")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().remove("CI"); // progress=auto stays quiet under CI: this test is the terminal case
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String tty = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(tty).isZero();
        assertThat(tty).contains("\r[1/1] 2026-11-26-big.csv: ", " records/s", "%");
        // the line is cleared before the file's log line, which starts on a clean line
        int logLine = tty.indexOf("read 600");
        assertThat(logLine).isPositive();
        String before = tty.substring(0, logLine);
        assertThat(before.substring(before.lastIndexOf("\r[1/1]"))).contains("\r\033[K");

        // the same run with pipes (cron): no progress at all
        h.write("2026-11-27-big.csv", csv.replace("CRM-P", "CRM-Q"));
        ChildEngine cron = ChildEngine.start(h.settings, Map.of(), "run", "--once", "--as-of", "2026-11-27");
        assertThat(cron.await(120_000)).isZero();
        assertThat(cron.output()).contains("read 600").doesNotContain("records/s", "\033[K");
        // text logs: the date in the timestamp, the run id and the file from the MDC, no SLF4J replay warnings
        assertThat(cron.output()).doesNotContain("SLF4J");
        assertThat(cron.lines.stream().filter(l -> l.contains("read 600")).findFirst().orElseThrow())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\S* INFO  FileIntake run=\\d{8}T\\S+ "
                        + "file=2026-11-27-big\\.csv - .*");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static long sweepReports(Harness h) throws java.io.IOException {
        if (!Files.isDirectory(h.reports())) {
            return 0;
        }
        try (Stream<Path> s = Files.list(h.reports())) {
            return s.filter(p -> p.getFileName().toString().matches("\\d{8}T.*\\.json")).count();
        }
    }
}
