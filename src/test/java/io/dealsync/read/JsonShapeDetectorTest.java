package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.read.JsonRecordReader.Shape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonShapeDetectorTest {
    @TempDir
    Path dir;

    private JsonShapeDetector.OpenJson open(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        JsonShapeDetector.OpenJson o = JsonShapeDetector.open(p);
        if (o.parser() != null) {
            o.parser().close();
        } else if (o.text() != null) {
            o.text().close();
        }
        return o;
    }

    @Test
    void theContentOfAJsonFileTellsItsShape() throws Exception {
        assertThat(open("a.json", " \n[{\"id\":1}]").shape()).isEqualTo(Shape.ARRAY);
        assertThat(open("p.json", "{\"@odata.count\":1,\"value\":[{\"id\":1}]}").shape()).isEqualTo(Shape.PAGE);
        assertThat(open("n.json", "{\"id\":1}\n{\"id\":2}\n").shape()).isEqualTo(Shape.NDJSON);
        assertThat(open("s.json", "{\n\"id\":1\n}\n{\n\"id\":2\n}\n").shape()).isEqualTo(Shape.SEQUENCE);
        assertThat(open("e.json", "\uFEFF  \n").shape()).isEqualTo(Shape.EMPTY);
    }

    @Test
    void ndjsonExtensionsAreNdjsonWhateverTheyHold() throws Exception {
        assertThat(open("a.ndjson", "[1]").shape()).isEqualTo(Shape.NDJSON);
        assertThat(open("a.jsonl", "").shape()).isEqualTo(Shape.NDJSON);
    }

    @Test
    void aPageParserSitsOnTheFirstElement() throws Exception {
        Path p = dir.resolve("p.json");
        Files.writeString(p, "{\"value\":[{\"id\":1}]}");
        JsonShapeDetector.OpenJson o = JsonShapeDetector.open(p);
        try {
            assertThat(o.parser().nextToken()).hasToString("START_OBJECT");
        } finally {
            o.parser().close();
        }
    }

    @Test
    void aFirstObjectBrokenAfterItsFirstLineIsTheOneRecordOfTheFile() throws Exception {
        JsonShapeDetector.OpenJson o = open("b.json", "{\n\"id\": 1,\n oops\n}\n");

        assertThat(o.shape()).isEqualTo(Shape.SEQUENCE);
        assertThat(o.parser()).isNull();
        assertThat(o.brokenFirst().position()).isEqualTo(1);
        assertThat(o.brokenFirst().malformed()).startsWith("The object starting on line 1 is not valid JSON (")
                .endsWith("); the file was not read further");
        assertThat(o.brokenFirst().rawJson()).startsWith("{\n\"id\": 1,");
    }

    @Test
    void aFileThatIsNotJsonIsUnreadable() {
        assertThatThrownBy(() -> open("x.json", "id,name\n")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("x.json is not JSON: it must start with '[' (an array), '{' (a page or an object per line)");
        assertThatThrownBy(() -> open("z.json", "[\u0000]\n")).isInstanceOf(UnreadableFileException.class)
                .hasMessage("z.json is not a text file (NUL byte at offset 1)");
    }
}
