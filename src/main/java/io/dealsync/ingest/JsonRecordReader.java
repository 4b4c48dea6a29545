package io.dealsync.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Streams the referral objects of a JSON file; never holds more than one object's tree.
 *
 * <p>Shapes (docs/formats.md): a JSON array, an API page {@code {"value": [...], ...}} (other keys ignored,
 * before or after {@code value}), or NDJSON. {@code .ndjson}/{@code .jsonl} are always NDJSON; a
 * {@code .json} is told apart by its content: {@code [} is an array; {@code {} is a page when the object
 * has a {@code value} array, else NDJSON (one object per line; a lone object is a one-record file). A
 * first object spread over several lines that is not a page is read as a sequence of top-level objects.
 *
 * <p>Positions: the 1-based element index for an array or page, the physical line for NDJSON. An
 * element that is not an object is MALFORMED with its text kept; an NDJSON line that is not valid JSON
 * is MALFORMED and reading goes on with the next line; an array cut short keeps the objects before the
 * break and the break itself is one MALFORMED record, keeping the text read of it (up to 64 KB) in its
 * raw. A byte that is not text (a NUL, invalid UTF-8) inside a string or an NDJSON line makes that
 * element or line MALFORMED, naming line, column and byte, and reading goes on; one between the tokens
 * of an array breaks it there, as a file cut short. JSON is read as UTF-8 whatever the profile says
 * (RFC 8259); a string up to Jackson's 20 M-character limit is read (a 10 MB field fits).
 */
public final class JsonRecordReader implements RecordReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectReader LINE_READER = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** How the file holds its objects. */
    public enum Shape { EMPTY, ARRAY, PAGE, NDJSON, SEQUENCE }

    private final Path file;
    private final JsonDealMapper mapper = new JsonDealMapper();
    private Shape shape;
    private JsonParser parser;
    /** The text under the parser or the lines, noting bytes that are not text. */
    private DamageTrackingReader text;
    private BufferedReader lines;
    private long index;
    private long lineNo;

    private SourceRecord next;
    private boolean finished;
    /** A first object that could not be read at all, to hand out as the one record of the file. */
    private SourceRecord pending;

    /**
     * Opens the file and finds its shape.
     *
     * @throws UnreadableFileException when the file is binary or does not start like JSON
     */
    public JsonRecordReader(Path file, SourceProfile profile) throws UnreadableFileException {
        this.file = file;
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            int first = sniff(file);
            if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
                openLines();
            } else if (first < 0) {
                shape = Shape.EMPTY;
                finished = true;
            } else if (first == '[') {
                parser = MAPPER.createParser(openText());
                parser.nextToken();
                shape = Shape.ARRAY;
            } else if (first == '{') {
                detectObjectShape();
            } else {
                throw new UnreadableFileException(file.getFileName()
                        + " is not JSON: it must start with '[' (an array), '{' (a page or an object per line)");
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot read " + file.getFileName(), e);
        } catch (UnreadableFileException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The first significant byte (after a BOM and white space), -1 when there is none; refuses a file whose
     * first line holds a NUL (binary: the precheck's whole-file rule). A NUL further down is damage to
     * one record.
     */
    private int sniff(Path file) throws IOException, UnreadableFileException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
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
            while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
                i++;
            }
            if (i < head.length) {
                return head[i];
            }
            if (head.length < 64 * 1024) {
                return -1;
            }
            // 64 KB of white space: look further, streaming
            int c;
            while ((c = in.read()) >= 0) {
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    return c;
                }
            }
            return -1;
        }
    }

    /**
     * A {@code .json} starting with an object: scan the first object's top-level keys (streaming, values
     * skipped) for a {@code value} array. Found: a page, and the parser already sits on its first element.
     */
    private void detectObjectShape() throws IOException {
        JsonParser p = MAPPER.createParser(openText());
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
                    parser = p;
                    shape = Shape.PAGE;
                    return;
                }
                p.skipChildren();
            }
            int endLine = p.currentLocation().getLineNr();
            p.close();
            if (endLine == startLine) {
                openLines();
                return;
            }
        } catch (JsonProcessingException e) {
            p.close();
            text = null;
            JsonLocation at = e.getLocation();
            if (at == null || at.getLineNr() <= startLine) {
                openLines(); // NDJSON whose first line is broken: that line is malformed, the rest goes on
                return;
            }
            brokenReason = describe(e);
            brokenAt = at.getCharOffset();
        }
        // The first object spans lines (or breaks after its first line): NDJSON with a broken first line
        // when the next line is an object of its own, else pretty-printed objects one after another.
        if (nextLineIsObject(startLine)) {
            openLines();
        } else if (brokenReason == null) {
            shape = Shape.SEQUENCE;
            parser = MAPPER.createParser(openText());
        } else {
            shape = Shape.SEQUENCE;
            finished = true;
            pending = SourceRecord.malformedJson(startLine, "The object starting on line " + startLine
                    + " is not valid JSON (" + brokenReason + "); the file was not read further",
                    rawText(0, brokenAt), false);
        }
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
                    return LINE_READER.readTree(l).isObject();
                } catch (JsonProcessingException e) {
                    return false;
                }
            }
            return false;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void openLines() throws IOException {
        shape = Shape.NDJSON;
        lines = new BufferedReader(openText(), 1 << 16);
    }

    private DamageTrackingReader openText() throws IOException {
        text = new DamageTrackingReader(ReadProgress.open(file), StandardCharsets.UTF_8);
        return text;
    }

    /**
     * The text of the file from char {@code from} to {@code to} (to the end when negative), at most
     * {@link LineChunkReader#CAPTURE_MAX} chars: what a reviewer gets of an element cut short. Read again
     * from the file, so only a broken file pays for it.
     */
    private String rawText(long from, long to) {
        long want = to < 0 ? Long.MAX_VALUE : to - from;
        int max = (int) Math.max(0, Math.min(LineChunkReader.CAPTURE_MAX, want));
        try (DamageTrackingReader r = new DamageTrackingReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            r.skip(Math.max(0, from));
            char[] buf = new char[max];
            int n = 0;
            int k;
            while (n < max && (k = r.read(buf, n, max - n)) > 0) {
                n += k;
            }
            String raw = new String(buf, 0, n).strip();
            return raw.startsWith(",") ? raw.substring(1).strip() : raw; // the comma before the element
        } catch (IOException e) {
            return "";
        }
    }

    /** How the file holds its objects (known once it is open). */
    public Shape shape() {
        return shape;
    }

    /** Positions are physical lines (NDJSON, or objects one after another), not element indexes. */
    public boolean isNdjson() {
        return shape == Shape.NDJSON || shape == Shape.SEQUENCE;
    }

    @Override
    public List<String> header() {
        return List.of();
    }

    @Override
    public List<String> unknownColumns() {
        return List.of();
    }

    @Override
    public Kind kind() {
        return Kind.JSON;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            if (pending != null) {
                next = pending;
                pending = null;
            } else if (!finished) {
                try {
                    next = fetch();
                } catch (IOException e) {
                    finished = true;
                    throw new UncheckedIOException("Reading " + file.getFileName() + " failed", e);
                }
            }
        }
        return next != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        finished = true;
        try {
            if (parser != null) {
                parser.close();
            }
            if (lines != null) {
                lines.close();
            }
        } catch (IOException e) {
            // nothing left to read
        }
    }

    private SourceRecord fetch() throws IOException {
        return switch (shape) {
            case ARRAY, PAGE -> nextElement();
            case NDJSON -> nextLine();
            case SEQUENCE -> nextTopLevel();
            case EMPTY -> null;
        };
    }

    /** The next element of the array (or the page's value array); the end of the array ends the file. */
    private SourceRecord nextElement() {
        long pos = index + 1;
        long from = parser.currentLocation().getCharOffset();
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return broken(pos, "The JSON is cut short: the array never closes", from, -1);
            }
            if (t == JsonToken.END_ARRAY) {
                finished = true;
                return null;
            }
            index = pos;
            JsonNode node = parser.readValueAsTree();
            SourceRecord damaged = damaged(pos, "Element " + pos, from, node);
            if (damaged != null) {
                return damaged;
            }
            if (node == null || !node.isObject()) {
                return SourceRecord.malformedJson(pos, "Element " + pos + " is " + JsonDealMapper.shape(nullSafe(node))
                        + ", not an object", node == null ? "null" : node.toString(), false);
            }
            return mapper.map(pos, node);
        } catch (JsonEOFException e) {
            return broken(pos, "The JSON is cut short inside element " + pos + " (unexpected end of file)", from, -1);
        } catch (IOException e) {
            return broken(pos, "The JSON breaks at element " + pos + ": " + describe(e), from, charOffset(e));
        }
    }

    /** The value just read holds a byte that was not text: MALFORMED, and reading goes on after it. */
    private SourceRecord damaged(long pos, String what, long from, JsonNode node) {
        DamageTrackingReader.Damage d = text.takeChars(from, parser.currentLocation().getCharOffset());
        if (d == null) {
            return null;
        }
        String raw = node == null ? "null" : node.toString();
        return SourceRecord.malformedJson(pos, what + ": " + d.describe(text.charset()), raw, node != null && node.isObject());
    }

    /** The file breaks here: the record keeps the text read of it; nothing after it is read. */
    private SourceRecord broken(long pos, String reason, long from, long to) {
        finished = true;
        DamageTrackingReader.Damage d = text == null ? null : text.takeChars(from, to < 0 ? Long.MAX_VALUE : to + 1);
        if (d != null) {
            reason = d.describe(text.charset()) + "; " + reason;
        }
        return SourceRecord.malformedJson(pos, reason + "; the rest of the file was not read", rawText(from, to), false);
    }

    private static long charOffset(IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            long at = jpe.getLocation().getCharOffset();
            return at < 0 ? -1 : at + 1;
        }
        return -1;
    }

    /** The next non-blank NDJSON line. */
    private SourceRecord nextLine() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            DamageTrackingReader.Damage d = text.takeLines(lineNo, lineNo);
            if (d != null) {
                return SourceRecord.malformedJson(lineNo, "Line " + lineNo + ": " + d.what(text.charset()), line, false);
            }
            JsonNode node;
            try {
                node = LINE_READER.readTree(line);
            } catch (JsonProcessingException e) {
                return SourceRecord.malformedJson(lineNo, "Line " + lineNo + " is not valid JSON (" + describe(e) + ")",
                        line, false);
            }
            if (node == null || !node.isObject()) {
                return SourceRecord.malformedJson(lineNo, "Line " + lineNo + " is " + JsonDealMapper.shape(nullSafe(node))
                        + ", not an object", line, false);
            }
            return mapper.map(lineNo, node);
        }
        finished = true;
        return null;
    }

    /** The next top-level value of a file of objects written one after another over several lines. */
    private SourceRecord nextTopLevel() {
        long pos = 0;
        long from = parser.currentLocation().getCharOffset();
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                finished = true;
                return null;
            }
            pos = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            SourceRecord damaged = damaged(pos, "The value on line " + pos, from, node);
            if (damaged != null) {
                return damaged;
            }
            if (node == null || !node.isObject()) {
                return SourceRecord.malformedJson(pos, "The value on line " + pos + " is "
                        + JsonDealMapper.shape(nullSafe(node)) + ", not an object", node == null ? "null" : node.toString(), false);
            }
            return mapper.map(pos, node);
        } catch (IOException e) {
            long at = pos > 0 ? pos : lineOf(e);
            return broken(at, "The JSON breaks at line " + lineOf(e) + " (" + describe(e) + ")", from, charOffset(e));
        }
    }

    private static long lineOf(IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            return jpe.getLocation().getLineNr();
        }
        return 0;
    }

    private static JsonNode nullSafe(JsonNode n) {
        return n == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n;
    }

    /**
     * Jackson's own words without the text it quotes (it may quote a name or an email), and with the
     * position in the line.
     */
    static String describe(IOException e) {
        String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        msg = msg.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
        if (msg.length() > 160) {
            msg = msg.substring(0, 160) + "…";
        }
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            msg += " at column " + jpe.getLocation().getColumnNr();
        }
        return msg;
    }

    @Override
    public String toString() {
        return "JsonRecordReader[" + file.getFileName() + ", " + shape + "]";
    }
}
