package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quality.md "Security": file and source names cannot make the engine write outside its folders. Names
 * with dots and spaces: a hidden or dot-dot name is left alone (and listed), a folder with spaces is a
 * source like any other, and everything the run writes stays under inbox/, rejects/, reports/, data/.
 */
class PathSafetyTest {
    @Test
    void namesCannotLeadOutsideTheEnginesFolders(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp.resolve("engine"));
        String noNotes = "Customer wants a migration readiness review";
        h.write("..something.csv", Records.csv(Records.csvRow("CRM-P1").replace(noNotes, "")));
        h.write("..up/z.csv", Records.csv(Records.csvRow("CRM-P2").replace(noNotes, "")));
        h.write("a..b.csv", Records.csv(Records.csvRow("CRM-P3").replace(noNotes, "")));
        h.write("my source/x y.csv", Records.csv(Records.csvRow("CRM-P4").replace(noNotes, "")));
        h.write("my source/second.csv", Records.csv(Records.csvRow("CRM-P5")));
        h.write("notes.txt", "not a data file");

        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();

        // nothing beside the engine's folder, and inside it only its own folders
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("engine");
        }
        try (Stream<Path> s = Files.list(h.dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).isSubsetOf("inbox", "rejects", "reports", "outbox", "data");
        }
        assertThat(Harness.files(h.rejects())).extracting(p -> h.rejects().relativize(p).toString())
                .containsExactlyInAnyOrder("a..b.rejects.csv", "my source/x y.rejects.csv", "a..b.rejects.xlsx",
                        "my source/x y.rejects.xlsx");

        JsonNode report = Records.report(h);
        Records.assertReconciles(report);
        assertThat(report.get("files")).extracting(f -> f.get("source").asText() + "|" + f.get("name").asText())
                .containsExactlyInAnyOrder("|a..b.csv", "my source|x y.csv", "my source|second.csv");
        assertThat(report.get("unknownSources")).extracting(JsonNode::asText).containsExactly("my source");
        // hidden names are not taken (Camel's file consumer skips them), but the report says they are there
        assertThat(report.get("ignoredFiles")).extracting(JsonNode::asText)
                .containsExactly("..something.csv", "..up/z.csv", "notes.txt");
        assertThat(h.inboxListing()).containsExactlyInAnyOrder(
                "..something.csv", "..up/z.csv", "notes.txt", ".done/a..b.csv", "my source/.done/x y.csv",
                "my source/.done/second.csv");
        assertThat(Records.column(h, "SELECT crm_id FROM deal")).containsExactly("CRM-P5");
        assertThat(Records.column(h, "SELECT DISTINCT source FROM ingested_file ORDER BY source")).containsExactly("", "my source");
        List<String> rejectFiles = new java.util.ArrayList<>();
        report.get("files").forEach(f -> {
            if (!f.get("rejectFile").isNull()) {
                rejectFiles.add(f.get("rejectFile").asText());
            }
        });
        assertThat(rejectFiles).hasSize(2)
                .allSatisfy(f -> assertThat(Path.of(f).normalize().startsWith(h.rejects())).as(f).isTrue());
    }
}
