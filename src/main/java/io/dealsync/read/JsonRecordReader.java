package io.dealsync.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Streams the referral objects of a JSON file; never holds more than one object's tree.
 *
 * <p>Shapes (docs/formats.md): a JSON array, an API page {@code {"value": [...], ...}} (other keys ignored,
 * before or after {@code value}), or NDJSON, told apart as {@link JsonShapeDetector} says. A first object
 * spread over several lines that is not a page is read as a sequence of top-level objects.
 *
 * <p>Positions: the 1-based element index for an array or page, the physical line for NDJSON. An
 * element that is not an object is MALFORMED with its text kept; an NDJSON line that is not valid JSON
 * is MALFORMED and reading goes on with the next line; an array cut short keeps the objects before the
 * break and the break itself is one MALFORMED record, keeping the text read of it (up to 64 KB) in its
 * raw. A byte that is not text (a NUL, invalid UTF-8) inside a string or an NDJSON line makes that
 * element or line MALFORMED, naming line, column and byte, and reading goes on; one between the tokens
 * of an array breaks it there, as a file cut short. JSON is read as UTF-8 whatever the profile says
 * (RFC 8259); a string up to Jackson's 20 M-character limit is read (a 10 MB field fits). A clean array
 * or page is read from bytes ({@link JsonFastElements}); the char path takes over where it is unsure.
 */
public final class JsonRecordReader extends PrefetchingRecordReader {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final ObjectReader LINE_READER = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** How the file holds its objects. */
    public enum Shape { EMPTY, ARRAY, PAGE, NDJSON, SEQUENCE }

    private final Path file;
    private final JsonDealMapper mapper = new JsonDealMapper();
    private final Shape shape;
    /** The parser of an array, a page or a sequence; null for NDJSON. */
    private JsonParser parser;
    /** The text under the parser or the lines, noting bytes that are not text. */
    private DamageTrackingReader text;
    /** The text the parser reads, kept from the element being read on; null for NDJSON. */
    private JsonTextWindow window;
    /** The clean objects of an array or page read from bytes, until the first it is unsure of; else null. */
    private JsonFastElements fast;
    private final BufferedReader lines;
    private long index;
    private long lineNo;
    /** A first object that could not be read at all, to hand out as the one record of the file. */
    private SourceRecord brokenFirst;

