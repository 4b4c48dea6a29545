package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class MalformedCsvRecordsTest {

    /** Reads {@code text} (a header "Line,CRM ID,Notes" first) up to its first broken record, as the CSV reader does. */
    private static MalformedCsvRecords.Broken firstBroken(String text, long limit) throws Exception {
        LineChunkReader chunks = new LineChunkReader(new StringReader(text), limit);
        CSVParser parser = CSVParser.builder().setReader(chunks).setFormat(CSVFormat.DEFAULT).get();
        Iterator<CSVRecord> rows = parser.iterator();
        HeaderColumns columns = HeaderColumns.match(rows.next().toList(), "t.csv", SourceProfile.canonical());
        MalformedCsvRecords malformed = new MalformedCsvRecords(chunks, null, columns,
                new RowDealMapper(columns, SourceProfile.canonical()), limit);
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            chunks.startRecord();
            try {
                rows.next();
            } catch (UncheckedIOException e) {
                return malformed.broken(line, parser.getCurrentLineNumber());
            }
        }
    }

    @Test
    void brokenQuotingIsOneRecordAndReadingGoesOnAtTheNextLine() throws Exception {
        MalformedCsvRecords.Broken b = firstBroken("Line,CRM ID,Notes\n1,c-1,ok\n2,\"c-2\"x,no\n3,c-3,ok\n", 1000);

        assertThat(b.endsFile()).isFalse();
        assertThat(b.record().position()).isEqualTo(3);
        assertThat(b.record().malformed())
                .isEqualTo("Broken quoting: a quoted cell must be followed by the delimiter or the end of the line");
        // the text as written, in the first data column (Line is the reject writer's)
        assertThat(b.record().cells()).containsExactly("", "2,\"c-2\"x,no", "");
    }

    @Test
    void aQuoteThatNeverClosesEndsTheFile() throws Exception {
        MalformedCsvRecords.Broken b = firstBroken("Line,CRM ID,Notes\n1,\"c-1\n2,c-2,x\n", 1000);

        assertThat(b.endsFile()).isTrue();
        assertThat(b.record().malformed()).isEqualTo("A quote opened in this record never closes: the rest of the"
                + " file (from line 2) is one broken record");
        assertThat(b.record().cells()).containsExactly("", "1,\"c-1\n2,c-2,x", "");
    }

    @Test
    void aRecordOverTheLengthLimitEndsTheFile() throws Exception {
        MalformedCsvRecords.Broken b = firstBroken("Line,CRM ID,Notes\n1,\"" + "x".repeat(500) + "\n", 100);

        assertThat(b.endsFile()).isTrue();
        assertThat(b.record().malformed()).startsWith("The record starting on this line is longer than 100 characters");
    }

    @Test
    void aRowWithoutDamageTrackingIsNeverDamaged() throws Exception {
        HeaderColumns columns = HeaderColumns.match(List.of("CRM ID"), "t.csv", SourceProfile.canonical());
        LineChunkReader chunks = new LineChunkReader(new StringReader(""), 100);
        MalformedCsvRecords malformed = new MalformedCsvRecords(chunks, null, columns,
                new RowDealMapper(columns, SourceProfile.canonical()), 100);

        assertThat(malformed.damaged(2, 2, null)).isNull();
    }
}
