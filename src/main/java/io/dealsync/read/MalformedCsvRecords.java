package io.dealsync.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * The MALFORMED records of a CSV file (docs/formats.md): a row holding a byte that is not text, and a
 * record commons-csv could not split (broken quoting, a quote that never closes, a record over the length
 * limit). Each names what broke and keeps the text for the reject file; reading goes on where it can.
 */
final class MalformedCsvRecords {
    /** A record that could not be split, and whether the file ends with it (else a new parser goes on). */
    record Broken(SourceRecord record, boolean endsFile) {
    }

    private final LineChunkReader chunks;
    /** The decoder under the chunks, noting bytes that are not text; null for text given as a Reader. */
    private final DamageTrackingReader text;
    private final HeaderColumns columns;
    private final RowDealMapper rows;
    private final long maxRecordChars;

    MalformedCsvRecords(LineChunkReader chunks, DamageTrackingReader text, HeaderColumns columns, RowDealMapper rows,
            long maxRecordChars) {
        this.chunks = chunks;
        this.text = text;
        this.columns = columns;
        this.rows = rows;
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * The row read from {@code line} to {@code lastLine} as MALFORMED when it holds a byte that is not text
     * (its cells as read, U+FFFD for the byte); null when it holds none.
     */
    SourceRecord damaged(long line, long lastLine, CSVRecord r) {
        if (text == null) {
            return null;
        }
        DamageTrackingReader.Damage d = text.takeLines(line, Math.max(line, lastLine));
        if (d == null) {
            return null;
        }
        List<String> cells = new ArrayList<>(Math.max(r.size(), columns.width()));
        for (String c : r) {
            cells.add(CsvRecordReader.unescapeFormula(c));
        }
        rows.padToHeader(cells);
        return SourceRecord.malformedCsv(line, d.describe(text.charset()), Collections.unmodifiableList(cells));
    }

    /**
     * The record starting at {@code line} that commons-csv failed on at {@code errorLine}: MALFORMED, and
     * the rest of its line dropped so that a new parser starts at the next line (or the file ends).
     */
    Broken broken(long line, long errorLine) {
        boolean endsFile;
        String reason;
        if (chunks.limitHit()) {
            endsFile = true;
            reason = "The record starting on this line is longer than " + maxRecordChars
                    + " characters (a quote that never closes?); the rest of the file was not read";
        } else if (chunks.eofReached()) {
            endsFile = true;
            reason = "A quote opened in this record never closes: the rest of the file (from line " + line
                    + ") is one broken record";
        } else {
            endsFile = !skipRestOfLine();
            reason = "Broken quoting: a quoted cell must be followed by the delimiter or the end of the line"
                    + (errorLine > line ? " (the record runs from line " + line + " to line " + errorLine
                            + "; a quote probably never closes)" : "");
            endsFile |= chunks.atEnd();
        }
        if (text != null) {
            DamageTrackingReader.Damage d = text.takeLines(line, endsFile ? Long.MAX_VALUE : chunks.lineBreaks());
            if (d != null) {
                reason = d.describe(text.charset()) + "; " + reason;
            }
        }
        String raw = stripEol(chunks.captured());
        return new Broken(SourceRecord.malformedCsv(line, reason, rawCells(raw)), endsFile);
    }

    /** False when the file system failed: nothing more can be read. */
    private boolean skipRestOfLine() {
        try {
            chunks.skipRestOfLine();
            return true;
        } catch (IOException io) {
            return false;
        }
    }

    /**
     * The text of a record that could not be split into cells, as a row for the reject file: all of it in
     * the first data column (not in Errors/Reason Codes/Line, which the reject writer replaces).
     */
    private List<String> rawCells(String raw) {
        int width = Math.max(1, columns.width());
        int at = columns.firstDataColumn();
        List<String> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            cells.add(i == at ? raw : "");
        }
        return Collections.unmodifiableList(cells);
    }

    private static String stripEol(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '\n' || s.charAt(e - 1) == '\r')) {
            e--;
        }
        return s.substring(0, e);
    }
}
