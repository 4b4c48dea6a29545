package io.dealsync.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.read.SourceProfile;
import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** formats.md "Reviewer workbook": the workbook written beside a reject CSV, opened again with POI. */
class RejectWorkbookWriterTest {
    private static final List<String> HEADER = List.of("CRM ID", "Deal Name", "Customer D-U-N-S ID",
            "Customer Contact Phone number", "Estimated Close Date", "Customer Country");

    @TempDir
    Path dir;

    private static SourceRecord row(long line, String... cells) {
        return SourceRecord.csv(line, new Deal(), List.of(cells), Set.of());
    }

    private static Violation err(String code, String field, String message) {
        return new Violation(code, field, message, Severity.ERROR, "R1");
    }

    private Path rejects(String name) throws IOException {
        Path csv = dir.resolve(name);
        try (RecordFileWriter w = new CsvRecordFileWriter(csv, RecordFileWriter.Kind.REJECTS, HEADER, 0, ',',
                StandardCharsets.UTF_8, "deals.csv")) {
            w.write(row(2, "CRM-1", "=1+2", "012345678", "+1 217 555 0199", "2030-11-26", "USA"),
                    List.of(err("INVALID_VALUE", "Customer Country", "Customer Country: 'USA' is not in countries.csv"),
                            err("INVALID_VALUE", "Customer D-U-N-S ID", "Customer D-U-N-S ID: 9 digits expected")));
            w.flush();
            w.write(row(5, "CRM-2", "Deal two", "", "-5", "11/26/2030", "US"),
                    List.of(err("REQUIRED_FIELD", "Customer D-U-N-S ID", "Customer D-U-N-S ID is required"),
                            err("DUPLICATE_IN_FILE", "", "first seen on line 2")));
            w.complete();
        }
        return csv;
    }

