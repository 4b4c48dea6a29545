package io.dealsync.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of an Excel workbook ({@code .xlsx}): a reviewer workbook fixed and dropped back, or any
 * sheet laid out like a CSV. The first sheet is read with POI's event API ({@link XSSFReader} and
 * {@link XSSFSheetXMLHandler}), so only a few rows are in memory whatever the sheet's size (the shared
 * strings table, which Excel writes when it saves, is held whole).
 *
 * <p>The first row with a value is the header; its columns are matched exactly as a CSV header is
 * ({@link CsvRecordReader}: the profile's names or the canonical ones, {@code Errors}/{@code Reason Codes}/
 * {@code Line}/{@code Source File} ignored). A record's position is its sheet row number (the header is
 * row 1). Text cells are read as written (no guard to drop: a text cell needs none). Cells Excel holds as
 * numbers are given as the profile reads them: a date-formatted one in the profile's date form (ISO for
 * the canonical profile), any other as a plain number with the profile's decimal separator.
 *
 * <p>The SAX parse runs on its own daemon thread and hands rows over through a small bounded queue.
 */
public final class XlsxRecordReader implements RecordReader {
    private static final int QUEUE = 256;
    private static final Object END = new Object();

    private final String name;
    private final OPCPackage pkg;
    private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(QUEUE);
    private final Thread parser;
    private final CsvRecordReader columns;
    private volatile boolean closed;
    private SourceRecord next;
    private boolean finished;

    /** One sheet row: its 1-based number and its cells (gaps filled with ""). */
    private record SheetRow(long number, List<String> cells) {
    }

    /** The parse failed: the cause, handed to the reading thread. */
    private record Failure(Exception cause) {
    }

    /**
     * Opens the workbook and reads its header row.
     *
     * @throws UnreadableFileException when the file is not an .xlsx workbook, has no sheet, or its first
     *     row is not a header of this profile
     */
    public XlsxRecordReader(Path file, SourceProfile profile) throws UnreadableFileException {
        this.name = file.getFileName().toString();
        InputStream sheet;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) { // InvalidFormatException, NotOfficeXmlFileException, a broken zip, ...
            throw notAWorkbook(e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException(name + " is a workbook with no sheet");
            }
            sheet = sheets.next();
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(),
                    new ProfileFormatter(profile), false));
            parser = new Thread(() -> parse(xml, sheet), "dealsync-xlsx");
            parser.setDaemon(true);
            parser.start();
            List<String> header = List.of();
            while (header.isEmpty()) {
                Object o = take();
                if (o == END) {
                    break;
                }
                if (o instanceof Failure f) {
                    throw notAWorkbook(f.cause());
                }
                List<String> cells = ((SheetRow) o).cells();
                if (!blank(cells)) {
                    header = cells;
                }
            }
            if (header.isEmpty()) {
                finished = true;
            }
            columns = CsvRecordReader.forHeader(header, name, profile);
        } catch (UnreadableFileException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw notAWorkbook(e);
        }
    }

    private UnreadableFileException notAWorkbook(Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new UnreadableFileException(name + " is not an Excel workbook (.xlsx) that can be read: " + why, e);
    }

    private void parse(XMLReader xml, InputStream sheet) {
        Object last = END;
        try (InputStream in = sheet) {
            xml.parse(new InputSource(in));
        } catch (Stopped s) {
            return;
        } catch (Exception e) {
            last = new Failure(e);
        }
        try {
            put(last);
        } catch (Stopped s) {
            // closed meanwhile
        }
    }

    /** Thrown inside the SAX parse to stop it when the reader is closed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private void put(Object o) {
        try {
            while (!closed) {
                if (rows.offer(o, 200, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Stopped();
    }

    private Object take() {
        try {
            return rows.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + name, e);
        }
    }

    /** Collects the cells of each row, in column order, for the queue. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private List<String> cells = new ArrayList<>();

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            String v = value == null ? "" : value;
            if (col < cells.size()) {
                // the same cell twice: POI's user model saves an edited inline-string cell with both a value and
                // an (empty) inline string; the first non-empty one is the cell's
                if (cells.get(col).isEmpty()) {
                    cells.set(col, v);
                }
                return;
            }
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(v);
        }

        @Override
        public void endRow(int rowNum) {
            put(new SheetRow(rowNum + 1L, cells));
        }
    }

    @Override
    public List<String> header() {
        return columns.header();
    }

    @Override
    public List<String> unknownColumns() {
        return columns.unknownColumns();
    }

    /** Rows, like a CSV file: the reject file is a CSV (and a workbook beside it). */
    @Override
    public Kind kind() {
        return Kind.CSV;
    }

    /** @throws UncheckedIOException when the sheet turns out to be broken further down */
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

    private SourceRecord fetch() {
        int width = columns.header().size();
        while (true) {
            Object o = take();
            if (o == END) {
                finished = true;
                return null;
            }
            if (o instanceof Failure f) {
                finished = true;
                throw new UncheckedIOException(new IOException(name + ": the sheet cannot be read further: "
                        + f.cause().getMessage(), f.cause()));
            }
            SheetRow row = (SheetRow) o;
            List<String> cells = row.cells();
            if (blank(cells)) {
                continue;
            }
            while (cells.size() > width && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            if (cells.size() > width) {
                return SourceRecord.malformedCsv(row.number(), "The row has " + cells.size()
                        + " cells but the header has " + width + " columns", Collections.unmodifiableList(cells));
            }
            while (cells.size() < width) {
                cells.add("");
            }
            return columns.record(row.number(), Collections.unmodifiableList(cells));
        }
    }

    private static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        finished = true;
        closed = true;
        rows.clear();
        if (parser != null) {
            try {
                parser.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pkg != null) {
            pkg.revert(); // read-only: close without saving
        }
    }

    @Override
    public String toString() {
        return "XlsxRecordReader[" + name + "]";
    }

    /** Numbers as the profile reads them: dates in its date form, others plain with its decimal separator. */
    private static final class ProfileFormatter extends DataFormatter {
        private final DateTimeFormatter dates;
        private final char decimal;

        ProfileFormatter(SourceProfile profile) {
            this.dates = profile.datePattern() == null ? DateTimeFormatter.ISO_LOCAL_DATE
                    : DateTimeFormatter.ofPattern(profile.datePattern());
            this.decimal = profile.decimalSeparator();
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904);
                return dates.format(t.toLocalDate());
            }
            String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            return decimal == '.' ? plain : plain.replace('.', decimal);
        }
    }
}
