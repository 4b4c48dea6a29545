package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetRowsTest {
    @TempDir
    Path dir;

    /** A sheet: a header, a row with a gap, a number and a date, an empty row 3 left out, a last row 4. */
    private Path workbook() throws Exception {
        Path p = dir.resolve("w.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet sheet = wb.createSheet("deals");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("CRM ID");
            header.createCell(1).setCellValue("Notes");
            header.createCell(2).setCellValue("Estimated Deal Value");
            header.createCell(3).setCellValue("Created Date");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("c-1");
            row.createCell(2).setCellValue(1234.5);
            row.createCell(3).setCellValue(LocalDate.of(2030, 11, 5));
            row.getCell(3).setCellStyle(date);
            sheet.createRow(3).createCell(0).setCellValue("c-2");
            wb.write(out);
        }
        return p;
    }

    private static List<SheetRows.SheetRow> readAll(Path file, SourceProfile profile) throws Exception {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        SheetRows rows = new SheetRows(pkg, "w.xlsx", profile);
        try {
            List<SheetRows.SheetRow> out = new ArrayList<>();
            for (SheetRows.SheetRow r; (r = rows.next()) != null; ) {
                out.add(r);
            }
            return out;
        } finally {
            rows.close();
            pkg.revert();
        }
    }

    @Test
    void rowsComeInOrderWithTheirNumbersAndTheirGapsFilled() throws Exception {
        List<SheetRows.SheetRow> rows = readAll(workbook(), SourceProfile.canonical());

        assertThat(rows).extracting(SheetRows.SheetRow::number).containsExactly(1L, 2L, 4L);
        assertThat(rows.get(0).cells()).containsExactly("CRM ID", "Notes", "Estimated Deal Value", "Created Date");
        assertThat(rows.get(1).cells()).containsExactly("c-1", "", "1234.5", "2030-11-05");
        assertThat(rows.get(2).cells()).containsExactly("c-2");
    }

    @Test
    void numbersAndDatesAreWrittenInTheProfilesForm() throws Exception {
        SourceProfile fr = SourceProfile.of("fr", "fr", Map.of("date.pattern", "dd/MM/yyyy", "decimal.separator", ","));

        List<SheetRows.SheetRow> rows = readAll(workbook(), fr);

        assertThat(rows.get(1).cells()).containsExactly("c-1", "", "1234,5", "05/11/2030");
    }

    @Test
    void closingStopsTheParseEvenWithRowsLeft() throws Exception {
        OPCPackage pkg = OPCPackage.open(workbook().toFile(), PackageAccess.READ);
        SheetRows rows = new SheetRows(pkg, "w.xlsx", SourceProfile.canonical());

        assertThat(rows.next().number()).isEqualTo(1);
        rows.close();
        pkg.revert();
    }
}
