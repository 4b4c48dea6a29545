package io.dealsync.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A JSON record's text for the reject and warning files, made only when one asks for it: most records are
 * stored, and re-serialising every object would cost the JSON path a good part of its time. A record keeps
 * the text it was parsed from (a String, or the clean UTF-8 bytes of the byte path), not its tree: the
 * trees of the chunks in flight were what filled the old generation on B2 at -Xmx256m (docs/quality.md).
 * That text is parsed again with the same mapper, so it gives the same tree, hence the same JSON text.
 */
final class JsonSourceText {
    private JsonSourceText() {
    }

    /** The tree's own text (a tree that was not parsed from a text at hand). */
    static Supplier<String> of(JsonNode tree) {
        return tree::toString;
    }

    static Supplier<String> of(String source) {
        return () -> {
            try {
                return JsonRecordReader.MAPPER.readTree(source).toString();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("JSON text parsed once no longer parses", e);
            }
        };
    }

    static Supplier<String> of(byte[] utf8) {
        return () -> {
            try {
                return JsonRecordReader.MAPPER.readTree(utf8).toString();
            } catch (IOException e) {
                throw new UncheckedIOException("JSON text parsed once no longer parses", e);
            }
        };
    }
}
