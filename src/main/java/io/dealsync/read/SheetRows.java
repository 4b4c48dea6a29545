package io.dealsync.read;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.opc.OPCPackage;
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
 * The rows of a workbook's first sheet, streamed: POI's SAX parse ({@link XSSFSheetXMLHandler}) runs on
 * its own daemon thread and hands rows over through a small bounded queue, so only a few rows are in
 * memory whatever the sheet's size.
 */
final class SheetRows {
    private static final int QUEUE = 256;
    private static final Object END = new Object();

    /** One sheet row: its 1-based number and its cells (gaps filled with ""). */
    record SheetRow(long number, List<String> cells) {
    }

    /** The parse failed further down the sheet; the cause is POI's or the XML parser's. */
    static final class ParseFailure extends Exception {
        ParseFailure(Exception cause) {
            super(cause);
        }
    }

    /** The parse failed: the cause, handed to the reading thread. */
    private record Failure(Exception cause) {
    }

    /** Thrown inside the SAX parse to stop it when the rows are closed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final String name;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread parser;
    private volatile boolean closed;

    /**
     * Starts reading the first sheet of {@code pkg}, numbers formatted as {@code profile} writes them.
     *
     * @throws UnreadableFileException when the workbook has no sheet
     * @throws Exception what POI throws for a part it cannot read
     */
    SheetRows(OPCPackage pkg, String name, SourceProfile profile) throws Exception {
        this.name = name;
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new UnreadableFileException(name + " is a workbook with no sheet");
        }
        InputStream sheet = sheets.next();
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(),
                new SheetNumberFormatter(profile), false));
        parser = new Thread(() -> parse(xml, sheet), "dealsync-xlsx");
        parser.setDaemon(true);
        parser.start();
    }

    /**
     * The next row of the sheet, or null after the last.
     *
     * @throws ParseFailure when the sheet cannot be read further
     * @throws IllegalStateException when the reading thread is interrupted
     */
    SheetRow next() throws ParseFailure {
        Object o = take();
        if (o == END) {
            return null;
        }
        if (o instanceof Failure f) {
            throw new ParseFailure(f.cause());
        }
        return (SheetRow) o;
    }

    /** Stops the parse (it ends at its next row) and waits a moment for its thread. */
    void close() {
        closed = true;
        queue.clear();
        try {
            parser.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private void put(Object o) {
        try {
            while (!closed) {
                if (queue.offer(o, 200, TimeUnit.MILLISECONDS)) {
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
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + name, e);
        }
    }

    /** Collects the cells of each row, in column order, for the queue. */
    private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
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
}