    @Test
    void everyCellIsTextEachOffendingCellIsFilledAndCommented() throws Exception {
        Path csv = rejects("deals.rejects.csv");
        Path xlsx = RejectWorkbookWriter.writeBeside(csv, SourceProfile.canonical());
        assertThat(xlsx).isEqualTo(dir.resolve("deals.rejects.xlsx")).exists();
        assertThat(CsvRecordFileWriter.marksPathOf(csv)).as("the side file is gone once the workbook is written")
                .doesNotExist();
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            XSSFSheet s = wb.getSheet("Rejects");
            assertThat(texts(s.getRow(0))).containsExactly("Errors", "Reason Codes", "CRM ID", "Deal Name",
                    "Customer D-U-N-S ID", "Customer Contact Phone number", "Estimated Close Date", "Customer Country",
                    "Line", "Source File");
            assertThat(texts(s.getRow(1))).as("no guard character, no number, no formula").containsExactly(
                    "Customer Country: 'USA' is not in countries.csv; Customer D-U-N-S ID: 9 digits expected",
                    "INVALID_VALUE", "CRM-1", "=1+2", "012345678", "+1 217 555 0199", "2030-11-26", "USA", "2",
                    "deals.csv");
            for (int r = 0; r <= 2; r++) {
                for (Cell c : s.getRow(r)) {
                    assertThat(c.getCellType()).as(c.getAddress().toString()).isEqualTo(CellType.STRING);
                    assertThat(c.getCellStyle().getDataFormatString()).as(c.getAddress() + " format").isEqualTo("@");
                }
            }
            XSSFCell country = s.getRow(1).getCell(7);
            assertThat(country.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(country.getCellComment().getString().getString())
                    .isEqualTo("INVALID_VALUE: Customer Country: 'USA' is not in countries.csv");
            assertThat(s.getRow(1).getCell(4).getCellComment().getString().getString())
                    .isEqualTo("INVALID_VALUE: Customer D-U-N-S ID: 9 digits expected");
            assertThat(s.getRow(2).getCell(4).getCellComment().getString().getString())
                    .isEqualTo("REQUIRED_FIELD: Customer D-U-N-S ID is required");
            assertThat(s.getRow(1).getCell(3).getCellComment()).as("a cell without a finding").isNull();
            assertThat(s.getRow(1).getCell(3).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(s.getRow(2).getCell(5).getStringCellValue()).isEqualTo("-5");

            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:J3");

            XSSFSheet counts = wb.getSheet("Counts");
            List<List<String>> rows = new ArrayList<>();
            for (Row r : counts) {
                rows.add(List.of(r.getCell(0).getStringCellValue(), r.getCell(1).getCellType() == CellType.NUMERIC
                        ? String.valueOf((long) r.getCell(1).getNumericCellValue()) : r.getCell(1).getStringCellValue()));
            }
            assertThat(rows).containsExactly(
                    List.of("Reason Code", "Rows"),
                    List.of("DUPLICATE_IN_FILE", "1"), List.of("INVALID_VALUE", "1"), List.of("REQUIRED_FIELD", "1"),
                    List.of("Field", "Rows"),
                    List.of("Customer D-U-N-S ID", "2"), List.of("Customer Country", "1"));
        }
    }

    @Test
    void theWorkbookReadsBackAsInputWithItsSheetRowsAsLines() throws Exception {
        Path xlsx = RejectWorkbookWriter.writeBeside(rejects("deals.rejects.csv"), SourceProfile.canonical());
        List<SourceRecord> read = new ArrayList<>();
        try (io.dealsync.read.RecordReader r = io.dealsync.read.RecordReaders.open(xlsx, SourceProfile.canonical())) {
            assertThat(r.unknownColumns()).isEmpty();
            r.forEachRemaining(read::add);
        }
        assertThat(read).extracting(SourceRecord::malformed).containsOnlyNulls();
        assertThat(read).extracting(SourceRecord::position).containsExactly(2L, 3L);
        assertThat(read.get(0).deal().get(io.dealsync.model.Field.DEAL_NAME)).isEqualTo("=1+2");
        assertThat(read.get(0).deal().get(io.dealsync.model.Field.CUSTOMER_DUNS)).isEqualTo("012345678");
        assertThat(read.get(1).deal().get(io.dealsync.model.Field.CONTACT_PHONE)).isEqualTo("-5");
        assertThat(read.get(0).cells().get(8)).as("the Line cell, for the next reject file").isEqualTo("2");
    }

    @Test
    void aResumedRejectFileGetsTheSameWorkbookAsAnUninterruptedOne() throws Exception {
        Path csv = dir.resolve("r.rejects.csv");
        RecordFileWriter w = new CsvRecordFileWriter(csv, RecordFileWriter.Kind.REJECTS, HEADER, 0, ',',
                StandardCharsets.UTF_8, "r.csv");
        w.write(row(2, "CRM-1", "A", "", "", "", "USA"), List.of(err("INVALID_VALUE", "Customer Country", "bad country")));
        long committed = w.flush();
        w.write(row(3, "CRM-LOST", "B", "", "", "", ""), List.of(err("REQUIRED_FIELD", "Deal Name", "never committed")));
        w.flush();
        w.abort(); // killed before the second chunk committed
        try (RecordFileWriter again = new CsvRecordFileWriter(csv, RecordFileWriter.Kind.REJECTS, HEADER, committed,
                ',', StandardCharsets.UTF_8, "r.csv")) {
            again.write(row(3, "CRM-3", "", "", "", "", "US"), List.of(err("REQUIRED_FIELD", "Deal Name", "Deal Name is required")));
            again.complete();
        }
        Path xlsx = RejectWorkbookWriter.writeBeside(csv, SourceProfile.canonical());
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            XSSFSheet s = wb.getSheet("Rejects");
            assertThat(s.getLastRowNum()).isEqualTo(2);
            assertThat(s.getRow(1).getCell(7).getCellComment().getString().getString()).isEqualTo("INVALID_VALUE: bad country");
            assertThat(s.getRow(2).getCell(2).getStringCellValue()).isEqualTo("CRM-3");
            assertThat(s.getRow(2).getCell(3).getCellComment().getString().getString())
                    .isEqualTo("REQUIRED_FIELD: Deal Name is required");
            assertThat(s.getRow(2).getCell(7).getCellComment()).isNull();
        }
    }

