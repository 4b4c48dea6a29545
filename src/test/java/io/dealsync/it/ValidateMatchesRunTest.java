package io.dealsync.it;

import static io.dealsync.it.Records.referral;
import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code validate} is the run's own pipeline with the database writes left out. The same files give the
 * same counts and the same reject files under both, including the two cases the copy it replaced got wrong: JSON in
 * a source folder whose profile is not UTF-8 (JSON is UTF-8 whatever the profile says, docs/formats.md "JSON (in)"),
 * and NDJSON inside a {@code .json} file (its reject lines name their physical line, told apart by content).
 */
class ValidateMatchesRunTest {
    static final String CSV = "2026-11-02-crm.csv";
    static final String FRENCH_JSON = "crm-fr/2026-11-02-fr.json";
    static final String LINES_JSON = "2026-11-02-lines.json";
    static final String CUSTOMER = "Société Générale — Zürich";

    @TempDir
    Path tmp;

    @Test
    void theSameFilesGiveTheSameCountsAndRejectFilesUnderValidateAndRun() throws Exception {
        // given: a CSV with a reject and a duplicate, a UTF-8 JSON array in the Windows-1252 crm-fr folder, NDJSON in a .json
        Harness h = new Harness(tmp.resolve("engine"));
        h.write(CSV, new Rows().add(outgoing("CRM-M1")).add(with(outgoing("CRM-M2"), "Location", ""))
                .add(with(outgoing("CRM-M1"), "Notes", "again")).csv());
        ObjectNode french = referral("J-FR2");
        ((ObjectNode) french.get("customerProfile")).put("name", CUSTOMER);
        ((ObjectNode) french.get("details")).put("notes", "");
        h.write(FRENCH_JSON, "[" + referral("J-FR1") + ",\n" + french + "]\n");
        ObjectNode negative = referral("J-L2");
        ((ObjectNode) negative.get("details")).put("dealValue", -5);
        h.write(LINES_JSON, referral("J-L1") + "\n" + negative + "\n");
        Path validated = tmp.resolve("validated");

        // when: validate, then the run
        Harness.Output v = h.runCaptured("validate", "--as-of", "2026-11-02", "--rejects", validated.toString(),
                h.inbox().resolve(CSV).toString(), h.inbox().resolve(FRENCH_JSON).toString(),
                h.inbox().resolve(LINES_JSON).toString());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-02")).isZero();

        // then: the same counts, and reject files equal byte for byte
        assertThat(v.code()).as(v.err()).isZero();
        JsonNode report = Records.report(h);
        for (String file : List.of(CSV, FRENCH_JSON, LINES_JSON)) {
            String name = Path.of(file).getFileName().toString();
            String source = file.contains("/") ? "crm-fr" : "";
            JsonNode f = Records.fileEntry(report, source, name);
            assertThat(ValidateCommandTest.row(v.out(), name)).as(file).containsExactly(source.isEmpty() ? "-" : source,
                    f.get("status").asText(), f.get("read").asText(), f.get("created").asText(),
                    f.get("updated").asText(), f.get("unchanged").asText(), f.get("rejected").asText(),
                    f.get("skipped").asText(), f.get("warnings").asText());
            assertThat(f.get("rejected").asLong()).as(file).isPositive();
        }
        assertSameFile(validated.resolve("2026-11-02-crm.rejects.csv"), h.rejects().resolve("2026-11-02-crm.rejects.csv"));
        assertThat(validated.resolve("2026-11-02-crm.rejects.xlsx")).exists();
        assertSameFile(validated.resolve("2026-11-02-fr.rejects.ndjson"), h.rejects().resolve("crm-fr/2026-11-02-fr.rejects.ndjson"));
        assertSameFile(validated.resolve("2026-11-02-lines.rejects.ndjson"), h.rejects().resolve("2026-11-02-lines.rejects.ndjson"));
        assertThat(Files.readString(validated.resolve("2026-11-02-fr.rejects.ndjson"), StandardCharsets.UTF_8)).contains(CUSTOMER);
        assertThat(Records.ndjson(validated.resolve("2026-11-02-lines.rejects.ndjson")))
                .extracting(l -> l.path("line").asInt()).containsExactly(2);
    }

    private static void assertSameFile(Path validated, Path run) throws Exception {
        assertThat(validated).exists();
        assertThat(run).exists();
        assertThat(Files.readString(validated, StandardCharsets.UTF_8)).as(validated.getFileName().toString())
                .isEqualTo(Files.readString(run, StandardCharsets.UTF_8));
    }
}
