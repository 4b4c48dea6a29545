package io.dealsync.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.CRC32;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer workbook's faster text cells, and its rows compressed as they are written, give what POI's own
 * streaming writer gives: the same entries, byte for byte once unzipped, each with its right CRC-32 and size.
 */
class ReviewerWorkbookCellsTest {
    private static final List<String> AWKWARD = List.of("", "plain", " leading", "trailing ", "\tTab", "a<b>&\"c'd",
            "line\nbreak\r\nend", "no\u00A0break", "ctl\u0001\u001F\u007F", "\uFFFE\uFFFF", "emoji \uD83D\uDE00 after",
            "lone \uD800 surrogate", "Frànce 日本 Ωμέγα", "=1+2", "\u2028sep\u3000");

    @TempDir
    Path dir;

    @Test
    void theSheetXmlIsByteForByteWhatPoiWrites() throws Exception {
        Map<String, byte[]> ours = entries(fill(new ReviewerWorkbook(5)));
        Map<String, byte[]> poi = entries(fill(new SXSSFWorkbook(null, 5, false, false)));
        assertThat(ours.keySet()).isEqualTo(poi.keySet());
        for (String name : poi.keySet()) {
            assertThat(new String(ours.get(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(poi.get(name), StandardCharsets.UTF_8));
            assertThat(ours.get(name)).as(name).isEqualTo(poi.get(name));
        }
        assertThat(new String(ours.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8))
                .contains("<c r=\"E1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> leading</t></is></c>")
                .contains("<c r=\"AC1\" s=\"1\" t=\"inlineStr\">")
                .contains("a&lt;b&gt;&amp;&quot;c'd").contains("line&#xa;break&#xd;&#xa;end").contains("ctl??\u007F");
    }

    /** Strings in many columns (past Z), text and default styles, gaps, numbers, more rows than the window. */
    private static SXSSFWorkbook fill(SXSSFWorkbook wb) {
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.empty());
        CellStyle text = wb.createCellStyle();
        text.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("@"));
        SXSSFSheet s = wb.createSheet("S");
        for (int r = 0; r < 3_000; r++) { // rows past the window, and past the compressor's 64 KB buffer
            Row row = s.createRow(r);
            for (int i = 0; i < AWKWARD.size(); i++) {
                int c = i * 2 + (r % 3); // gaps between the cells, columns up to AE
                row.createCell(c).setCellValue(AWKWARD.get((i + r) % AWKWARD.size()));
                row.getCell(c).setCellStyle(i % 2 == 0 ? text : wb.getCellStyleAt(0));
            }
            row.createCell(40).setCellValue(r * 1.5);
            row.createCell(41); // blank
        }
        return wb;
    }

    @Test
    void theSameRowsGiveTheSameFile() throws Exception {
        assertThat(Files.readAllBytes(save(fill(new ReviewerWorkbook(5))))).isEqualTo(Files.readAllBytes(save(fill(new ReviewerWorkbook(50)))));
    }

    @Test
    void theSheetsRowsAreCompressedInAClassicZipWithFixedTimes() throws Exception {
        long epoch = java.time.LocalDateTime.of(1980, 1, 1, 0, 0).atZone(java.time.ZoneId.systemDefault()).toInstant()
                .toEpochMilli();
        try (ZipFile zip = new ZipFile(save(fill(new ReviewerWorkbook(5))).toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            assertThat(sheet.getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(sheet.getCompressedSize()).isLessThan(sheet.getSize() / 4);
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                assertThat(e.getTime()).as("time of " + e.getName()).isEqualTo(epoch); // not the clock's: same rows, same file
                byte[] extra = e.getExtra(); // no Zip64 field (header id 1) below 4 GB: what Excel has always read
                assertThat(extra == null || extra.length < 2 || extra[0] != 1 || extra[1] != 0).as(e.getName()).isTrue();
            }
        }
    }

    private Path save(SXSSFWorkbook wb) throws IOException {
        Path file = Files.createTempFile(dir, "wb", ".xlsx");
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    /** Every entry unzipped, its CRC-32 and size checked against the central directory's. */
    private Map<String, byte[]> entries(SXSSFWorkbook wb) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(save(wb).toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readAllBytes();
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    assertThat(crc.getValue()).as("CRC-32 of " + e.getName()).isEqualTo(e.getCrc());
                    assertThat((long) bytes.length).as("size of " + e.getName()).isEqualTo(e.getSize());
                    out.put(e.getName(), bytes);
                }
            }
        }
        return out;
    }
}