    @Test
    void anEmptyValueHasNoCellAndItsColumnIsText() throws Exception {
        Path xlsx = RejectWorkbookWriter.writeBeside(rejects("deals.rejects.csv"), SourceProfile.canonical());
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            assertThat(wb.getSheet("Rejects").getRow(2).getCell(4)).as("empty but offending: a cell, to be filled")
                    .isNotNull().extracting(Cell::getStringCellValue).isEqualTo("");
        }
        Path csv = rejects("plain.rejects.csv");
        Files.delete(CsvRecordFileWriter.marksPathOf(csv)); // no findings: nothing flagged
        try (XSSFWorkbook wb = new XSSFWorkbook(RejectWorkbookWriter.write(csv, SourceProfile.canonical()).toFile())) {
            XSSFSheet plain = wb.getSheet("Rejects");
            assertThat(plain.getRow(2).getCell(4)).as("an empty value").isNull();
            assertThat(plain.getRow(2).getCell(5).getStringCellValue()).isEqualTo("-5");
            for (int c = 0; c < 10; c++) {
                assertThat(plain.getColumnStyle(c).getDataFormatString()).as("column " + c).isEqualTo("@");
                assertThat(plain.getColumnWidth(c)).isEqualTo(256 * (c == 0 ? 60 : c == 1 ? 24 : 18));
            }
        }
    }

    @Test
    void aProfileFileHasItsOwnColumnNamesHighlighted() throws Exception {
        SourceProfile fr = SourceProfile.of("crm-fr", "test", java.util.Map.of("delimiter", ";", "encoding", "windows-1252",
                "column.Pays", "Customer Country", "column.Référence", "CRM ID"));
        Path csv = dir.resolve("fr.rejects.csv");
        try (RecordFileWriter w = new CsvRecordFileWriter(csv, RecordFileWriter.Kind.REJECTS, List.of("Référence", "Pays"),
                0, ';', fr.charset(), "crm-fr/fr.csv")) {
            w.write(row(2, "AFF-1", "Frànce"), List.of(err("INVALID_VALUE", "Customer Country", "Pays: pas un code")));
            w.complete();
        }
        Path xlsx = RejectWorkbookWriter.writeBeside(csv, fr);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            XSSFSheet s = wb.getSheet("Rejects");
            assertThat(texts(s.getRow(1))).containsExactly("Pays: pas un code", "INVALID_VALUE", "AFF-1", "Frànce", "2",
                    "crm-fr/fr.csv");
            assertThat(s.getRow(1).getCell(3).getCellComment().getString().getString())
                    .isEqualTo("INVALID_VALUE: Pays: pas un code");
            assertThat(wb.getSheet("Counts").getRow(4).getCell(0).getStringCellValue()).isEqualTo("Pays");
        }
    }

    @Test
    void warningFilesAndNdjsonGetNoWorkbook() throws Exception {
        Path warnings = dir.resolve("w.warnings.csv");
        try (RecordFileWriter w = RecordFileWriter.open(warnings, RecordFileWriter.Kind.WARNINGS, HEADER, 0)) {
            w.write(row(2, "CRM-1"), List.of(err("X", "Deal Name", "m")));
            w.complete();
        }
        assertThat(RejectWorkbookWriter.writeBeside(warnings, SourceProfile.canonical())).isNull();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("w.warnings.csv");
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell c : row) {
            out.add(c.getStringCellValue());
        }
        return out;
    }
}
