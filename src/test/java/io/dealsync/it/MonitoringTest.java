package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.rulecases.RuleCasesTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 1: a running daemon serves Camel's health check and Prometheus metrics on a loopback port,
 * fed by the engine (the records of each file, per source; rules reload failures); a {@code run --once} opens
 * no port and writes the same metrics as a Prometheus text file for a cron monitor.
 */
class MonitoringTest {
    private static final Pattern STARTED = Pattern.compile(
            "dealsync started: watching .*, health on (http://127\\.0\\.0\\.1:\\d+)/observe/health");
    /** A sample line of the text exposition format 0.0.4: name, optional labels, a value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\")*})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)");

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theDaemonServesHealthAndMetricsFromTheEngine() throws Exception {
        Path rules = RuleCasesTest.copyRules(tmp);
        Harness h = new Harness(tmp.resolve("engine"));
        h.settings.put("dealsync.rules", rules.toString());
        h.settings.put("dealsync.rules.reload-ms", "300");
        h.settings.put("dealsync.inbox.poll-ms", "300");
        h.settings.put("dealsync.as-of", "2026-11-26");
        Files.createDirectories(h.inbox());

        ChildEngine daemon = ChildEngine.start(h.settings, Map.of(), "run");
        try {
            assertThat(daemon.awaitLine(l -> STARTED.matcher(l).find(), 60_000)).as(daemon.output()).isTrue();
            String base = daemon.lines.stream().map(STARTED::matcher).filter(Matcher::find).findFirst().orElseThrow().group(1);

            h.drop("inbox/2026-11-01-partner-crm.csv", null);
            RulesLifecycleTest.awaitReportOf(h, daemon, "2026-11-01-partner-crm.csv");

            assertThat(get(base + "/observe/health/live")).satisfies(r -> assertThat(r.statusCode()).isEqualTo(200));
            HttpResponse<String> ready = get(base + "/observe/health/ready?exposureLevel=full");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            for (String check : List.of("dealsync-database", "dealsync-rules", "dealsync-rules-reload", "dealsync-inbox")) {
                assertThat(compact(ready.body())).contains("\"name\":\"" + check + "\",\"status\":\"UP\"");
            }

            HttpResponse<String> metrics = get(base + "/observe/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
            // the sample file: read 22 = created 6 + rejected 15 + skipped 1; one warning
            assertThat(metrics.body().lines()).contains(
                    "dealsync_records_read_total{source=\"-\"} 22.0",
                    "dealsync_records_total{outcome=\"created\",source=\"-\"} 6.0",
                    "dealsync_records_total{outcome=\"rejected\",source=\"-\"} 15.0",
                    "dealsync_records_total{outcome=\"skipped\",source=\"-\"} 1.0",
                    "dealsync_records_warned_total{source=\"-\"} 1.0",
                    "dealsync_files_total{source=\"-\",status=\"done\"} 1.0",
                    "dealsync_rules_reload_failures_total 0.0",
                    "dealsync_last_run_records_read 22.0");
            assertThat(metrics.body()).contains("dealsync_chunk_write_seconds_count 1", "dealsync_file_duration_seconds_count{source=\"-\"} 1");
            assertThat(metrics.body()).as("Camel's own route metrics beside the engine's").contains("camel_exchanges_total");

            // an analyst saves a rule that does not compile: still alive, not ready, counted
            Files.writeString(rules.resolve("forbidden.drl"), RulesLifecycleTest.FORBIDDEN_RULE_BROKEN);
            assertThat(daemon.awaitLine(l -> l.contains("Changed rules do not compile"), 30_000)).as(daemon.output()).isTrue();
            HttpResponse<String> notReady = get(base + "/observe/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(compact(notReady.body())).contains("\"name\":\"dealsync-rules-reload\",\"status\":\"DOWN\"");
            assertThat(get(base + "/observe/health/live").statusCode()).isEqualTo(200);
            assertThat(get(base + "/observe/metrics").body().lines()).contains("dealsync_rules_reload_failures_total 1.0");

            // repaired: ready again
            Files.delete(rules.resolve("forbidden.drl"));
            long end = System.currentTimeMillis() + 30_000;
            while (get(base + "/observe/health/ready").statusCode() != 200 && System.currentTimeMillis() < end) {
                Thread.sleep(200);
            }
            assertThat(get(base + "/observe/health/ready").statusCode()).isEqualTo(200);

            daemon.process.toHandle().destroy(); // SIGTERM
            assertThat(daemon.process.waitFor(60, TimeUnit.SECONDS)).as(daemon.output()).isTrue();
            assertThat(daemon.output()).contains("dealsync stopped: 1 file(s), 22 record(s) read since start");
        } finally {
            if (daemon.process.isAlive()) {
                daemon.kill();
            }
        }
    }

    @Test
    void runOnceWritesTheMetricsAsAPrometheusTextFile() throws Exception {
        Harness h = new Harness(tmp.resolve("engine"));
        Path prom = tmp.resolve("textfile/dealsync.prom");
        h.settings.put("dealsync.metrics.file", prom.toString());
        h.drop("inbox/2026-11-01-partner-crm.csv", null);
        h.drop("inbox/crm-fr/2026-11-01-affaires.csv", "crm-fr");
        Files.write(h.inbox().resolve("crm-fr/broken.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});

        Harness.Output run = h.runCaptured("run", "--once", "--as-of", "2026-11-26");
        assertThat(run.code()).as(run.err()).isEqualTo(1); // a file could not be read

        assertThat(prom).exists();
        try (Stream<Path> s = Files.list(prom.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("dealsync.prom");
        }
        List<String> lines = Files.readAllLines(prom);
        long fr = DayByDayTest.file(h.latestReport(), "2026-11-01-affaires.csv").get("read").asLong();
        assertThat(fr).isPositive();
        assertThat(lines).contains(
                "dealsync_records_read_total{source=\"-\"} 22.0",
                "dealsync_records_read_total{source=\"crm-fr\"} " + fr + ".0",
                "dealsync_files_total{source=\"crm-fr\",status=\"failed\"} 1.0",
                "dealsync_files_total{source=\"-\",status=\"done\"} 1.0",
                "dealsync_runs_total{mode=\"once\"} 1.0",
                "dealsync_last_run_records_read " + (22 + fr) + ".0",
                "dealsync_last_run_files_failed 1.0",
                "dealsync_last_run_reconciled 1.0");
        assertThat(lines).anyMatch(l -> l.startsWith("dealsync_last_run_finished_timestamp_seconds ") && !l.endsWith("NaN"));
        assertThat(lines).filteredOn(l -> !l.startsWith("#") && !l.isBlank())
                .allSatisfy(l -> assertThat(l).matches(SAMPLE));
        assertThat(lines).as("the engine's meters only: no port, no Camel route meters in a cron run")
                .noneMatch(l -> l.startsWith("camel_"));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String compact(String json) {
        return json.replaceAll("\\s+", "");
    }
}
