package io.dealsync.ingest;

import io.dealsync.model.Dates;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Amounts;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file (canonical, or a CRM export read through its {@link SourceProfile}).
 *
 * <p>What docs/formats.md asks of the file's shape: a BOM is dropped (and a UTF-8 BOM means UTF-8, whatever
 * the profile's encoding); CRLF, LF and CR all end lines; quoted
 * cells may hold delimiters and line breaks; headers match case-insensitively, spaces ignored; the
 * columns {@code Errors}, {@code Reason Codes}, {@code Line} (and a warning file's {@code Warnings},
 * {@code Warning Codes}) are ignored so a reject file reads back as input; unknown columns are listed in
 * {@link #unknownColumns()}; a header name given twice: the first column wins, the later ones are
 * ignored and listed in {@link #duplicateColumns()} (and in {@link #unknownColumns()}, so the run report
 * shows them). A row with fewer cells has its missing trailing cells empty; more cells, or a quote that
 * never closes, give a MALFORMED record and reading goes on at the next line (an unclosed quote that
 * runs to the end of the file gives one). A byte that cannot be text (a NUL, a sequence invalid in the
 * encoding) makes its record MALFORMED, naming line, column and byte, and reading goes on; the header
 * holding one makes the file unreadable. A record's position is the physical line where it starts.
 * Blank rows (no cell holds anything) are not records: spreadsheets leave them at the end.
 *
 * <p>Values go through the profile: dates become ISO text, amounts plain numbers, the profile's Yes/No
 * words Yes/No. A value the profile cannot read is kept as written for the rules to judge
 * (INVALID_VALUE); where that raw text would pass as a canonical value it was never meant to be (a
 * {@code 2/13/2030} under a dd/MM/yyyy profile), the record gets an INVALID_VALUE read problem instead.
 * Stage names stay text: the engine maps them with {@link SourceProfile#stageMapping()}.
 */
public final class CsvRecordReader implements RecordReader {
    /**
     * The longest record read, in characters: far above a 10 MB field, low enough that an unclosed quote
     * in a large file cannot exhaust a small heap. A longer record is MALFORMED and ends the file.
     */
    public static final long MAX_RECORD_CHARS = 16L * 1024 * 1024;

    private static final Set<String> IGNORED = Set.of("errors", "reason codes", "line", "warnings", "warning codes",
            "source file");

    private final String name;
    private final long maxRecordChars;
    private final SourceProfile profile;
    private final LineChunkReader chunks;
    /** The decoder under the chunks, noting bytes that are not text; null for text given as a Reader. */
    private final DamageTrackingReader text;
    private final CSVFormat format;
    private CSVParser parser;
    private Iterator<CSVRecord> rows;
    private long lineBase;

    private final List<String> header;
    private final List<String> unknown = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private final Set<String> presentColumns;
    /** Per input column: the field it fills, or null. */
    private final Field[] fieldOf;
    /** Input columns of Solution N / Team member N, in N order. */
    private final int[] solutionColumns;
    private final int[] teamColumns;

    private SourceRecord next;
    private boolean finished;

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
        this.name = name;
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
        this.maxRecordChars = maxRecordChars;
        this.text = source instanceof DamageTrackingReader d ? d : null;
        this.chunks = new LineChunkReader(source, maxRecordChars);
        try {
            newParser();
            this.header = readHeader();
        } catch (UnreadableFileException | RuntimeException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot read " + name, e);
        }

        int n = header.size();
        fieldOf = new Field[n];
        Map<Integer, Integer> solutions = new TreeMap<>();
        Map<Integer, Integer> team = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> present = new LinkedHashSet<>();
        boolean anyKnown = false;
        for (int i = 0; i < n; i++) {
            String cell = header.get(i);
            String k = Field.key(Spaces.toPlain(cell));
            if (k.isEmpty()) {
                continue;
            }
            if (IGNORED.contains(k)) {
                anyKnown = true;
                continue;
            }
            String target = profile.mapColumn(cell);
            if (target.isEmpty()) {
                anyKnown = true; // the profile ignores it on purpose
                continue;
            }
            target = Spaces.toPlain(target);
            Field f = Field.byHeader(target);
            int sol = f == null ? Field.listIndex(target, Field.SOLUTION_PREFIX) : 0;
            int tm = f == null && sol == 0 ? Field.listIndex(target, Field.TEAM_PREFIX) : 0;
            String slot = f != null ? f.name() : sol > 0 ? "S" + sol : tm > 0 ? "T" + tm : null;
            if (slot == null) {
                unknown.add(cell.strip());
                continue;
            }
            anyKnown = true;
            Integer first = seen.putIfAbsent(slot, i);
            if (first != null) {
                String d = cell.strip() + " (column " + (i + 1) + ", same as column " + (first + 1) + ", ignored)";
                duplicates.add(d);
                unknown.add(d);
                continue;
            }
            if (f != null) {
                fieldOf[i] = f;
                present.add(f.header());
            } else if (sol > 0) {
                solutions.put(sol, i);
                present.add(SourceRecord.SOLUTIONS);
            } else {
                team.put(tm, i);
                present.add(SourceRecord.TEAM);
            }
        }
        if (n > 0 && !anyKnown) {
            close();
            throw new UnreadableFileException("The first line of " + name
                    + " is not a header: none of its " + n + " cells names a known column"
                    + (profile.isCanonical() ? "" : " of profile '" + profile.name() + "'"));
        }
        solutionColumns = solutions.values().stream().mapToInt(Integer::intValue).toArray();
        teamColumns = team.values().stream().mapToInt(Integer::intValue).toArray();
        presentColumns = Collections.unmodifiableSet(present);
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

    /** The first non-blank row; an empty file (or blank lines only) has no header and no records. */
    private List<String> readHeader() throws UnreadableFileException {
        while (true) {
            CSVRecord r;
            try {
                if (!rows.hasNext()) {
                    finished = true;
                    return List.of();
                }
                r = rows.next();
            } catch (UncheckedIOException e) {
                throw new UnreadableFileException("The first line of " + name
                        + " is not a header: its quoting is broken", e);
            }
            List<String> cells = r.toList();
            DamageTrackingReader.Damage d = text == null ? null
                    : text.takeLinesNulFirst(1, Math.max(lineBase + parser.getCurrentLineNumber(), 1));
            if (d != null) {
                throw new UnreadableFileException(name + (d.value() == 0 ? " is not a text file" : " is not text in "
                        + text.charset().name()) + ": its first line holds a byte that is not text (" + d.describe(text.charset())
                        + "); save it as " + text.charset().name() + " or change the source's profile");
            }
            if (cells.isEmpty() || (cells.size() == 1 && cells.get(0).isBlank())) {
                continue;
            }
            if (blank(cells)) {
                throw new UnreadableFileException("The first line of " + name
                        + " is not a header: all its cells are empty");
            }
            for (String c : cells) {
                for (int i = 0; i < c.length(); i++) {
                    char ch = c.charAt(i);
                    if (ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') {
                        throw new UnreadableFileException("The first line of " + name
                                + " is not a header: it holds control characters (binary data?)");
                    }
                }
            }
            return Collections.unmodifiableList(new ArrayList<>(cells));
        }
    }

    // ---------------------------------------------------------------- RecordReader

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public List<String> unknownColumns() {
        return Collections.unmodifiableList(unknown);
    }

    /** Header names given twice (the first column wins), described with their column numbers. */
    public List<String> duplicateColumns() {
        return Collections.unmodifiableList(duplicates);
    }

    /** Canonical headers of the file's columns (plus the list markers), shared by all its records. */
    public Set<String> presentColumns() {
        return presentColumns;
    }

    @Override
    public Kind kind() {
        return Kind.CSV;
    }

    /** @throws UncheckedIOException when the file system fails */
    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = fetch();
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
            chunks.close();
        } catch (IOException e) {
            // nothing left to read
        }
    }

    private SourceRecord fetch() {
        while (!finished) {
            long line = lineBase + parser.getCurrentLineNumber() + 1;
            chunks.startRecord();
            CSVRecord r;
            try {
                if (!rows.hasNext()) {
                    finished = true;
                    return null;
                }
                r = rows.next();
            } catch (UncheckedIOException e) {
                return broken(line, e);
            }
            int size = r.size();
            SourceRecord damaged = damaged(line, r);
            if (damaged != null) {
                return damaged;
            }
            if (size == 0 || (size == 1 && r.get(0).isBlank())) {
                continue;
            }
            List<String> cells = new ArrayList<>(Math.max(size, header.size()));
            boolean any = false;
            for (int i = 0; i < size; i++) {
                String c = unescapeFormula(r.get(i));
                any |= !c.isBlank();
                cells.add(c);
            }
            if (!any) {
                continue;
            }
            if (size > header.size()) {
                return SourceRecord.malformedCsv(line, "The row has " + size + " cells but the header has "
                        + header.size() + " columns", Collections.unmodifiableList(cells));
            }
            while (cells.size() < header.size()) {
                cells.add("");
            }
            return toRecord(line, Collections.unmodifiableList(cells));
        }
        return null;
    }

    /** A record holding a byte that is not text: MALFORMED with its cells as read (U+FFFD for the byte). */
    private SourceRecord damaged(long line, CSVRecord r) {
        if (text == null) {
            return null;
        }
        DamageTrackingReader.Damage d = text.takeLines(line, Math.max(line, lineBase + parser.getCurrentLineNumber()));
        if (d == null) {
            return null;
        }
        List<String> cells = new ArrayList<>(Math.max(r.size(), header.size()));
        for (String c : r) {
            cells.add(unescapeFormula(c));
        }
        while (cells.size() < header.size()) {
            cells.add("");
        }
        return SourceRecord.malformedCsv(line, d.describe(text.charset()), Collections.unmodifiableList(cells));
    }

    /** A record commons-csv could not read: MALFORMED, then on at the next line (or the end). */
    private SourceRecord broken(long line, UncheckedIOException e) {
        String reason;
        if (chunks.limitHit()) {
            finished = true;
            reason = "The record starting on this line is longer than " + maxRecordChars
                    + " characters (a quote that never closes?); the rest of the file was not read";
        } else if (chunks.eofReached()) {
            finished = true;
            reason = "A quote opened in this record never closes: the rest of the file (from line " + line
                    + ") is one broken record";
        } else {
            long errorLine = lineBase + parser.getCurrentLineNumber();
            try {
                chunks.skipRestOfLine();
            } catch (IOException io) {
                finished = true;
            }
            reason = "Broken quoting: a quoted cell must be followed by the delimiter or the end of the line"
                    + (errorLine > line ? " (the record runs from line " + line + " to line " + errorLine
                            + "; a quote probably never closes)" : "");
            if (chunks.atEnd()) {
                finished = true;
            }
        }
        if (text != null) {
            DamageTrackingReader.Damage d = text.takeLines(line, finished ? Long.MAX_VALUE : chunks.lineBreaks());
            if (d != null) {
                reason = d.describe(text.charset()) + "; " + reason;
            }
        }
        String raw = stripEol(chunks.captured());
        if (!finished) {
            try {
                newParser();
            } catch (IOException io) {
                finished = true;
            }
        }
        return SourceRecord.malformedCsv(line, reason, rawCells(raw));
    }

    /**
     * The text of a record that could not be split into cells, as a row for the reject file: all of it in
     * the first data column (not in Errors/Reason Codes/Line, which the reject writer replaces).
     */
    private List<String> rawCells(String raw) {
        int width = Math.max(1, header.size());
        int at = 0;
        for (int i = 0; i < header.size(); i++) {
            if (!IGNORED.contains(Field.key(Spaces.toPlain(header.get(i))))) {
                at = i;
                break;
            }
        }
        List<String> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            cells.add(i == at ? raw : "");
        }
        return Collections.unmodifiableList(cells);
    }

    private SourceRecord toRecord(long line, List<String> cells) {
        Deal deal = new Deal();
        List<String[]> problems = null;
        for (int i = 0; i < cells.size(); i++) {
            Field f = fieldOf[i];
            if (f == null) {
                continue;
            }
            String raw = cells.get(i);
            String value = raw;
            if (!profile.isCanonical()) {
                value = profile.toCanonical(f, raw);
                if (value == null) {
                    value = raw;
                    if (wouldPassAsCanonical(f, raw)) {
                        if (problems == null) {
                            problems = new ArrayList<>(1);
                        }
                        problems.add(new String[] {f.header(), describe(f)});
                    }
                }
            }
            deal.set(f, value);
        }
        if (solutionColumns.length > 0) {
            List<Solution> sols = new ArrayList<>(1);
            for (int c : solutionColumns) {
                String v = cells.get(c);
                if (!v.isBlank()) {
                    sols.add(Solution.parse(v));
                }
            }
            deal.setSolutions(sols);
        }
        if (teamColumns.length > 0) {
            List<TeamMember> members = new ArrayList<>(1);
            for (int c : teamColumns) {
                String v = cells.get(c);
                if (!v.isBlank()) {
                    members.add(TeamMember.parse(v));
                }
            }
            deal.setTeam(members);
        }
        SourceRecord rec = SourceRecord.csv(line, deal, cells, presentColumns);
        if (problems != null) {
            for (String[] p : problems) {
                rec.addProblem("INVALID_VALUE", p[0], p[1]);
            }
        }
        return rec;
    }

    /** Raw text the profile rejected but the canonical reading would accept as a (different) value. */
    private static boolean wouldPassAsCanonical(Field f, String raw) {
        if (Field.DATES.contains(f)) {
            return Dates.parse(raw) != null;
        }
        if (f == Field.ESTIMATED_VALUE) {
            return Amounts.parse(raw) != null;
        }
        return false;
    }

    private String describe(Field f) {
        if (f == Field.ESTIMATED_VALUE) {
            return f.header() + " is not an amount in this source's form (decimal separator '"
                    + profile.decimalSeparator() + "')";
        }
        return f.header() + " is not a date in this source's form (" + profile.datePattern() + ")";
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

    private static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String stripEol(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '\n' || s.charAt(e - 1) == '\r')) {
            e--;
        }
        return s.substring(0, e);
    }

    @Override
    public String toString() {
        return "CsvRecordReader[" + name + ", " + profile + "]";
    }

    // ---------------------------------------------------------------- rows of a workbook (XlsxRecordReader)

    /** The column matching of a header row alone, by the same rules as a CSV file's first line. */
    static CsvRecordReader forHeader(List<String> header, String name, SourceProfile profile)
            throws UnreadableFileException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            line.append(i > 0 ? String.valueOf(profile.delimiter()) : "")
                    .append('"').append(header.get(i).replace("\"", "\"\"")).append('"');
        }
        return new CsvRecordReader(new java.io.StringReader(line.toString()), name, profile, MAX_RECORD_CHARS);
    }

    /** A row of cells (exactly as many as the header) as the record at {@code line}. */
    SourceRecord record(long line, List<String> cells) {
        return toRecord(line, cells);
    }

}
