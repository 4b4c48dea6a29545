package io.dealsync.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;

/**
 * Streams the rows of an Excel workbook ({@code .xlsx}): a reviewer workbook fixed and dropped back, or any
 * sheet laid out like a CSV. The first sheet is read with POI's event API ({@link SheetRows}), so only a
 * few rows are in memory whatever the sheet's size (the shared strings table, which Excel writes when it
 * saves, is held whole).
 *
 * <p>The first row with a value is the header; its columns are matched exactly as a CSV header is
 * ({@link HeaderColumns}: the profile's names or the canonical ones, {@code Errors}/{@code Reason Codes}/
 * {@code Line}/{@code Source File} ignored). A record's position is its sheet row number (the header is
 * row 1). Text cells are read as written (no guard to drop: a text cell needs none). Cells Excel holds as
 * numbers are given as the profile reads them ({@link SheetNumberFormatter}).
 */
public final class XlsxRecordReader extends PrefetchingRecordReader {
    private final OPCPackage pkg;
    private final SheetRows rows;
    private final HeaderColumns columns;
    private final RowDealMapper mapper;

    /**
     * Opens the workbook and reads its header row.
     *
     * @throws UnreadableFileException when the file is not an .xlsx workbook, has no sheet, or its first
     *     row is not a header of this profile
     */
    public XlsxRecordReader(Path file, SourceProfile profile) throws UnreadableFileException {
        // Rows, like a CSV file: the reject file is a CSV (and a workbook beside it).
        super(file.getFileName().toString(), Kind.CSV);
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) { // InvalidFormatException, NotOfficeXmlFileException, a broken zip, ...
            throw notAWorkbook(e);
        }
        try {
            rows = new SheetRows(pkg, name, profile);
            columns = HeaderColumns.match(readHeader(), name, profile);
        } catch (UnreadableFileException e) {
            close();
            throw e;
        } catch (SheetRows.ParseFailure e) {
            close();
            throw notAWorkbook((Exception) e.getCause());
        } catch (Exception e) {
            close();
            throw notAWorkbook(e);
        }
        mapper = new RowDealMapper(columns, profile);
    }

    /** The first row with a value; none (an empty sheet) means no records. */
    private List<String> readHeader() throws SheetRows.ParseFailure {
        SheetRows.SheetRow row;
        while ((row = rows.next()) != null) {
            if (!blank(row.cells())) {
                return row.cells();
            }
        }
        finish();
        return List.of();
    }

    private UnreadableFileException notAWorkbook(Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new UnreadableFileException(name + " is not an Excel workbook (.xlsx) that can be read: " + why, e);
    }

    @Override
    protected HeaderColumns columns() {
        return columns;
    }

    /** @throws UncheckedIOException when the sheet turns out to be broken further down */
    @Override
    protected SourceRecord fetch() {
        int width = columns.width();
        while (true) {
            SheetRows.SheetRow row;
            try {
                row = rows.next();
            } catch (SheetRows.ParseFailure f) {
                finish();
                throw new UncheckedIOException(new IOException(name + ": the sheet cannot be read further: "
                        + f.getCause().getMessage(), f.getCause()));
            }
            if (row == null) {
                return null;
            }
            List<String> cells = row.cells();
            if (blank(cells)) {
                continue;
            }
            while (cells.size() > width && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            return mapper.record(row.number(), cells);
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
    protected void closeInput() {
        if (rows != null) {
            rows.close();
        }
        if (pkg != null) {
            pkg.revert(); // read-only: close without saving
        }
    }

    @Override
    public String toString() {
        return "XlsxRecordReader[" + name + "]";
    }
}
