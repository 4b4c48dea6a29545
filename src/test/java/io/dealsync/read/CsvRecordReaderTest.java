package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return write(dir, name, content);
    }

    /** A UTF-8 text file in {@code dir}; the JSON reader's tests use it too. */
    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path bytes(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    static List<SourceRecord> readAll(RecordReader r) throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        try (r) {
            while (r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    private List<SourceRecord> read(Path p) throws Exception {
        return readAll(RecordReaders.open(p, SourceProfile.canonical()));
    }

    @Test
    void readsTheCanonicalFixtureWithEveryColumn() throws Exception {
        Path p = Path.of(getClass().getResource("/ingest/canonical-deals.csv").toURI());
        try (RecordReader r = RecordReaders.open(p, SourceProfile.canonical())) {
            assertThat(r.kind()).isEqualTo(RecordReader.Kind.CSV);
            assertThat(r.unknownColumns()).isEmpty();
            List<SourceRecord> recs = readAll(r);
            assertThat(recs).hasSize(2);
            Deal d = recs.get(0).deal();
            assertThat(recs.get(0).position()).isEqualTo(2);
            assertThat(d.get(Field.CRM_ID)).isEqualTo("CRM-0001");
            assertThat(d.get(Field.PARTNER_ID)).isEqualTo("1234567");
            assertThat(d.get(Field.ESTIMATED_VALUE)).isEqualTo("48500");
            assertThat(d.get(Field.NOTES)).isEqualTo("Assess 120 servers, 14 databases");
            assertThat(d.get(Field.STAGE_COLLECT_DATA)).isEqualTo("2026-03-09");
            assertThat(d.getSolutions()).containsExactly(new Solution("SOL-SA-INFRA", "", "", ""));
            assertThat(d.getTeam()).hasSize(1);
            assertThat(d.getTeam().get(0).isPlausible()).isTrue();
            assertThat(recs.get(0).presentColumns()).contains(Field.REFERRAL_ID.header(), SourceRecord.SOLUTIONS,
                    SourceRecord.TEAM).hasSize(Field.values().length + 2);
            Deal d2 = recs.get(1).deal();
            assertThat(d2.get(Field.DIRECTION)).isEqualTo("Incoming");
            assertThat(d2.get(Field.CUSTOMER_COUNTRY)).isEqualTo("US");
            assertThat(d2.get(Field.ESTIMATED_CLOSE_DATE)).isEqualTo("2030-11-15");
            assertThat(d2.get(Field.INVITED_BY)).isEqualTo("msft");
            assertThat(recs.get(1).presentColumns()).isSameAs(recs.get(0).presentColumns());
        }
    }

    @Test
    void bomCrlfQuotedCommasAndLineBreaksKeepPhysicalLineNumbers() throws Exception {
        String csv = "\uFEFFCRM ID,Notes,Deal Name\r\n"
                + "A,\"one, two\",x\r\n"
                + "B,\"line 1\r\nline 2\r\nline 3\",y\r\n"
                + "C,plain,z\r\n"
                + "D,\"a \"\"quoted\"\" word\",w";
        List<SourceRecord> recs = read(file("bom.csv", csv));
        assertThat(recs).extracting(SourceRecord::position).containsExactly(2L, 3L, 6L, 7L);
        assertThat(recs.get(0).deal().get(Field.CRM_ID)).isEqualTo("A"); // BOM not part of the first header
        assertThat(recs.get(0).deal().get(Field.NOTES)).isEqualTo("one, two");
        assertThat(recs.get(1).deal().get(Field.NOTES)).isEqualTo("line 1\r\nline 2\r\nline 3");
        assertThat(recs.get(3).deal().get(Field.NOTES)).isEqualTo("a \"quoted\" word");
        assertThat(recs.get(3).deal().getLine()).isEqualTo(7);
    }

    /** A source that hands out one character per read: every CRLF is split between two reads. */
    private static java.io.Reader trickle(String text) {
        return new java.io.Reader() {
            private int i;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (i >= text.length()) {
                    return -1;
                }
                cbuf[off] = text.charAt(i++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void splitLineBreaksDoNotShiftLineNumbersEvenAfterABrokenRecord() throws Exception {
        String csv = "CRM ID,Notes\r\nA,\"x\r\ny\"\r\nB,\"bad\"x\r\nC,z\r\n\r\nD,\"q\"w\rE,e\rF,f";
        List<SourceRecord> recs = readAll(new CsvRecordReader(trickle(csv), "t.csv", SourceProfile.canonical(),
                CsvRecordReader.MAX_RECORD_CHARS));
        assertThat(recs).extracting(r -> r.isMalformed() ? "!" + r.position() : r.deal().get(Field.CRM_ID) + r.position())
                .containsExactly("A2", "!4", "C5", "!7", "E8", "F9");
        assertThat(recs.get(0).deal().get(Field.NOTES)).isEqualTo("x\r\ny");
        assertThat(recs.get(1).cells()).containsExactly("B,\"bad\"x", "");
    }

    @Test
    void lfAndCrOnlyLineEndingsAndBlankLines() throws Exception {
        List<SourceRecord> lf = read(file("lf.csv", "CRM ID,Notes\nA,\"x\ny\"\n\nB,z\n\n"));
        assertThat(lf).extracting(SourceRecord::position).containsExactly(2L, 5L);
        List<SourceRecord> cr = read(file("cr.csv", "CRM ID,Notes\rA,x\rB,y\r"));
        assertThat(cr).extracting(SourceRecord::position).containsExactly(2L, 3L);
        assertThat(cr.get(1).deal().get(Field.CRM_ID)).isEqualTo("B");
    }

    @Test
    void trailingEmptyColumnsAndFewerCells() throws Exception {
        List<SourceRecord> recs = read(file("trail.csv", "CRM ID,Deal Name,Notes,,\nA,n,x,,\nB,m\nC\n,,,,\n"));
        assertThat(recs).hasSize(3); // the row of empty cells is no record
        assertThat(recs.get(1).isMalformed()).isFalse();
        assertThat(recs.get(1).cells()).containsExactly("B", "m", "", "", "");
        assertThat(recs.get(1).deal().get(Field.NOTES)).isEmpty();
        assertThat(recs.get(2).deal().get(Field.CRM_ID)).isEqualTo("C");
        assertThat(recs.get(2).presentColumns()).containsExactlyInAnyOrder("CRM ID", "Deal Name", "Notes");
    }

    @Test
    void moreCellsThanTheHeaderIsMalformedAndReadingGoesOn() throws Exception {
        List<SourceRecord> recs = read(file("more.csv", "CRM ID,Notes\nA,x\nB,y,extra\nC,z\n"));
        assertThat(recs).hasSize(3);
        assertThat(recs.get(1).isMalformed()).isTrue();
        assertThat(recs.get(1).position()).isEqualTo(3);
        assertThat(recs.get(1).malformed()).contains("3 cells").contains("2 columns");
        assertThat(recs.get(1).cells()).containsExactly("B", "y", "extra");
        assertThat(recs.get(2).deal().get(Field.CRM_ID)).isEqualTo("C");
        assertThat(recs.get(2).position()).isEqualTo(4);
    }

    @Test
    void aBrokenQuoteIsOneMalformedRecordAndReadingResumesOnTheNextLine() throws Exception {
        String csv = "CRM ID,Notes,Deal Name\n"
                + "A,ok,n1\n"
                + "B,\"abc\"def,n2\n"        // text after a closing quote
                + "C,ok,n3\n"
                + "D,\"opens here,n4\n"      // a quote that swallows the next lines ...
                + "E,ok,n5\n"
                + "F,\"closes\" here,n6\n"   // ... until this quote, then breaks
                + "G,ok,n7\n";
        List<SourceRecord> recs = read(file("quote.csv", csv));
        assertThat(recs).extracting(r -> r.isMalformed() ? "!" + r.position() : r.deal().get(Field.CRM_ID) + r.position())
                .containsExactly("A2", "!3", "C4", "!5", "G8");
        assertThat(recs.get(1).malformed()).contains("quot");
        assertThat(recs.get(1).cells()).containsExactly("B,\"abc\"def,n2", "", "");
        assertThat(recs.get(3).malformed()).contains("line 5 to line 7");
        assertThat(recs.get(3).cells().get(0)).startsWith("D,\"opens here,n4\nE,ok,n5\nF,");
    }

    @Test
    void aQuoteThatNeverClosesGivesOneMalformedRecordAtTheEnd() throws Exception {
        List<SourceRecord> recs = read(file("open.csv", "CRM ID,Notes\nA,x\nB,\"never closed\nC,y\nD,z\n"));
        assertThat(recs).hasSize(2);
        assertThat(recs.get(0).deal().get(Field.CRM_ID)).isEqualTo("A");
        assertThat(recs.get(1).isMalformed()).isTrue();
        assertThat(recs.get(1).position()).isEqualTo(3);
        assertThat(recs.get(1).malformed()).contains("never closes");
    }

    @Test
    void headerIsMatchedIgnoringCaseAndSpacesAndUnknownColumnsAreListed() throws Exception {
        Path p = file("head.csv", "  crm   id ,DEAL NAME,Favourite Colour, solution  2 ,TEAM MEMBER 1,Errors,Reason Codes,Line\n"
                + "A,n,blue,SOL-SA-AI,\"Jo, Ex, +1 425 555 0100, jo@x.example\",some error,X,7\n");
        try (RecordReader r = RecordReaders.open(p, SourceProfile.canonical())) {
            assertThat(r.unknownColumns()).containsExactly("Favourite Colour");
            assertThat(r.header()).hasSize(8).startsWith("  crm   id ");
            SourceRecord rec = r.next();
            assertThat(rec.deal().get(Field.CRM_ID)).isEqualTo("A");
            assertThat(rec.deal().getSolutionIds()).containsExactly("SOL-SA-AI");
            assertThat(rec.deal().getTeam()).hasSize(1);
            assertThat(rec.presentColumns()).containsExactlyInAnyOrder("CRM ID", "Deal Name", SourceRecord.SOLUTIONS,
                    SourceRecord.TEAM);
            assertThat(rec.cells()).hasSize(8);
        }
    }

    @Test
    void solutionsAreTakenInNumberOrderSkippingEmptyOnes() throws Exception {
        List<SourceRecord> recs = read(file("sol.csv",
                "CRM ID,Solution 3,Solution 1,Solution 2\nA,SOL-C,\"SOL-A, USD, 10, 1\",\n"));
        assertThat(recs.get(0).deal().getSolutions()).extracting(Solution::getId).containsExactly("SOL-A", "SOL-C");
        assertThat(recs.get(0).deal().getSolutions().get(0).getPrice()).isEqualTo("10");
    }

    @Test
    void duplicateHeaderNamesTheFirstWinsAndItIsReported() throws Exception {
        Path p = file("dup.csv", "CRM ID,Notes,notes ,Solution 1,Solution  1\nA,first,second,SOL-SA-AI,SOL-X\n");
        try (CsvRecordReader r = (CsvRecordReader) RecordReaders.open(p, SourceProfile.canonical())) {
            assertThat(r.duplicateColumns()).hasSize(2);
            assertThat(r.duplicateColumns().get(0)).contains("notes").contains("column 3").contains("column 2");
            assertThat(r.unknownColumns()).containsAll(r.duplicateColumns());
            SourceRecord rec = r.next();
            assertThat(rec.deal().get(Field.NOTES)).isEqualTo("first");
            assertThat(rec.deal().getSolutionIds()).containsExactly("SOL-SA-AI");
        }
    }

    @Test
    void formulaEscapesAreDropped() throws Exception {
        List<SourceRecord> recs = read(file("f.csv",
                "CRM ID,Notes,Deal Name,Status Reason\nA,'=1+2,'-x,'plain\n"));
        Deal d = recs.get(0).deal();
        assertThat(d.get(Field.NOTES)).isEqualTo("=1+2");
        assertThat(d.get(Field.DEAL_NAME)).isEqualTo("-x");
        assertThat(d.get(Field.STATUS_REASON)).isEqualTo("'plain");
        assertThat(recs.get(0).cells()).containsExactly("A", "=1+2", "-x", "'plain");
        assertThat(CsvRecordReader.unescapeFormula("'@x")).isEqualTo("@x");
        assertThat(CsvRecordReader.unescapeFormula("'\tx")).isEqualTo("\tx");
        assertThat(CsvRecordReader.unescapeFormula("'+1")).isEqualTo("+1");
        assertThat(CsvRecordReader.unescapeFormula("'")).isEqualTo("'");
    }

    @Test
    void aTenMegabyteFieldIsRead() throws Exception {
        Path p = dir.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(p)) {
            w.write("CRM ID,Notes\nA,\"");
            for (int i = 0; i < 10 * 1024; i++) {
                w.write("x".repeat(1023));
                w.write('\n');
            }
            w.write("\"\nB,small\n");
        }
        List<SourceRecord> recs = read(p);
        assertThat(recs).hasSize(2);
        assertThat(recs.get(0).deal().get(Field.NOTES).length()).isGreaterThanOrEqualTo(10 * 1024 * 1024 - 1);
        assertThat(recs.get(1).position()).isEqualTo(2 + 10 * 1024 + 1);
    }

    @Test
    void aRecordOverTheLimitEndsTheFileWithOneMalformedRecord() throws Exception {
        Path p = file("limit.csv", "CRM ID,Notes\nA,x\nB,\"" + "y".repeat(5000) + "\nC,z\n");
        List<SourceRecord> recs = readAll(new CsvRecordReader(p, SourceProfile.canonical(), 1000));
        assertThat(recs).hasSize(2);
        assertThat(recs.get(1).isMalformed()).isTrue();
        assertThat(recs.get(1).malformed()).contains("longer than");
    }

    @Test
    void emptyAndHeaderOnlyFilesHaveNoRecords() throws Exception {
        assertThat(read(file("empty.csv", ""))).isEmpty();
        assertThat(read(file("blank.csv", "\n\n"))).isEmpty();
        assertThat(read(file("bomonly.csv", "\uFEFF"))).isEmpty();
        try (RecordReader r = RecordReaders.open(file("head.csv", "CRM ID,Notes\r\n"), SourceProfile.canonical())) {
            assertThat(r.header()).containsExactly("CRM ID", "Notes");
            assertThat(r.hasNext()).isFalse();
        }
    }

    @Test
    void aFirstLineThatIsNoHeaderMakesTheFileUnreadable() throws Exception {
        assertThatThrownBy(() -> RecordReaders.open(file("e.csv", ",,,\nA,B,C,D\n"), SourceProfile.canonical()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not a header");
        assertThatThrownBy(() -> RecordReaders.open(file("d.csv", "123,Contoso,US\n456,Fabrikam,FR\n"),
                SourceProfile.canonical()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("names a known column");
        assertThatThrownBy(() -> RecordReaders.open(file("q.csv", "\"CRM ID,Notes\nA,B\n"), SourceProfile.canonical()))
                .isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void binaryAndBadlyEncodedFilesAreUnreadable() throws Exception {
        byte[] bin = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> RecordReaders.open(bytes("img.csv", bin), SourceProfile.canonical()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not a text file");
        byte[] latin1Header = "Cr\u00e9\u00e9 le,CRM ID\nA,B\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> RecordReaders.open(bytes("l1.csv", latin1Header), SourceProfile.canonical()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not text in UTF-8");
    }

    @Test
    void aBadByteFurtherDownDamagesOnlyItsRecord() throws Exception {
        StringBuilder sb = new StringBuilder("CRM ID,Notes\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("ID-").append(i).append(",some notes for this row\n");
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'B', ',', (byte) 0xC3, '(', '\n', 'C', ',', 'x', '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Path p = bytes("late.csv", all);
        // one damaged line in 5003: not a file in another encoding, so the precheck lets it through ...
        FilePrecheck.Result pre = FilePrecheck.check(p, StandardCharsets.UTF_8);
        assertThat(pre.ok()).isTrue();
        assertThat(pre.damagedLines()).isEqualTo(1);
        // ... and the reader rejects that record, naming line, column and byte, and reads on
        List<SourceRecord> recs = readAll(RecordReaders.open(p, SourceProfile.canonical()));
        assertThat(recs).hasSize(5002);
        SourceRecord broken = recs.get(5000);
        assertThat(broken.position()).isEqualTo(5002);
        assertThat(broken.malformed()).isEqualTo("line 5002: byte 0xC3 at column 3 is not text in UTF-8");
        assertThat(broken.cells().get(0)).isEqualTo("B");
        assertThat(recs.get(5001).deal().get(io.dealsync.model.Field.CRM_ID)).isEqualTo("C");
        assertThat(recs.get(5001).position()).isEqualTo(5003);
    }

    @Test
    void nulBytesDamageTheirRecordsOnly() throws Exception {
        StringBuilder sb = new StringBuilder("CRM ID,Notes\r\n");
        for (int i = 1; i <= 300; i++) {
            sb.append("ID-").append(i).append(',').append(i % 100 == 0 ? "no\0te" : "note").append("\r\n");
        }
        // and one inside a quoted cell that spans two lines: the record starting on line 302 is damaged
        sb.append("ID-X,\"two\r\nli\0nes\"\r\nID-Y,fine\r\n");
        List<SourceRecord> recs = read(file("nul.csv", sb.toString()));
        assertThat(recs).hasSize(302);
        assertThat(recs.stream().filter(SourceRecord::isMalformed).map(r -> r.position() + " " + r.malformed()))
                .containsExactly("101 line 101: byte 0x00 at column 10 is not text",
                        "201 line 201: byte 0x00 at column 10 is not text",
                        "301 line 301: byte 0x00 at column 10 is not text",
                        "302 line 303: byte 0x00 at column 3 is not text");
        assertThat(recs.get(301).position()).isEqualTo(304);
        assertThat(recs.get(301).deal().get(io.dealsync.model.Field.CRM_ID)).isEqualTo("ID-Y");
        assertThat(recs.get(99).cells().get(1)).isEqualTo("no\uFFFDte");
    }

    @Test
    void latin1BytesInAUtf8FileDamageTheirLineOnly() throws Exception {
        byte[] head = "CRM ID,Customer Name\nA,Alpha\n".getBytes(StandardCharsets.UTF_8);
        byte[] l1 = "B,Caf\u00e9 M\u00fcller\nC,Gamma\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + l1.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(l1, 0, all, head.length, l1.length);
        List<SourceRecord> recs = readAll(RecordReaders.open(bytes("mixed.csv", all), SourceProfile.canonical()));
        assertThat(recs).extracting(SourceRecord::position).containsExactly(2L, 3L, 4L);
        assertThat(recs.get(1).malformed()).isEqualTo("line 3: byte 0xE9 at column 6 is not text in UTF-8");
        assertThat(recs.get(1).cells().get(1)).isEqualTo("Caf\uFFFD M\uFFFDller");
        assertThat(recs.get(2).isMalformed()).isFalse();
    }

    @Test
    void extensionsChooseTheReader() throws Exception {
        assertThat(RecordReaders.open(file("X.CSV", "CRM ID\nA\n"), SourceProfile.canonical()))
                .isInstanceOf(CsvRecordReader.class);
        assertThat(RecordReaders.open(file("x.JSONL", "{}\n"), SourceProfile.canonical()))
                .isInstanceOf(JsonRecordReader.class);
        assertThat(RecordReaders.isDataFile(Path.of("a.NdJson"))).isTrue();
        assertThat(RecordReaders.isDataFile(Path.of("a.txt"))).isFalse();
        assertThatThrownBy(() -> RecordReaders.open(file("x.txt", "CRM ID\n"), SourceProfile.canonical()))
                .isInstanceOf(UnreadableFileException.class);
    }

    @Test
    void aRejectFileReadsBackAsInput() throws Exception {
        Path p = file("back.rejects.csv", "Errors,Reason Codes,CRM ID,Notes,Line\n"
                + "\"Notes is required\",REQUIRED_FIELD,A,'=fixed,2\n");
        try (RecordReader r = RecordReaders.open(p, SourceProfile.canonical())) {
            assertThat(r.unknownColumns()).isEmpty();
            SourceRecord rec = r.next();
            assertThat(rec.deal().get(Field.NOTES)).isEqualTo("=fixed");
            assertThat(rec.presentColumns()).containsExactlyInAnyOrder("CRM ID", "Notes");
        }
        Path broken = file("broken.rejects.csv", "Errors,Reason Codes,CRM ID,Notes,Line\n"
                + "x,MALFORMED_RECORD,A,\"bad\"q,2\n");
        List<SourceRecord> recs = read(broken);
        assertThat(recs.get(0).isMalformed()).isTrue();
        assertThat(recs.get(0).cells()).containsExactly("", "", "x,MALFORMED_RECORD,A,\"bad\"q,2", "", "");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(CsvRecordReaderTest.class.getResource(name).toURI());
    }
}
