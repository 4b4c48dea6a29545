package io.dealsync.review;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Violation;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reviewer file for CSV input, built so that it reads back as input once the rows are fixed.
 *
 * <p>Columns: {@code Errors}, {@code Reason Codes} (or {@code Warnings}, {@code Warning Codes}), then
 * the input's own header cells in the input's order, then {@code Line} and {@code Source File}: where the
 * record comes from in the original CRM export. For a file read back that carries them (a reject file the
 * reviewer fixed) they are copied from its row, so the link to the original export's line survives any
 * number of round trips; otherwise they are the record's physical line in this input and this input's
 * name. Input columns named {@code Errors}, {@code Reason Codes}, {@code Warnings}, {@code Warning Codes},
 * {@code Line} or {@code Source File} (case-insensitive, trimmed) are dropped: they are this writer's own
 * columns coming back, and are replaced rather than repeated when a reject file is rejected again.
 *
 * <p>A UTF-8 file starts with a BOM, so that Excel on Windows reads its accents right (the readers drop it).
 * A reject file also keeps a {@link RejectMarks} side file (the field of each violation) for the reviewer
 * workbook written from it when it completes ({@link RejectWorkbookWriter}).
 *
 * <p>A row with more cells than the header (a {@code MALFORMED_RECORD}) keeps every cell: the cells
 * beyond the header go after {@code Line}, so {@code Line} stays in its column for every row, and the
 * row stays too long (and is rejected again) until the reviewer fixes it.
 *
 * <p>RFC 4180: a cell is quoted when it holds the delimiter, a quote, CR or LF; records end with CRLF.
 * Every cell that a spreadsheet would run as a formula (first character {@code = + - @}, tab, CR) gets a
 * leading {@code '}; the reader drops it again. Header cells are neutralised too.
 */
public final class CsvRecordFileWriter extends RecordFileWriter {

    /** Column with the record's line in the input; last of the header. */
    public static final String LINE_COLUMN = "Line";
    /** Column with the name of the file the record first came in (source folder included); after Line. */
    public static final String SOURCE_FILE_COLUMN = "Source File";

    private static final String EOL = "\r\n";
    private static final Set<String> OWN_COLUMNS = Set.of("errors", "reason codes", "warnings", "warning codes",
            "line", "source file");

    private final char delimiter;
    private final int inputWidth;
    private final int[] keep;
    private final List<String> header;
    private final int lineIn;
    private final int sourceIn;
    private final String sourceFile;
    private final RejectMarks marks;

    /** Comma-separated UTF-8, as the canonical profile reads. */
    public CsvRecordFileWriter(Path finalPath, Kind kind, List<String> inputHeader, long resumeOffset)
            throws IOException {
        this(finalPath, kind, inputHeader, resumeOffset, ',', StandardCharsets.UTF_8, "");
    }

    /** With a source profile's delimiter and encoding; the records' own file name left empty. */
    public CsvRecordFileWriter(Path finalPath, Kind kind, List<String> inputHeader, long resumeOffset,
            char delimiter, Charset charset) throws IOException {
        this(finalPath, kind, inputHeader, resumeOffset, delimiter, charset, "");
    }

    /**
     * With a source profile's delimiter and encoding, so that the file reads back when dropped into the
     * same {@code inbox/<source>/} folder (characters the encoding lacks become {@code ?}).
     * {@code sourceFile} is what {@code Source File} says for records that do not carry one.
     */
    public CsvRecordFileWriter(Path finalPath, Kind kind, List<String> inputHeader, long resumeOffset,
            char delimiter, Charset charset, String sourceFile) throws IOException {
        this(finalPath, kind, inputHeader, resumeOffset, delimiter, charset, sourceFile, null);
    }

    /** As above; with {@code feed}, what is written (the CSV's text and its side file's) is also kept there. */
    public CsvRecordFileWriter(Path finalPath, Kind kind, List<String> inputHeader, long resumeOffset,
            char delimiter, Charset charset, String sourceFile, WorkbookFeed.Text feed) throws IOException {
        super(finalPath, kind, resumeOffset, charset, feed == null ? null : feed.csv);
        RejectMarks opened = null;
        try {
            if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == '\'') {
                throw new IllegalArgumentException("unusable CSV delimiter: " + (int) delimiter);
            }
            this.delimiter = delimiter;
            List<String> in = inputHeader == null ? List.of() : inputHeader;
            this.inputWidth = in.size();
            this.sourceFile = sourceFile == null ? "" : sourceFile;
            this.lineIn = indexOf(in, LINE_COLUMN);
            this.sourceIn = indexOf(in, SOURCE_FILE_COLUMN);
            List<Integer> kept = new ArrayList<>(in.size());
            List<String> h = new ArrayList<>(in.size() + 3);
            h.add(kind.messagesColumn());
            h.add(kind.codesColumn());
            for (int i = 0; i < in.size(); i++) {
                String name = in.get(i) == null ? "" : in.get(i);
                if (!isOwnColumn(name)) {
                    kept.add(i);
                    h.add(name);
                }
            }
            h.add(LINE_COLUMN);
            h.add(SOURCE_FILE_COLUMN);
            this.keep = kept.stream().mapToInt(Integer::intValue).toArray();
            this.header = Collections.unmodifiableList(h);
            if (isFresh()) {
                if (StandardCharsets.UTF_8.equals(charset)) {
                    out.write('\uFEFF');
                }
                writeRow(header);
            }
            opened = kind == Kind.REJECTS ? RejectMarks.open(finalPath, resumeOffset, feed == null ? null : feed.marks) : null;
            this.marks = opened;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            if (opened != null) {
                opened.close();
            }
            throw e;
        }
    }

    @Override
    public void discard() throws IOException {
        super.discard();
        Files.deleteIfExists(marksPathOf(finalPath()));
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            String c = header.get(i) == null ? "" : header.get(i);
            if (c.replace("\uFEFF", "").strip().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The side file with the field of each violation, or null (warning files have none). */
    static Path marksPathOf(Path finalPath) {
        return RejectMarks.pathOf(finalPath);
    }

    @Override
    public long flush(boolean sync) throws IOException {
        long offset = super.flush(sync);
        if (marks != null) {
            marks.checkpoint(offset);
        }
        return offset;
    }

    @Override
    public Path complete() throws IOException {
        if (marks != null) {
            marks.checkpoint(super.flush(true));
            marks.close();
        }
        return super.complete();
    }

    @Override
    public void abort() throws IOException {
        try {
            super.abort();
        } finally {
            if (marks != null) {
                marks.close();
            }
        }
    }

    /** The header this file has (front columns, kept input columns, Line). */
    public List<String> header() {
        return header;
    }

    /** True for the columns this writer adds itself (and therefore drops from the input's header). */
    public static boolean isOwnColumn(String headerCell) {
        String k = headerCell.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return OWN_COLUMNS.contains(k);
    }

    @Override
    protected void writeRecord(SourceRecord rec, List<Violation> violations) throws IOException {
        StringBuilder messages = new StringBuilder();
        Set<String> codes = new LinkedHashSet<>();
        for (Violation v : violations) {
            if (messages.length() > 0) {
                messages.append("; ");
            }
            messages.append(message(v));
            if (v.code() != null && !v.code().isBlank()) {
                codes.add(v.code());
            }
        }
        writeCell(messages.toString());
        out.write(delimiter);
        writeCell(String.join(";", codes));
        List<String> cells = rec.cells() == null ? List.of() : rec.cells();
        for (int i : keep) {
            out.write(delimiter);
            writeCell(i < cells.size() ? cells.get(i) : "");
        }
        String carried = carriedLine(cells);
        out.write(delimiter);
        out.write(carried != null ? carried : Long.toString(rec.position()));
        out.write(delimiter);
        writeCell(carried != null ? cell(cells, sourceIn) : sourceFile);
        for (int i = inputWidth; i < cells.size(); i++) {
            out.write(delimiter);
            writeCell(cells.get(i));
        }
        out.write(EOL);
        if (marks != null) {
            marks.row(violations);
        }
    }

    /** The original line a row read back from a reject file carries in its Line cell, or null. */
    private String carriedLine(List<String> cells) {
        String s = cell(cells, lineIn).strip();
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(s) > 0 ? Long.toString(Long.parseLong(s)) : null;
    }

    private static String cell(List<String> cells, int i) {
        return i >= 0 && i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
    }

    private void writeRow(List<String> row) throws IOException {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            writeCell(row.get(i));
        }
        out.write(EOL);
    }

    private void writeCell(String value) throws IOException {
        String s = neutralise(value);
        if (!needsQuotes(s)) {
            out.write(s);
            return;
        }
        out.write('"');
        int from = 0;
        for (int q = s.indexOf('"'); q >= 0; q = s.indexOf('"', from)) {
            out.write(s, from, q - from + 1);
            out.write('"');
            from = q + 1;
        }
        out.write(s, from, s.length() - from);
        out.write('"');
    }

    private boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The cell with a leading {@code '} when a spreadsheet would read it as a formula; null reads as empty. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + value;
        }
        return value;
    }

    /** The cell without the {@code '} that {@link #neutralise} put before it (a workbook needs no guard). */
    public static String unneutralise(String cell) {
        if (cell != null && cell.length() >= 2 && cell.charAt(0) == '\'') {
            char c = cell.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return cell.substring(1);
            }
        }
        return cell == null ? "" : cell;
    }
}
