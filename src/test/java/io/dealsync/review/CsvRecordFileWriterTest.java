package io.dealsync.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Deal;
import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordFileWriterTest {

    @TempDir
    Path dir;

    private static final List<String> HEADER = List.of("CRM ID", "Deal Name", "Notes");

    private static SourceRecord row(long line, String... cells) {
        return SourceRecord.csv(line, new Deal(), List.of(cells), Set.of());
    }

    private static Violation err(String code, String field, String message) {
        return new Violation(code, field, message, Severity.ERROR, "R1");
    }

    private static List<CSVRecord> read(Path p) throws IOException {
        return read(p, CSVFormat.RFC4180, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> read(Path p, CSVFormat format, Charset cs) throws IOException {
        try (Reader r = Files.newBufferedReader(p, cs)) {
            if (StandardCharsets.UTF_8.equals(cs)) {
                assertThat(r.read()).as("a UTF-8 reject file starts with a BOM (Excel)").isEqualTo(0xFEFF);
            }
            return new ArrayList<>(format.parse(r).getRecords());
        }
    }

    private static List<String> values(CSVRecord r) {
        return r.toList();
    }

    @Test
    void rejectFileHasFrontColumnsInputColumnsAndLineAtTheEnd() throws IOException {
        Path target = dir.resolve("deals.rejects.csv");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0)) {
            w.write(row(3, "CRM-1", "Big deal", "n"), List.of(
                    err("REQUIRED_FIELD", "Location", "Location is required"),
                    err("INVALID_VALUE", "Customer Country", "Customer Country is not an ISO country code")));
            assertThat(w.complete()).isEqualTo(target);
        }
        assertThat(target).exists();
        assertThat(RecordFileWriter.partPathOf(target)).doesNotExist();
        List<CSVRecord> rows = read(target);
        assertThat(values(rows.get(0))).containsExactly("Errors", "Reason Codes", "CRM ID", "Deal Name", "Notes", "Line", "Source File");
        assertThat(values(rows.get(1))).containsExactly(
                "Location is required; Customer Country is not an ISO country code",
                "REQUIRED_FIELD;INVALID_VALUE", "CRM-1", "Big deal", "n", "3", "");
        assertThat(Files.readString(target)).contains("\r\n");
    }

    @Test
    void oldErrorsReasonCodesAndLineColumnsAreReplacedNotRepeated() throws IOException {
        List<String> header = List.of(" errors ", "Reason Codes", "CRM ID", "Deal Name", "LINE", "source file");
        Path target = dir.resolve("deals.2.rejects.csv");
        try (RecordFileWriter w = new CsvRecordFileWriter(target, RecordFileWriter.Kind.REJECTS, header, 0, ',',
                StandardCharsets.UTF_8, "deals.rejects.csv")) {
            w.write(row(2, "old message", "OLD_CODE", "CRM-1", "Deal", "7", "crm/deals.csv"),
                    List.of(err("REQUIRED_FIELD", "Location", "Location is required")));
            w.write(row(3, "", "", "CRM-2", "Deal added by the reviewer", "", ""),
                    List.of(err("REQUIRED_FIELD", "Location", "Location is required")));
            w.complete();
        }
        List<CSVRecord> rows = read(target);
        assertThat(values(rows.get(0))).containsExactly("Errors", "Reason Codes", "CRM ID", "Deal Name", "Line",
                "Source File");
        assertThat(values(rows.get(1))).as("the original export's line and file are carried over")
                .containsExactly("Location is required", "REQUIRED_FIELD", "CRM-1", "Deal", "7", "crm/deals.csv");
        assertThat(values(rows.get(2))).as("a row without them gets its own line and file")
                .containsExactly("Location is required", "REQUIRED_FIELD", "CRM-2", "Deal added by the reviewer", "3",
                        "deals.rejects.csv");
    }

    @Test
    void shortRowsArePaddedAndLongRowsKeepEveryCellAfterLine() throws IOException {
        Path target = dir.resolve("x.rejects.csv");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0)) {
            w.write(row(2, "CRM-1"), List.of(err("REQUIRED_FIELD", "Deal Name", "Deal Name is required")));
            w.write(SourceRecord.malformedCsv(3, "row has 5 cells, the header 3", List.of("a", "b", "c", "d", "e")),
                    List.of());
            w.complete();
        }
        List<CSVRecord> rows = read(target);
        assertThat(values(rows.get(1))).containsExactly("Deal Name is required", "REQUIRED_FIELD", "CRM-1", "", "", "2", "");
        assertThat(values(rows.get(2))).containsExactly("row has 5 cells, the header 3", "MALFORMED_RECORD",
                "a", "b", "c", "3", "", "d", "e");
    }

    @Test
    void formulasAreNeutralisedEverywhereIncludingErrors() throws IOException {
        Path target = dir.resolve("f.rejects.csv");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0)) {
            w.write(row(2, "=HYPERLINK(\"http://x\")", "+1", "-5"), List.of(err("X", "", "=cmd|' /C calc'!A0")));
            w.write(row(3, "@SUM(A1)", "\tTab", "\rCR"), List.of(err("X", "", "fine")));
            w.write(row(4, "a=b", "1-2", "'already"), List.of(err("X", "", "fine")));
            w.complete();
        }
        List<CSVRecord> rows = read(target);
        assertThat(values(rows.get(1))).containsExactly("'=cmd|' /C calc'!A0", "X", "'=HYPERLINK(\"http://x\")",
                "'+1", "'-5", "2", "");
        assertThat(values(rows.get(2))).containsExactly("fine", "X", "'@SUM(A1)", "'\tTab", "'\rCR", "3", "");
        assertThat(values(rows.get(3))).containsExactly("fine", "X", "a=b", "1-2", "'already", "4", "");
    }

    @Test
    void commasQuotesAndNewlinesAreQuotedPerRfc4180() throws IOException {
        Path target = dir.resolve("q.rejects.csv");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0)) {
            w.write(row(2, "CRM,1", "say \"hi\"", "line1\nline2\r\nline3"),
                    List.of(err("A", "", "msg, with comma"), err("B", "", "msg \"quoted\"")));
            w.complete();
        }
        String text = Files.readString(target);
        assertThat(text).contains("\"CRM,1\"", "\"say \"\"hi\"\"\"", "\"msg, with comma; msg \"\"quoted\"\"\"");
        List<CSVRecord> rows = read(target);
        assertThat(rows).hasSize(2);
        assertThat(values(rows.get(1))).containsExactly("msg, with comma; msg \"quoted\"", "A;B", "CRM,1",
                "say \"hi\"", "line1\nline2\r\nline3", "2", "");
    }

    @Test
    void warningFilesHaveWarningColumnsAndDuplicateCodesAreListedOnce() throws IOException {
        Path target = dir.resolve("w.warnings.csv");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.WARNINGS, HEADER, 0)) {
            w.write(row(5, "CRM-9", "D", ""), List.of(
                    new Violation("CLOSE_DATE_PAST", "Estimated Close Date", "close date is in the past", Severity.WARNING, "R60"),
                    new Violation("CLOSE_DATE_PAST", "Estimated Close Date", "again", Severity.WARNING, "R60")));
            w.complete();
        }
        List<CSVRecord> rows = read(target);
        assertThat(values(rows.get(0))).containsExactly("Warnings", "Warning Codes", "CRM ID", "Deal Name", "Notes", "Line", "Source File");
        assertThat(values(rows.get(1))).containsExactly("close date is in the past; again", "CLOSE_DATE_PAST",
                "CRM-9", "D", "", "5", "");
    }

    @Test
    void profileDelimiterAndEncodingAreHonoured() throws IOException {
        Path target = dir.resolve("fr.rejects.csv");
        Charset cp1252 = Charset.forName("windows-1252");
        try (RecordFileWriter w = new CsvRecordFileWriter(target, RecordFileWriter.Kind.REJECTS,
                List.of("Nom", "Montant"), 0, ';', cp1252)) {
            w.write(row(2, "Société Générale", "1 234,56"), List.of(err("INVALID_VALUE", "", "montant invalide")));
            w.complete();
        }
        List<CSVRecord> rows = read(target, CSVFormat.RFC4180.builder().setDelimiter(';').get(), cp1252);
        assertThat(values(rows.get(1))).containsExactly("montant invalide", "INVALID_VALUE", "Société Générale",
                "1 234,56", "2", "");
    }

    @Test
    void resumeCutsThePartBackToTheCheckpointOffset() throws IOException {
        Path target = dir.resolve("r.rejects.csv");
        long offset;
        RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0);
        w.write(row(2, "A"), List.of(err("X", "", "m")));
        offset = w.flush();
        assertThat(offset).isEqualTo(Files.size(RecordFileWriter.partPathOf(target)));
        w.write(row(3, "B-uncommitted"), List.of(err("X", "", "m")));
        w.flush();
        w.abort(); // crash: the second batch never committed
        assertThat(RecordFileWriter.partPathOf(target)).exists();
        assertThat(target).doesNotExist();

        try (RecordFileWriter again = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, offset)) {
            assertThat(Files.size(RecordFileWriter.partPathOf(target))).isEqualTo(offset);
            again.write(row(3, "B"), List.of(err("X", "", "m")));
            again.complete();
        }
        String text = Files.readString(target);
        assertThat(text).doesNotContain("B-uncommitted");
        List<CSVRecord> rows = read(target);
        assertThat(rows).hasSize(3); // one header, not two
        assertThat(rows.get(1).get(2)).isEqualTo("A");
        assertThat(rows.get(2).get(2)).isEqualTo("B");
    }

    @Test
    void freshOpenTruncatesALeftoverPart() throws IOException {
        Path target = dir.resolve("l.rejects.csv");
        Files.writeString(RecordFileWriter.partPathOf(target), "garbage from a crashed attempt\n");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0)) {
            w.complete();
        }
        assertThat(Files.readString(target)).isEqualTo("\uFEFFErrors,Reason Codes,CRM ID,Deal Name,Notes,Line,Source File\r\n");
    }

    @Test
    void resumeAfterCompleteButBeforeCommitTakesTheFinalFileBack() throws IOException {
        Path target = dir.resolve("c.rejects.csv");
        long offset;
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0)) {
            w.write(row(2, "A"), List.of(err("X", "", "m")));
            offset = w.flush();
            w.complete();
        }
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, offset)) {
            w.complete();
        }
        assertThat(read(target)).hasSize(2);
    }

    @Test
    void resumingPastTheEndOfThePartFails() throws IOException {
        Path target = dir.resolve("e.rejects.csv");
        Files.writeString(RecordFileWriter.partPathOf(target), "short");
        assertThatThrownBy(() -> RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 1000))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot resume");
    }

    @Test
    void closeWithoutCompleteLeavesOnlyThePart() throws IOException {
        Path target = dir.resolve("a.rejects.csv");
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0)) {
            w.write(row(2, "A"), List.of(err("X", "", "m")));
        }
        assertThat(target).doesNotExist();
        assertThat(RecordFileWriter.partPathOf(target)).exists();
    }

    @Test
    void completeNeverOverwritesAnExistingFile() throws IOException {
        Path target = dir.resolve("o.rejects.csv");
        RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0);
        Files.writeString(target, "earlier");
        assertThatThrownBy(w::complete).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("earlier");
    }

    @Test
    void manyRecordsAreWrittenQuickly() throws IOException {
        Path target = dir.resolve("big.rejects.csv");
        List<Violation> vs = List.of(err("REQUIRED_FIELD", "Location", "Location is required"));
        try (RecordFileWriter w = RecordFileWriter.open(target, RecordFileWriter.Kind.REJECTS, HEADER, 0)) {
            for (int i = 0; i < 100_000; i++) {
                w.write(row(i + 2, "CRM-" + i, "Deal " + i, "-"), vs);
            }
            assertThat(w.records()).isEqualTo(100_000);
            w.complete();
        }
        assertThat(read(target)).hasSize(100_001);
    }
}
