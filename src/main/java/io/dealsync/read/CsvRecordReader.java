package io.dealsync.read;

import io.dealsync.model.Hash64;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file (canonical, or a CRM export read through its {@link SourceProfile}).
 *
 * <p>What docs/formats.md asks of the file's shape: a BOM is dropped (and a UTF-8 BOM means UTF-8, whatever
 * the profile's encoding); CRLF, LF and CR all end lines; quoted cells may hold delimiters and line breaks;
 * the header's columns are matched as {@link HeaderColumns} says. A row with fewer cells has its missing
 * trailing cells empty; more cells, or a quote that never closes, give a MALFORMED record and reading goes
 * on at the next line (an unclosed quote that runs to the end of the file gives one). A byte that cannot
 * be text (a NUL, a sequence invalid in the encoding) makes its record MALFORMED, naming line, column and
 * byte, and reading goes on; the header holding one makes the file unreadable ({@link MalformedCsvRecords}).
 * A record's position is the physical line where it starts. Blank rows (no cell holds anything) are not
 * records: spreadsheets leave them at the end. Values go through the profile ({@link RowDealMapper}).
 */
public final class CsvRecordReader extends PrefetchingRecordReader {
    /**
     * The longest record read, in characters: far above a 10 MB field, low enough that an unclosed quote
     * in a large file cannot exhaust a small heap. A longer record is MALFORMED and ends the file.
     */
    public static final long MAX_RECORD_CHARS = 16L * 1024 * 1024;

    private final SourceProfile profile;
    private final LineChunkReader chunks;
    /** The decoder under the chunks, noting bytes that are not text; null for text given as a Reader. */
    private final DamageTrackingReader text;
    private final CSVFormat format;
    /** A new parser after each broken record: commons-csv cannot go on after one. */
    private CSVParser parser;
    private Iterator<CSVRecord> rows;
    /** Line breaks before the current parser's first line. */
    private long lineBase;

    private final HeaderColumns columns;
    private final RowDealMapper mapper;
    private final MalformedCsvRecords malformed;
    /** The seed of this file's row hashes: the header, the profile's reading, the fast path's version. */
    private final long rowSeed;
    /** The row fast path (null: every row goes through commons-csv): see {@link #recognise}. */
    private RecognisedRows recognised;
    /** Splits a plain row as commons-csv would, faster ({@link #plainRow}); null: commons-csv splits every row. */
    private RowScan split;

    /** Bump when reading a row changes: a row applied by an older engine is then read and judged again. */
    private static final int ROW_READING_VERSION = 1;

    /**
     * Opens the file and reads its header.
     *
     * @throws UnreadableFileException when the file is not text of the profile's encoding, is binary, or
     *     its first line is not a header (no cell names a column this profile knows)
     */
    public CsvRecordReader(Path file, SourceProfile profile) throws UnreadableFileException {
        this(file, profile, MAX_RECORD_CHARS);
    }

    CsvRecordReader(Path file, SourceProfile profile, long maxRecordChars) throws UnreadableFileException {
        this(open(file, profile), file.getFileName().toString(), profile, maxRecordChars);
    }

    /** Reads CSV text from {@code source} (already decoded); {@code name} is what messages call the file. */
    CsvRecordReader(Reader source, String name, SourceProfile profile, long maxRecordChars)
            throws UnreadableFileException {
        super(name, Kind.CSV);
        this.profile = profile;
        this.format = CSVFormat.Builder.create()
                .setDelimiter(profile.delimiter())
                .setQuote('"')
                .setEscape(null)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .setLenientEof(false)
                .setTrailingData(false)
                .setCommentMarker(null)
                .get();
        this.text = source instanceof DamageTrackingReader d ? d : null;
        this.chunks = new LineChunkReader(source, maxRecordChars);
        try {
            newParser();
            this.columns = HeaderColumns.match(readHeader(), name, profile);
        } catch (UnreadableFileException | RuntimeException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot read " + name, e);
        }
        this.mapper = new RowDealMapper(columns, profile);
        this.malformed = new MalformedCsvRecords(chunks, text, columns, mapper, maxRecordChars);
        this.rowSeed = new Hash64().add(ROW_READING_VERSION).add(String.join("\u001f", columns.header()))
                .add(profile.readingFingerprint()).value();
        this.split = RowScan.everyCell(profile.delimiter());
    }

    /** Every row through commons-csv, as before the plain rows were split here (the tests' reference reading). */
    void splitWithCommonsCsvOnly() {
        split = null;
    }

    /**
     * Turns on the row fast path: a plain row ({@link RowScan}) that {@code known} says is the row last
     * applied to its deal is handed on {@linkplain SourceRecord#recognised unread}, and commons-csv never
     * splits it. Every other row is read as before. Called before the first record is read.
     */
    public void recognise(KnownRows known) {
        this.recognised = new RecognisedRows(chunks, text, columns, mapper, format, profile.delimiter(), rowSeed, known);
    }

