package io.dealsync.review;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streaming sheet writer with a cheaper path for inline-string cells, the reject workbook's only kind
 * in bulk. POI escapes a string one character at a time, each a synchronized {@code BufferedWriter.write}:
 * on a 100,000-row reject file that was most of the workbook's time. This writes the same bytes (the test
 * compares it with POI's own writer) a cell at a time; every other cell, and the rest of the sheet, is POI's.
 * Its temporary file holds the rows compressed as they are written ({@link DeflatedPart}), read back as such.
 */
class TextCellSheetWriter extends SheetDataWriter {
    private final StringBuilder cell = new StringBuilder(256);
    private final List<String> columns = new ArrayList<>();
    private char[] chars = new char[256];
    private String rowNumber = "";
    private DeflatedPart.Output compressed;

    TextCellSheetWriter() throws IOException {
        super(); // inline strings: no shared-strings table
    }

    @Override
    protected OutputStream decorateOutputStream(FileOutputStream fos) {
        compressed = new DeflatedPart.Output(new java.io.BufferedOutputStream(fos, 1 << 16), ReviewerWorkbook.ZIP_LEVEL);
        return compressed;
    }

    /** The compressed rows, once the sheet is done (POI closes this writer first). */
    @Override
    protected InputStream decorateInputStream(FileInputStream fis) throws IOException {
        DeflatedPart part = compressed == null ? null : compressed.part();
        if (part == null) {
            fis.close();
            throw new IOException("the sheet's rows are read back before they were all written");
        }
        return new DeflatedPart.Input(fis, part, getTempFile());
    }

    @Override
    public void writeRow(int rownum, SXSSFRow row) throws IOException {
        rowNumber = Integer.toString(rownum + 1); // POI keeps its row number private; its cells need it
        super.writeRow(rownum, row);
    }

    @Override
    public void writeCell(int columnIndex, Cell c) throws IOException {
        if (c == null || c.getCellType() != CellType.STRING) {
            super.writeCell(columnIndex, c);
            return;
        }
        String v = c.getStringCellValue();
        StringBuilder sb = cell;
        sb.setLength(0);
        sb.append("<c r=\"").append(column(columnIndex)).append(rowNumber).append('"');
        int style = c.getCellStyle().getIndex() & 0xffff;
        if (style != 0) {
            sb.append(" s=\"").append(style).append('"');
        }
        sb.append(" t=\"inlineStr\"><is><t");
        if (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1)))) {
            sb.append(" xml:space=\"preserve\"");
        }
        sb.append('>');
        escape(v, sb);
        sb.append("</t></is></c>");
        int n = sb.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        sb.getChars(0, n, chars, 0);
        _out.write(chars, 0, n);
    }

    private String column(int c) {
        while (columns.size() <= c) {
            columns.add(CellReference.convertNumToColString(columns.size()));
        }
        return columns.get(c);
    }

    /**
     * POI's escaping ({@code SheetDataWriter.outputEscapedString}): markup characters as entities, tab and
     * line breaks as character references, other control characters and U+FFFE/U+FFFF as '?'. POI walks
     * code points; walking chars gives the same text, as every special case is a single BMP char.
     */
    static void escape(String s, StringBuilder sb) {
        int plain = 0; // start of the run of chars that need nothing, appended in one go
        for (int i = 0, n = s.length(); i < n; i++) {
            String entity = entity(s.charAt(i));
            if (entity != null) {
                sb.append(s, plain, i).append(entity);
                plain = i + 1;
            }
        }
        sb.append(s, plain, s.length());
    }

    private static String entity(char ch) {
        if (ch >= ' ' && ch < '\uFFFE' && ch != '<' && ch != '>' && ch != '&' && ch != '"' && ch != '\u00A0') {
            return null;
        }
        return switch (ch) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\n' -> "&#xa;";
            case '\r' -> "&#xd;";
            case '\t' -> "&#x9;";
            case '\u00A0' -> "&#xa0;";
            default -> "?";
        };
    }
}
