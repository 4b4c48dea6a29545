package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --list} and reports/index.html after real runs of the engine. */
class ReportListTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void everyRunIsListedNewestFirstAndLinkedFromTheIndex() throws Exception {
        Harness h = new Harness(tmp);
        h.drop("inbox/2026-11-01-partner-crm.csv", null);
        assertThat(h.run("run", "--once", "--as-of", "2026-11-01")).isZero();
        String first = h.latestReport().get("runId").asText();
        h.drop("inbox/2026-11-02-partner-crm.csv", null);
        assertThat(h.run("run", "--once", "--as-of", "2026-11-02")).isZero();
        String second = h.latestReport().get("runId").asText();

        Harness.Output list = h.runCaptured("report", "--list");
        assertThat(list.code()).isZero();
        String out = list.out();
        assertThat(out.indexOf(second)).as(out).isPositive().isLessThan(out.indexOf(first));
        assertThat(out.lines().filter(l -> l.startsWith(first)).findFirst().orElseThrow())
                .contains("once", " 1 ", "22", "15").endsWith("ok");
        assertThat(out).contains("2 runs");

        String index = Files.readString(h.reports().resolve("index.html"));
        assertThat(index).contains("href=\"" + first + ".html\"", "href=\"" + second + ".html\"");
        assertThat(Files.readString(h.reports().resolve(first + ".html"))).contains("href=\"index.html\"");
    }
}
