package io.dealsync.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.dealsync.read.JsonRecordReader.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a JSON file and tells how it holds its objects (docs/formats.md, "JSON (in)"): {@code .ndjson} and
 * {@code .jsonl} are NDJSON; a {@code .json} starting with {@code [} is an array; one starting with
 * {@code {} is a page when that object has a {@code value} array, NDJSON when the object fits on its
 * first line or the next line is an object of its own, else objects written one after another.
 */
final class JsonShapeDetector {
    private static final int HEAD = 64 * 1024;

    /**
     * The file, open: its shape; the parser (array, page: on the first element; sequence), else null; the
     * text under the parser or the lines; the window over that text the parser reads through (with the
     * parser); a first object that could not be read at all, to hand out as the one record of the file,
     * else null.
     */
    record OpenJson(Shape shape, JsonParser parser, DamageTrackingReader text, JsonTextWindow window,
            SourceRecord brokenFirst) {
    }

    private final Path file;

    private JsonShapeDetector(Path file) {
        this.file = file;
    }

    /** @throws UnreadableFileException when the file is binary or does not start like JSON */
    static OpenJson open(Path file) throws IOException, UnreadableFileException {
        return new JsonShapeDetector(file).open();
    }

    private OpenJson open() throws IOException, UnreadableFileException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int first = firstSignificantByte();
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return lines();
        }
        if (first < 0) {
            return new OpenJson(Shape.EMPTY, null, null, null, null);
        }
        if (first == '[') {
            DamageTrackingReader text = openText();
            JsonTextWindow window = new JsonTextWindow(text);
            JsonParser parser = JsonRecordReader.MAPPER.createParser(window);
            try {
                parser.nextToken();
            } catch (IOException e) {
                parser.close();
                throw e;
            }
            return new OpenJson(Shape.ARRAY, parser, text, window, null);
        }
        if (first == '{') {
            return objectShape();
        }
        throw new UnreadableFileException(file.getFileName()
                + " is not JSON: it must start with '[' (an array), '{' (a page or an object per line)");
    }

    /**
     * The first significant byte (after a BOM and white space), -1 when there is none; refuses a file whose
     * first line holds a NUL (binary: the precheck's whole-file rule). A NUL further down is damage to
     * one record.
     */
    private int firstSignificantByte() throws IOException, UnreadableFileException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEAD);
            int i = 0;
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                i = 3;
            }
            for (int j = 0; j < head.length && head[j] != '\n' && head[j] != '\r'; j++) {
                if (head[j] == 0) {
                    throw new UnreadableFileException(file.getFileName() + " is not a text file (NUL byte at offset "
                            + j + ")");
                }
            }
            while (i < head.length && isWhiteSpace(head[i])) {
                i++;
            }
            if (i < head.length) {
                return head[i];
            }
            if (head.length < HEAD) {
                return -1;
            }
            // 64 KB of white space: look further, streaming
            int c;
            while ((c = in.read()) >= 0) {
                if (!isWhiteSpace(c)) {
                    return c;
                }
            }
            return -1;
        }
    }

    private static boolean isWhiteSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /**
     * A {@code .json} starting with an object: scan the first object's top-level keys (streaming, values
     * skipped) for a {@code value} array. Found: a page, and the parser already sits on its first element.
     */
    private OpenJson objectShape() throws IOException {
        DamageTrackingReader text = openText();
        JsonTextWindow window = new JsonTextWindow(text);
        JsonParser p = JsonRecordReader.MAPPER.createParser(window);
        int startLine = 1;
        String brokenReason = null;
        long brokenAt = -1;
        try {
            p.nextToken();
            startLine = p.currentTokenLocation().getLineNr();
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if ("value".equals(field) && t == JsonToken.START_ARRAY) {
                    return new OpenJson(Shape.PAGE, p, text, window, null);
                }
                p.skipChildren();
            }
            int endLine = p.currentLocation().getLineNr();
            p.close();
            if (endLine == startLine) {
                return lines();
            }
        } catch (JsonProcessingException e) {
            p.close();
            JsonLocation at = e.getLocation();
            if (at == null || at.getLineNr() <= startLine) {
                return lines(); // NDJSON whose first line is broken: that line is malformed, the rest goes on
            }
            brokenReason = JsonBreaks.describe(e);
            brokenAt = at.getCharOffset();
        }
        // The first object spans lines (or breaks after its first line): NDJSON with a broken first line
        // when the next line is an object of its own, else pretty-printed objects one after another.
        if (nextLineIsObject(startLine)) {
            return lines();
        }
        if (brokenReason == null) {
            DamageTrackingReader sequence = openText();
            JsonTextWindow seqWindow = new JsonTextWindow(sequence);
            return new OpenJson(Shape.SEQUENCE, JsonRecordReader.MAPPER.createParser(seqWindow), sequence, seqWindow, null);
        }
        return new OpenJson(Shape.SEQUENCE, null, null, null, SourceRecord.malformedJson(startLine, "The object starting on line "
                + startLine + " is not valid JSON (" + brokenReason + "); the file was not read further",
                JsonBreaks.rawText(file, 0, brokenAt), false));
    }

    /** The first non-blank line after {@code line} is a whole JSON object by itself. */
    private boolean nextLineIsObject(int line) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            int n = 0;
            while ((l = r.readLine()) != null) {
                n++;
                if (n <= line || l.isBlank()) {
                    continue;
                }
                try {
                    return JsonRecordReader.LINE_READER.readTree(l).isObject();
                } catch (JsonProcessingException e) {
                    return false;
                }
            }
            return false;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private OpenJson lines() throws IOException {
        return new OpenJson(Shape.NDJSON, null, openText(), null, null);
    }

    private DamageTrackingReader openText() throws IOException {
        return new DamageTrackingReader(ReadProgress.open(file), StandardCharsets.UTF_8);
    }
}
