package io.dealsync.review;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.dealsync.read.SourceRecord;
import io.dealsync.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reviewer file for JSON input: one line per record,
 * {@code {"index": N, "reasons": [{"code","field","message"}], "record": {...}}}.
 *
 * <p>The position key is {@code "line"} for NDJSON input (the physical line) and {@code "index"} for a
 * JSON array or API page (the 1-based position). Warning files use {@code "warnings"} for the list.
 * The original object is embedded as the reader kept it, not re-parsed (fast, and the reviewer gets back
 * exactly what the partner sent); only line breaks between its tokens become spaces, since NDJSON is one
 * record per line and a raw line break can only be whitespace in valid JSON. Text that is not an object
 * (or does not even look like one) goes under {@code "raw"} as a JSON string.
 */
public final class NdjsonRecordFileWriter extends RecordFileWriter {

    /** Position key for NDJSON input. */
    public static final String LINE = "line";
    /** Position key for a JSON array or page. */
    public static final String INDEX = "index";

    private static final JsonStringEncoder JSON = JsonStringEncoder.getInstance();

    private final String positionKey;

    /**
     * @param positionKey {@link #LINE} or {@link #INDEX}
     */
    public NdjsonRecordFileWriter(Path finalPath, Kind kind, String positionKey, long resumeOffset)
            throws IOException {
        super(finalPath, kind, resumeOffset, StandardCharsets.UTF_8);
        if (!LINE.equals(positionKey) && !INDEX.equals(positionKey)) {
            closeQuietly();
            throw new IllegalArgumentException("positionKey must be \"line\" or \"index\": " + positionKey);
        }
        this.positionKey = positionKey;
    }

    public String positionKey() {
        return positionKey;
    }

    @Override
    protected void writeRecord(SourceRecord rec, List<Violation> violations) throws IOException {
        out.write("{\"");
        out.write(positionKey);
        out.write("\":");
        out.write(Long.toString(rec.position()));
        out.write(",\"");
        out.write(kind().jsonKey());
        out.write("\":[");
        boolean first = true;
        for (Violation v : violations) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write("{\"code\":");
            string(v.code());
            out.write(",\"field\":");
            string(v.field());
            out.write(",\"message\":");
            string(message(v));
            out.write('}');
        }
        out.write("],");
        String raw = rec.rawJson();
        if (raw == null) {
            out.write("\"raw\":null");
        } else if (rec.rawIsObject() && looksLikeObject(raw)) {
            out.write("\"record\":");
            out.write(oneLine(raw));
        } else {
            out.write("\"raw\":");
            string(raw);
        }
        out.write("}\n");
    }

    private void string(String s) throws IOException {
        out.write('"');
        if (s != null) {
            out.write(JSON.quoteAsString(s));
        }
        out.write('"');
    }

    /** Cheap guard instead of a re-parse: a JSON object starts with '{' and ends with '}'. */
    private static boolean looksLikeObject(String raw) {
        int a = 0;
        int b = raw.length() - 1;
        while (a <= b && Character.isWhitespace(raw.charAt(a))) {
            a++;
        }
        while (b >= a && Character.isWhitespace(raw.charAt(b))) {
            b--;
        }
        return a < b && raw.charAt(a) == '{' && raw.charAt(b) == '}';
    }

    private static String oneLine(String raw) {
        String s = raw.strip();
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
