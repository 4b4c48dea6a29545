package io.dealsync.review;

import io.dealsync.read.SourceProfile;
import io.dealsync.model.Field;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewer workbook beside a finished reject CSV ({@code x.rejects.csv} gives {@code x.rejects.xlsx}),
 * written from the CSV itself when the file completes, so a run that resumed after a crash (the CSV cut
 * back to a checkpoint and appended again) gets the same workbook as an uninterrupted one.
 *
 * <p>Sheet {@code Rejects}: the CSV's rows, every cell a text cell ({@code @} format, a string value: no
 * D-U-N-S, phone or date becomes a number, nothing runs as a formula, and the CSV's {@code '} guard is
 * dropped since a text cell needs none; an empty value has no cell, and every column is text for what is
 * typed in), each offending cell filled and commented with its reason code and message (from the
 * {@link RejectMarks} side file), frozen header, auto-filter. Sheet {@code Counts}: rows
 * by reason code and by field. POI's streaming SXSSF keeps {@value #WINDOW} rows in memory; comments stay
 * in memory in POI, so only the first {@value #MAX_COMMENTS} offending cells get one (all are filled).
 */
public final class RejectWorkbookWriter {
    private static final Logger LOG = LoggerFactory.getLogger(RejectWorkbookWriter.class);
    static final int WINDOW = 200;
    static final int MAX_COMMENTS = 1_000; // POI adds each note in time linear in the notes before it: beyond, the fill and the Errors column say it
    private static final int MAX_CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private RejectWorkbookWriter() {
    }

    /** The workbook's name beside a reject CSV. */
    public static Path workbookPathOf(Path csv) {
        String n = csv.getFileName().toString();
        String base = n.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return csv.resolveSibling(base + ".xlsx");
    }

    /**
     * The workbook beside a reject file just completed: written for a reject CSV (the one that has a side
     * file), nothing for NDJSON or a warning file.
     *
     * @return the workbook, or null when none belongs beside this file
     */
    public static Path writeBeside(Path completed, SourceProfile profile) throws IOException {
        if (!completed.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                || !Files.exists(RejectMarks.pathOf(completed))) {
            return null;
        }
        return write(completed, profile);
    }

    /**
     * Writes the workbook of a finished reject CSV (read in {@code profile}'s delimiter and encoding, its
     * columns matched to fields through the profile) and deletes the CSV's side file.
     *
     * @return the workbook's path
     */
    public static Path write(Path csv, SourceProfile profile) throws IOException {
        SXSSFWorkbook wb = newWorkbook();
        try (Reader in = Files.newBufferedReader(csv, charsetOf(csv, profile.charset()));
                CSVParser rows = parser(in, profile);
                RejectMarks.Rows marks = RejectMarks.read(csv)) {
            new Sheets(wb, profile).fill(rows, marks);
            return save(wb, csv);
        } finally {
            wb.close(); // also deletes SXSSF's temporary files
        }
    }

    /** A workbook to fill; no creation time: a run resumed after a crash writes the same bytes as an uninterrupted one. */
    static SXSSFWorkbook newWorkbook() {
        SXSSFWorkbook wb = new ReviewerWorkbook(WINDOW);
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.empty());
        return wb;
    }

    /** The reject CSV's rows, as the workbook reads them (its own text, or the same text fed as it is settled). */
    static CSVParser parser(Reader in, SourceProfile profile) throws IOException {
        return CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180.builder().setDelimiter(profile.delimiter()).get())
                .get();
    }

    /** Fills the workbook's two sheets from the CSV's rows and the side file's. */
    static void fill(SXSSFWorkbook wb, SourceProfile profile, CSVParser rows, RejectMarks.Rows marks) throws IOException {
        new Sheets(wb, profile).fill(rows, marks);
    }

    /** Writes the filled workbook beside the CSV (a .part renamed) and deletes the CSV's side file. */
    static Path save(SXSSFWorkbook wb, Path csv) throws IOException {
        Path target = workbookPathOf(csv);
        Path part = target.resolveSibling(target.getFileName() + RecordFileWriter.PART_SUFFIX);
        try (OutputStream out = Files.newOutputStream(part)) {
            wb.write(out);
        }
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(RejectMarks.pathOf(csv));
        return target;
    }

    private static Charset charsetOf(Path csv, Charset profileCharset) throws IOException {
        return io.dealsync.read.FilePrecheck.charsetOf(csv, profileCharset);
    }

    /** The two sheets being filled, their styles, and the counts. */
    private static final class Sheets {
        private final SXSSFWorkbook wb;
        private final SourceProfile profile;
        private final SXSSFSheet rejects;
        private final CreationHelper helper;
        private final Drawing<?> drawing;
        private final CellStyle text;
        private final CellStyle head;
        private final CellStyle flagged;
        private final RejectCounts counts = new RejectCounts();
        private final Map<String, Integer> columnOf = new HashMap<>();
        private final Map<String, Integer> columnOfMark = new HashMap<>(); // a mark's field → column, -1: none
        private List<String> header = List.of();
        private int comments;

        Sheets(SXSSFWorkbook wb, SourceProfile profile) {
            this.wb = wb;
            this.profile = profile;
            this.rejects = wb.createSheet("Rejects");
            this.helper = wb.getCreationHelper();
            this.drawing = rejects.createDrawingPatriarch();
            short textFormat = helper.createDataFormat().getFormat("@");
            this.text = wb.createCellStyle();
            text.setDataFormat(textFormat);
            this.head = wb.createCellStyle();
            head.cloneStyleFrom(text);
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            this.flagged = wb.createCellStyle();
            flagged.cloneStyleFrom(text);
            flagged.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            flagged.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        void fill(CSVParser rows, RejectMarks.Rows marks) throws IOException {
            int r = 0;
            int width = 1;
            for (CSVRecord rec : rows) {
                if (r == 0) {
                    header = clean(rec.toList());
                    width = header.size();
                    mapColumns();
                    row(0, header, head);
                } else if (r < MAX_ROWS) {
                    List<RejectMarks.Mark> m = marks != null && marks.hasNext() ? marks.next() : List.of();
                    Row row = row(r, rec.toList(), text);
                    flag(row, m);
                    count(rec, m);
                } else if (r == MAX_ROWS) {
                    LOG.warn("{} has more rows than a worksheet holds: the workbook stops at row {}", rows, MAX_ROWS);
                }
                r++;
            }
            rejects.createFreezePane(0, 1);
            rejects.setAutoFilter(new CellRangeAddress(0, Math.max(0, Math.min(r, MAX_ROWS) - 1), 0, width - 1));
            for (int c = 0; c < width; c++) {
                rejects.setColumnWidth(c, 256 * (c == 0 ? 60 : c == 1 ? 24 : 18));
                rejects.setDefaultColumnStyle(c, text); // what is typed into an empty cell stays text
            }
            counts.writeSheet(wb, head, text);
        }

        private static List<String> clean(List<String> header) {
            List<String> h = new ArrayList<>(header);
            if (!h.isEmpty()) {
                h.set(0, h.get(0).replace("\uFEFF", ""));
            }
            return h;
        }

        /** Field (canonical, lookup form) → column, through the profile's mapping of the input's headers. */
        private void mapColumns() {
            for (int c = 2; c < header.size(); c++) {
                String canonical = profile.mapColumn(CsvRecordFileWriter.unneutralise(header.get(c)));
                if (!canonical.isEmpty()) {
                    columnOf.putIfAbsent(Field.key(canonical), c);
                }
            }
        }

        private Row row(int r, List<String> cells, CellStyle style) {
            Row row = rejects.createRow(r);
            for (int c = 0; c < cells.size(); c++) {
                String v = CsvRecordFileWriter.unneutralise(cells.get(c));
                if (v.isEmpty()) {
                    continue; // no cell: a fifth of a reject sheet's cells, the column's style keeps it text
                }
                Cell cell = row.createCell(c);
                cell.setCellStyle(style);
                cell.setCellValue(v.length() > MAX_CELL ? v.substring(0, MAX_CELL) : v);
            }
            return row;
        }

        /** The column of a mark's field, -1 for none; Field.key (a regex) runs once per distinct field. */
        private int columnOf(RejectMarks.Mark m) {
            return m.field().isEmpty() ? -1
                    : columnOfMark.computeIfAbsent(m.field(), f -> columnOf.getOrDefault(Field.key(f), -1));
        }

        /** Fills each offending cell and comments it with its codes and messages. */
        private void flag(Row row, List<RejectMarks.Mark> marks) {
            Map<Integer, StringBuilder> notes = new HashMap<>();
            for (RejectMarks.Mark m : marks) {
                int c = columnOf(m);
                if (c < 0) {
                    continue;
                }
                StringBuilder sb = notes.computeIfAbsent(c, k -> new StringBuilder());
                sb.append(sb.length() > 0 ? "\n" : "").append(m.code()).append(": ").append(m.message());
            }
            for (Map.Entry<Integer, StringBuilder> e : notes.entrySet()) {
                Cell cell = row.getCell(e.getKey());
                if (cell == null) {
                    cell = row.createCell(e.getKey());
                    cell.setCellValue("");
                }
                cell.setCellStyle(flagged);
                if (comments < MAX_COMMENTS) {
                    comments++;
                    cell.setCellComment(comment(row.getRowNum(), e.getKey(), e.getValue().toString()));
                }
            }
        }

        private Comment comment(int r, int c, String note) {
            ClientAnchor a = helper.createClientAnchor();
            a.setRow1(r);
            a.setRow2(r + 4);
            a.setCol1(c); // POI takes the note's cell from the anchor's first cell: the cell itself
            a.setCol2(c + 3);
            Comment comment = drawing.createCellComment(a);
            comment.setString(helper.createRichTextString(note.length() > MAX_CELL ? note.substring(0, MAX_CELL) : note));
            comment.setAuthor("dealsync");
            return comment;
        }

        /** Tallies the row for the Counts sheet: its codes, and its findings' columns as the sheet names them. */
        private void count(CSVRecord rec, List<RejectMarks.Mark> marks) {
            List<String> fields = new ArrayList<>(marks.size());
            for (RejectMarks.Mark m : marks) {
                if (!m.field().isEmpty()) {
                    int c = columnOf(m);
                    fields.add(c >= 0 ? CsvRecordFileWriter.unneutralise(header.get(c)) : m.field());
                }
            }
            counts.add(rec.size() > 1 ? rec.get(1) : "", fields);
        }
    }
}