    /** The file as text of the profile's encoding; bytes that are not text are noted, not fatal. */
    private static Reader open(Path file, SourceProfile profile) {
        try {
            return new DamageTrackingReader(ReadProgress.open(file), FilePrecheck.charsetOf(file, profile.charset()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.getFileName(), e);
        }
    }

    private void newParser() throws IOException {
        lineBase = chunks.lineBreaks();
        parser = CSVParser.builder().setReader(chunks).setFormat(format).get();
        rows = parser.iterator();
    }

    /** The last physical line the parser has read. */
    private long parsedLine() {
        return lineBase + parser.getCurrentLineNumber();
    }

    /** The first non-blank row; an empty file (or blank lines only) has no header and no records. */
    private List<String> readHeader() throws UnreadableFileException {
        while (true) {
            CSVRecord r;
            try {
                if (!rows.hasNext()) {
                    finish();
                    return List.of();
                }
                r = rows.next();
            } catch (UncheckedIOException e) {
                throw new UnreadableFileException("The first line of " + name
                        + " is not a header: its quoting is broken", e);
            }
            DamageTrackingReader.Damage d = text == null ? null : text.takeLinesNulFirst(1, Math.max(parsedLine(), 1));
            if (d != null) {
                String charset = text.charset().name();
                throw new UnreadableFileException(name + (d.value() == 0 ? " is not a text file" : " is not text in "
                        + charset) + ": its first line holds a byte that is not text (" + d.describe(text.charset())
                        + "); save it as " + charset + " or change the source's profile");
            }
            if (r.size() > 1 || (r.size() == 1 && !r.get(0).isBlank())) {
                return r.toList();
            }
        }
    }

    // ---------------------------------------------------------------- RecordReader

    @Override
    protected HeaderColumns columns() {
        return columns;
    }

    /** Header names given twice (the first column wins), described with their column numbers. */
    public List<String> duplicateColumns() {
        return columns.duplicateColumns();
    }

    @Override
    protected void closeInput() {
        try {
            chunks.close();
        } catch (IOException e) {
            // nothing left to read
        }
    }

    @Override
    protected SourceRecord fetch() {
        while (true) {
            long line = parsedLine() + 1;
            SourceRecord seen = recognised == null ? null : recognised.next(line);
            if (seen != null) {
                lineBase += recognised.lineBreaks(); // the parser never saw the row's lines
                return seen;
            }
            SourceRecord plain = plainRow(line);
            if (plain != null) {
                return plain;
            }
            chunks.startRecord();
            CSVRecord r;
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                r = rows.next();
            } catch (UncheckedIOException e) {
                return broken(line);
            }
            SourceRecord damaged = malformed.damaged(line, parsedLine(), r);
            if (damaged != null) {
                return damaged;
            }
            int size = r.size();
            if (size == 0 || (size == 1 && r.get(0).isBlank())) {
                continue;
            }
            List<String> cells = new ArrayList<>(Math.max(size, columns.width()));
            boolean any = false;
            for (int i = 0; i < size; i++) {
                String c = unescapeFormula(r.get(i));
                any |= !c.isBlank();
                cells.add(c);
            }
            if (any) {
                return mapper.record(line, cells).withRowHash(chunks.capturedHash(rowSeed));
            }
        }
    }

    /**
     * The plain row next in hand ({@link RowScan}: on such text commons-csv splits the very same cells), consumed
     * and read; null, nothing consumed, for anything else: a row RowScan leaves to commons-csv, a byte that is not
     * text on its lines (commons-csv's path makes it MALFORMED), a row whose cells are all blank (not a record).
     */
    private SourceRecord plainRow(long line) {
        int end = split == null ? -1 : chunks.peekCleanRow(split, text, line);
        if (end < 0) {
            return null;
        }
        List<String> cells = split.takeRow();
        if (cells.stream().allMatch(String::isBlank)) {
            return null;
        }
        long hash = chunks.rowHash(rowSeed, end);
        chunks.skipRow(end, split.lineBreaks());
        lineBase += split.lineBreaks(); // the parser never saw the row's lines
        return mapper.record(line, cells).withRowHash(hash);
    }

    /** The record commons-csv failed on, MALFORMED; reading goes on with a new parser at the next line. */
    private SourceRecord broken(long line) {
        MalformedCsvRecords.Broken b = malformed.broken(line, parsedLine());
        boolean endsFile = b.endsFile();
        if (!endsFile) {
            try {
                newParser();
            } catch (IOException io) {
                endsFile = true;
            }
        }
        if (endsFile) {
            finish();
        }
        return b.record();
    }

    /** Drops the {@code '} a reject file put before a cell a spreadsheet would run as a formula. */
    public static String unescapeFormula(String c) {
        if (c.length() >= 2 && c.charAt(0) == '\'') {
            char n = c.charAt(1);
            if (n == '=' || n == '+' || n == '-' || n == '@' || n == '\t' || n == '\r') {
                return c.substring(1);
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "CsvRecordReader[" + name + ", " + profile + "]";
    }
}
