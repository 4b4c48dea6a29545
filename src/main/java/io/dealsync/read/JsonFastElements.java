package io.dealsync.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.dealsync.read.JsonRecordReader.Shape;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The objects of a clean array or page, read with Jackson's byte parser: it decodes UTF-8 itself, about
 * twice as fast as the JDK decoder under the char parser, which was a third of reading B2
 * (docs/quality.md). It only hands out what it is sure of: an object read from bytes that were all clean
 * text ({@link JsonByteWindow}). Anything else (damage, an element that is not an object, a break, a
 * file cut short) is {@link Unsure}: the reader goes on from there with the char path, which says why
 * in its own words, so the two cannot disagree on a damaged file.
 */
final class JsonFastElements implements AutoCloseable {
    /** This element needs the char path. */
    static final class Unsure extends Exception {
        Unsure() {
            super(null, null, false, false);
        }
    }

    private final JsonParser parser;
    private final JsonByteWindow window;

    private JsonFastElements(JsonParser parser, JsonByteWindow window) {
        this.parser = parser;
        this.window = window;
    }

    /**
     * The byte parser on the first element of the array ({@code ARRAY}) or of the page's {@code value}
     * array ({@code PAGE}), as the detector found it; null when it cannot be placed there.
     */
    static JsonFastElements open(Path file, Shape shape) {
        JsonByteWindow window = null;
        JsonParser p = null;
        try {
            window = new JsonByteWindow(ReadProgress.open(file));
            p = JsonRecordReader.MAPPER.createParser(window);
            JsonToken first = p.nextToken();
            if (shape == Shape.ARRAY && first == JsonToken.START_ARRAY) {
                return new JsonFastElements(p, window);
            }
            if (shape == Shape.PAGE && first == JsonToken.START_OBJECT) {
                String field;
                while ((field = p.nextFieldName()) != null) {
                    JsonToken t = p.nextToken();
                    if ("value".equals(field) && t == JsonToken.START_ARRAY) {
                        return new JsonFastElements(p, window);
                    }
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // not clean, or not where the detector said: the char path reads it
        }
        closeQuietly(p);
        if (p == null && window != null) {
            try {
                window.close();
            } catch (IOException e) {
                // nothing left to read
            }
        }
        return null;
    }

    /** The next element, an object, as its record; null at the end of the array. */
    SourceRecord next(long pos, JsonDealMapper mapper) throws Unsure {
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new Unsure();
            }
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode node = parser.readValueAsTree();
            long end = parser.currentLocation().getByteOffset();
            byte[] source = window.bytes(start, end);
            window.forget(end);
            return mapper.map(pos, node, JsonSourceText.of(source));
        } catch (IOException e) {
            throw new Unsure();
        }
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static void closeQuietly(JsonParser p) {
        try {
            if (p != null) {
                p.close();
            }
        } catch (IOException e) {
            // nothing left to read
        }
    }
}
