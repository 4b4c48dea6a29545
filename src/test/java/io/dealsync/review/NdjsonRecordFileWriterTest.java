package io.dealsync.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.read.RecordReader;
import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonRecordFileWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Violation err(String code, String field, String message) {
        return new Violation(code, field, message, Severity.ERROR, "R1");
    }

    private static List<JsonNode> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not one JSON object per line: " + l, e);
            }
        }).toList();
    }

    @Test
    void arrayInputUsesIndexAndEmbedsTheOriginalObject() throws IOException {
        Path target = dir.resolve("page.rejects.ndjson");
        String raw = "{\n  \"id\": \"R-1\",\n  \"name\": \"Deal \\\"x\\\"\",\n  \"details\": {\"dealValue\": 12.5}\n}";
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, List.of(), 0)) {
            w.write(SourceRecord.json(4, new Deal(), raw, Set.of()),
                    List.of(err("REQUIRED_FIELD", "Location", "Location is required"),
                            err("INVALID_VALUE", "Currency", "Currency \"XYZ\" is unknown")));
            w.complete();
        }
        List<JsonNode> out = lines(target);
        assertThat(out).hasSize(1);
        JsonNode n = out.get(0);
        assertThat(n.fieldNames().next()).isEqualTo("index");
        assertThat(n.get("index").asLong()).isEqualTo(4);
        assertThat(n.get("reasons")).hasSize(2);
        assertThat(n.get("reasons").get(0).get("code").asText()).isEqualTo("REQUIRED_FIELD");
        assertThat(n.get("reasons").get(0).get("field").asText()).isEqualTo("Location");
        assertThat(n.get("reasons").get(1).get("message").asText()).isEqualTo("Currency \"XYZ\" is unknown");
        assertThat(n.get("record")).isEqualTo(JSON.readTree(raw));
        assertThat(n.has("raw")).isFalse();
    }

    @Test
    void ndjsonInputUsesLineAndNonObjectsGoUnderRaw() throws IOException {
        Path target = dir.resolve("feed.rejects.ndjson");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, List.of(), 0,
                NdjsonRecordFileWriter.LINE)) {
            w.write(SourceRecord.malformedJson(7, "line 7 is not a JSON object", "[1, 2, \"three\"]", false), List.of());
            w.write(SourceRecord.malformedJson(9, "unexpected end of input", "{\"id\": \"R-2\", \"na", false),
                    List.of(err("MALFORMED_RECORD", "", "unexpected end of input")));
            w.write(SourceRecord.malformedJson(11, "object that says it is one but is not", "{\"a\": 1", true), List.of());
            w.complete();
        }
        List<JsonNode> out = lines(target);
        assertThat(out).hasSize(3);
        assertThat(out.get(0).fieldNames().next()).isEqualTo("line");
        assertThat(out.get(0).get("line").asLong()).isEqualTo(7);
        assertThat(out.get(0).get("raw").asText()).isEqualTo("[1, 2, \"three\"]");
        assertThat(out.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("MALFORMED_RECORD");
        assertThat(out.get(0).get("reasons").get(0).get("message").asText()).isEqualTo("line 7 is not a JSON object");
        assertThat(out.get(0).has("record")).isFalse();
        assertThat(out.get(1).get("raw").asText()).isEqualTo("{\"id\": \"R-2\", \"na");
        assertThat(out.get(2).get("raw").asText()).isEqualTo("{\"a\": 1");
    }

    @Test
    void warningFilesUseTheWarningsKey() throws IOException {
        Path target = dir.resolve("page.warnings.ndjson");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.WARNINGS, List.of(), 0)) {
            w.write(SourceRecord.json(1, new Deal(), "{\"id\":\"R-1\"}", Set.of()), List.of(
                    new Violation("WON_TOO_SOON", "Partner Referral Status", "won within 72 hours", Severity.WARNING, "R61")));
            w.complete();
        }
        JsonNode n = lines(target).get(0);
        assertThat(n.has("reasons")).isFalse();
        assertThat(n.get("warnings").get(0).get("code").asText()).isEqualTo("WON_TOO_SOON");
        assertThat(n.get("record").get("id").asText()).isEqualTo("R-1");
    }

    @Test
    void resumeDropsLinesAfterTheOffset() throws IOException {
        Path target = dir.resolve("r.rejects.ndjson");
        RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, List.of(), 0, "line");
        w.write(SourceRecord.json(1, new Deal(), "{\"id\":\"kept\"}", Set.of()), List.of(err("X", "", "m")));
        long offset = w.flush();
        w.write(SourceRecord.json(2, new Deal(), "{\"id\":\"lost\"}", Set.of()), List.of(err("X", "", "m")));
        w.flush();
        w.abort();
        try (RecordFileWriter again = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, List.of(), offset, "line")) {
            again.write(SourceRecord.json(2, new Deal(), "{\"id\":\"again\"}", Set.of()), List.of(err("X", "", "m")));
            again.complete();
        }
        List<JsonNode> out = lines(target);
        assertThat(out).extracting(n -> n.get("record").get("id").asText()).containsExactly("kept", "again");
    }

    @Test
    void suffixFollowsTheInputKind() {
        assertThat(RecordFileWriter.Kind.REJECTS.suffix(RecordReader.Kind.CSV)).isEqualTo(".rejects.csv");
        assertThat(RecordFileWriter.Kind.REJECTS.suffix(RecordReader.Kind.JSON)).isEqualTo(".rejects.ndjson");
        assertThat(RecordFileWriter.Kind.WARNINGS.suffix(RecordReader.Kind.CSV)).isEqualTo(".warnings.csv");
        assertThat(RecordFileWriter.Kind.WARNINGS.suffix(RecordReader.Kind.JSON)).isEqualTo(".warnings.ndjson");
    }
}