    /**
     * Opens the file and finds its shape.
     *
     * @throws UnreadableFileException when the file is binary or does not start like JSON
     */
    public JsonRecordReader(Path file, SourceProfile profile) throws UnreadableFileException {
        super(file.getFileName().toString(), Kind.JSON);
        this.file = file;
        JsonShapeDetector.OpenJson open;
        try {
            open = JsonShapeDetector.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getFileName(), e);
        }
        shape = open.shape();
        use(open);
        lines = shape == Shape.NDJSON ? new BufferedReader(text, 1 << 16) : null;
        brokenFirst = open.brokenFirst();
        if (shape == Shape.ARRAY || shape == Shape.PAGE) {
            fast = JsonFastElements.open(file, shape);
            if (fast != null) {
                closeChars(); // opened again if the byte path is ever unsure
            }
        }
    }

    private void use(JsonShapeDetector.OpenJson open) {
        parser = open.parser();
        text = open.text();
        window = open.window();
    }

    /** How the file holds its objects (known once it is open). */
    public Shape shape() {
        return shape;
    }

    /** Positions are physical lines (NDJSON, or objects one after another), not element indexes. */
    public boolean isNdjson() {
        return shape == Shape.NDJSON || shape == Shape.SEQUENCE;
    }

    /** JSON has no header row: its keys are matched per object ({@link JsonDealMapper}). */
    @Override
    protected HeaderColumns columns() {
        return HeaderColumns.NONE;
    }

    @Override
    protected void closeInput() {
        if (fast != null) {
            fast.close();
        }
        closeChars();
        try {
            if (lines != null) {
                lines.close();
            }
        } catch (IOException e) {
            // nothing left to read
        }
    }

    private void closeChars() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // nothing left to read
        }
    }

    @Override
    protected SourceRecord fetch() throws IOException {
        if (brokenFirst != null) {
            finish();
            return brokenFirst;
        }
        return switch (shape) {
            case ARRAY, PAGE -> fast != null ? nextFast() : nextElement();
            case NDJSON -> nextLine();
            case SEQUENCE -> nextTopLevel();
            case EMPTY -> null;
        };
    }

    /**
     * The next element from the byte path; where it is unsure, the char path takes over from there: the
     * file opened again as text, the elements already handed out read past, so every reason, position
     * and text of a damaged file is the char path's.
     */
    private SourceRecord nextFast() throws IOException {
        try {
            SourceRecord r = fast.next(index + 1, mapper);
            if (r != null) {
                index++;
            }
            return r;
        } catch (JsonFastElements.Unsure e) {
            fast.close();
            fast = null;
            JsonShapeDetector.OpenJson open;
            try {
                open = JsonShapeDetector.open(file);
            } catch (UnreadableFileException u) {
                throw new IOException(file.getFileName() + " changed while it was read", u);
            }
            use(open);
            long done = index;
            index = 0;
            while (index < done) { // clean, read before: only the positions and the damage queue move on
                SourceRecord again = nextElement();
                if (again == null || again.isMalformed()) {
                    throw new IOException(file.getFileName() + " changed while it was read");
                }
            }
            return nextElement();
        }
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
                return null;
            }
            index = pos;
            long start = parser.currentTokenLocation().getCharOffset();
            return record(pos, "Element " + pos, from, start, parser.readValueAsTree());
        } catch (JsonEOFException e) {
            return broken(pos, "The JSON is cut short inside element " + pos + " (unexpected end of file)", from, -1);
        } catch (IOException e) {
            return broken(pos, "The JSON breaks at element " + pos + ": " + JsonBreaks.describe(e), from,
                    JsonBreaks.charAfter(e));
        }
    }

    /** The next top-level value of a file of objects written one after another over several lines. */
    private SourceRecord nextTopLevel() {
        long pos = 0;
        long from = parser.currentLocation().getCharOffset();
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return null;
            }
            pos = parser.currentTokenLocation().getLineNr();
            long start = parser.currentTokenLocation().getCharOffset();
            return record(pos, "The value on line " + pos, from, start, parser.readValueAsTree());
        } catch (IOException e) {
            long at = pos > 0 ? pos : JsonBreaks.lineOf(e);
            return broken(at, "The JSON breaks at line " + JsonBreaks.lineOf(e) + " (" + JsonBreaks.describe(e) + ")",
                    from, JsonBreaks.charAfter(e));
        }
    }

    /**
     * The value the parser just read from char {@code from} (its first token at {@code start}): its record,
     * or MALFORMED when it holds a byte that was not text or is not an object ({@code what} names it in the
     * reason); reading goes on after it.
     */
    private SourceRecord record(long pos, String what, long from, long start, JsonNode node) {
        long end = parser.currentLocation().getCharOffset();
        DamageTrackingReader.Damage d = text.takeChars(from, end);
        String source = d == null && node != null && node.isObject() ? window.text(start, end) : null;
        window.forget(end);
        if (d != null) {
            return SourceRecord.malformedJson(pos, what + ": " + d.describe(text.charset()), textOf(node),
                    node != null && node.isObject());
        }
        if (node == null || !node.isObject()) {
            return SourceRecord.malformedJson(pos, what + " is " + JsonDealMapper.shape(nullSafe(node))
                    + ", not an object", textOf(node), false);
        }
        return mapper.map(pos, node, JsonSourceText.of(source));
    }

    private static String textOf(JsonNode node) {
        return node == null ? "null" : node.toString();
    }

    /** The file breaks here: the record keeps the text read of it; nothing after it is read. */
    private SourceRecord broken(long pos, String reason, long from, long to) {
        finish();
        DamageTrackingReader.Damage d = text == null ? null : text.takeChars(from, to < 0 ? Long.MAX_VALUE : to + 1);
        if (d != null) {
            reason = d.describe(text.charset()) + "; " + reason;
        }
        return SourceRecord.malformedJson(pos, reason + "; the rest of the file was not read",
                JsonBreaks.rawText(file, from, to), false);
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
                return SourceRecord.malformedJson(lineNo, "Line " + lineNo + " is not valid JSON ("
                        + JsonBreaks.describe(e) + ")", line, false);
            }
            if (node == null || !node.isObject()) {
                return SourceRecord.malformedJson(lineNo, "Line " + lineNo + " is " + JsonDealMapper.shape(nullSafe(node))
                        + ", not an object", line, false);
            }
            return mapper.map(lineNo, node, JsonSourceText.of(line));
        }
        return null;
    }

    private static JsonNode nullSafe(JsonNode n) {
        return n == null ? NullNode.getInstance() : n;
    }

    @Override
    public String toString() {
        return "JsonRecordReader[" + file.getFileName() + ", " + shape + "]";
    }
}
