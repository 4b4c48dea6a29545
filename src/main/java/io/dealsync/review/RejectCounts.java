package io.dealsync.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The reviewer workbook's {@code Counts} sheet: rejected rows by reason code and by field. A row counts once
 * per code and once per field it has (as the run report counts).
 */
final class RejectCounts {
    private final Map<String, Long> byCode = new HashMap<>();
    private final Map<String, Long> byField = new HashMap<>();

    /** One row: its Reason Codes cell ({@code ;}-separated) and the columns its findings are about. */
    void add(String reasonCodes, Collection<String> fields) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : reasonCodes.split(";")) {
            if (!code.isBlank()) {
                codes.add(code.strip());
            }
        }
        codes.forEach(code -> byCode.merge(code, 1L, Long::sum));
        new LinkedHashSet<>(fields).forEach(f -> byField.merge(f, 1L, Long::sum));
    }

    /** Adds the sheet to {@code wb}: headings in {@code head}, names in {@code text}, counts as numbers. */
    void writeSheet(SXSSFWorkbook wb, CellStyle head, CellStyle text) {
        SXSSFSheet s = wb.createSheet("Counts");
        int r = table(s, 0, "Reason Code", byCode, head, text);
        table(s, r + 1, "Field", byField, head, text);
        s.setColumnWidth(0, 256 * 40);
        s.setColumnWidth(1, 256 * 10);
    }

    /** A two-column table, most frequent first; returns the next free row. */
    private static int table(SXSSFSheet s, int r, String what, Map<String, Long> counts, CellStyle head, CellStyle text) {
        Row h = s.createRow(r++);
        cell(h, 0, what, head);
        cell(h, 1, "Rows", head);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Long> e : sorted) {
            Row row = s.createRow(r++);
            cell(row, 0, e.getKey(), text);
            row.createCell(1).setCellValue(e.getValue());
        }
        return r;
    }

    private static void cell(Row row, int c, String v, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        cell.setCellValue(v);
    }
}
