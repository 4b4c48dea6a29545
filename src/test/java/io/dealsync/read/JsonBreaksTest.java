package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonBreaksTest {
    @TempDir
    Path dir;

    private static JsonProcessingException failureOf(String json) {
        try {
            JsonRecordReader.LINE_READER.readTree(json);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("valid JSON: " + json);
    }

    @Test
    void jacksonsWordsLoseTheTextTheyQuote() {
        JsonProcessingException e = failureOf("{\"email\": jane.doe@example.com}");

        String d = JsonBreaks.describe(e);

        assertThat(d).doesNotContain("jane").endsWith(" at column " + e.getLocation().getColumnNr());
        assertThat(JsonBreaks.lineOf(e)).isEqualTo(1);
        assertThat(JsonBreaks.charAfter(e)).isEqualTo(e.getLocation().getCharOffset() + 1);
    }

    @Test
    void aFailureWithoutAPositionSaysNone() {
        IOException e = new IOException();

        assertThat(JsonBreaks.describe(e)).isEqualTo("IOException");
        assertThat(JsonBreaks.lineOf(e)).isZero();
        assertThat(JsonBreaks.charAfter(e)).isEqualTo(-1);
    }

    @Test
    void theRawTextOfABreakDropsTheCommaBeforeTheElement() throws IOException {
        Path p = dir.resolve("a.json");
        Files.writeString(p, "[{\"id\":1} , {\"id\":");

        assertThat(JsonBreaks.rawText(p, 9, -1)).isEqualTo("{\"id\":");
        assertThat(JsonBreaks.rawText(p, 1, 9)).isEqualTo("{\"id\":1}");
        assertThat(JsonBreaks.rawText(dir.resolve("gone.json"), 0, -1)).isEmpty();
    }
}
