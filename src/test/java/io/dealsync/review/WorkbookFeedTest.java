package io.dealsync.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.model.Deal;
import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import io.dealsync.read.SourceProfile;
import io.dealsync.read.SourceRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook built while the file is read holds what the workbook written from the finished CSV holds:
 * the committed chunks only (a chunk written again after a failure counts once), in the CSV's encoding.
 */
class WorkbookFeedTest {
    private static final List<String> HEADER = List.of("CRM ID", "Deal Name", "Customer Country");

    @TempDir
    Path dir;

    private static SourceRecord row(long line, String... cells) {
        return SourceRecord.csv(line, new Deal(), List.of(cells), Set.of());
    }

    private static List<Violation> bad(String field) {
        return List.of(new Violation("INVALID_VALUE", field, field + ": not a known value", Severity.ERROR, "R1"));
    }

    /** Three chunks, the second written twice (its first write did not commit); fed or not. */
    private Path rejects(Path folder, SourceProfile profile, Charset charset, boolean fed) throws Exception {
        Files.createDirectories(folder);
        Path csv = folder.resolve("deals.rejects.csv");
        WorkbookFeed.Text text = new WorkbookFeed.Text();
        WorkbookFeed feed = fed ? WorkbookFeed.start(csv, profile) : null;
        RecordFileWriter w = new CsvRecordFileWriter(csv, RecordFileWriter.Kind.REJECTS, HEADER, 0, ',', charset, "d.csv",
                fed ? text : null);
        w.write(row(2, "CRM-1", "One, with a comma", "USA"), bad("Customer Country"));
        long settled = w.flush();
        if (fed) {
            feed.settled(text);
        }
        w.write(row(3, "CRM-2", "Never committed", "XX"), bad("Customer Country"));
        w.flush();
        w.abort(); // the chunk failed: cut back and written again
        text.clear();
        w = new CsvRecordFileWriter(csv, RecordFileWriter.Kind.REJECTS, HEADER, settled, ',', charset, "d.csv",
                fed ? text : null);
        w.write(row(3, "CRM-2", "Deal \"two\" Ω", "FR"), bad("Deal Name"));
        w.write(row(4, "CRM-3", "Three\nlines\nlong", ""), bad("Customer Country"));
        w.flush();
        if (fed) {
            feed.settled(text);
        }
        w.complete();
        Path xlsx = fed ? feed.finish() : RejectWorkbookWriter.writeBeside(csv, profile);
        assertThat(xlsx).isEqualTo(folder.resolve("deals.rejects.xlsx")).exists();
        assertThat(CsvRecordFileWriter.marksPathOf(csv)).doesNotExist();
        return xlsx;
    }

    @Test
    void theFedWorkbookIsTheOneTheCsvGives() throws Exception {
        SourceProfile utf8 = SourceProfile.canonical();
        assertThat(content(rejects(dir.resolve("fed"), utf8, StandardCharsets.UTF_8, true)))
                .isEqualTo(content(rejects(dir.resolve("from-csv"), utf8, StandardCharsets.UTF_8, false)))
                .anyMatch(c -> c.endsWith(" Deal \"two\" Ω")).contains("filled: Deal Name")
                .noneMatch(c -> c.contains("Never committed"));
    }

    @Test
    void inAnotherEncodingItReadsAsTheFileDoes() throws Exception {
        SourceProfile latin = SourceProfile.of("latin", "test", Map.of("encoding", "windows-1252"));
        Charset cp1252 = Charset.forName("windows-1252");
        List<String> fed = content(rejects(dir.resolve("fed"), latin, cp1252, true));
        assertThat(fed).isEqualTo(content(rejects(dir.resolve("from-csv"), latin, cp1252, false)))
                .anyMatch(c -> c.endsWith(" Deal \"two\" ?")); // Ω is not in windows-1252: the file holds '?', so does the workbook
    }

    @Test
    void aCancelledFeedLeavesNoWorkbook() throws Exception {
        Path csv = dir.resolve("x.rejects.csv");
        WorkbookFeed feed = WorkbookFeed.start(csv, SourceProfile.canonical());
        WorkbookFeed.Text text = new WorkbookFeed.Text();
        RecordFileWriter w = new CsvRecordFileWriter(csv, RecordFileWriter.Kind.REJECTS, HEADER, 0, ',',
                StandardCharsets.UTF_8, "d.csv", text);
        w.write(row(2, "CRM-1", "One", "USA"), bad("Customer Country"));
        w.flush();
        feed.settled(text);
        feed.cancel();
        w.abort();
        assertThat(dir.resolve("x.rejects.xlsx")).doesNotExist();
    }

    /** Every sheet's cells as text, with the offending cells marked and the comments counted. */
    private static List<String> content(Path xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            for (Sheet s : wb) {
                out.add("sheet " + s.getSheetName());
                for (Row r : s) {
                    for (Cell c : r) {
                        out.add(c.getAddress() + " " + new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c));
                        if (c.getCellStyle().getFillPattern() != org.apache.poi.ss.usermodel.FillPatternType.NO_FILL
                                && r.getRowNum() > 0) {
                            out.add("filled: " + s.getRow(0).getCell(c.getColumnIndex()).getStringCellValue());
                        }
                        if (c.getCellComment() != null) {
                            out.add("comment " + c.getCellComment().getString().getString());
                        }
                    }
                }
            }
        }
        return out;
    }
}
