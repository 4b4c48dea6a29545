package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The row fast path's scanner finds plain RFC 4180 rows only, and leaves everything else to commons-csv. */
class RowScanTest {
    /** Wants columns 0 and 2 (as the reader wants the key columns). */
    private final RowScan scan = new RowScan(',', new int[] {0, 2});

    private int find(String text) {
        char[] buf = text.toCharArray();
        return scan.find(buf, 0, buf.length);
    }

    @Test
    void aPlainRowEndsAfterItsLineBreakAndKeepsTheWantedCells() {
        assertThat(find("a,b,c\nnext")).isEqualTo(6);
        assertThat(scan.cell(0)).isEqualTo("a");
        assertThat(scan.cell(1)).isEqualTo("c");
        assertThat(scan.lineBreaks()).isEqualTo(1);
        assertThat(find("a,b,c\r\nnext")).isEqualTo(7);
        assertThat(scan.lineBreaks()).isEqualTo(1);
    }

    @Test
    void quotedCellsMayHoldDelimitersLineBreaksAndDoubledQuotes() {
        String row = "\"x, \"\"y\"\"\",\"two\nlines\",'=z\n";
        assertThat(find(row + "next")).isEqualTo(row.length());
        assertThat(scan.cell(0)).isEqualTo("x, \"y\"");
        assertThat(scan.cell(1)).isEqualTo("=z"); // the reject file's formula guard comes off, as the reader takes it off
        assertThat(scan.lineBreaks()).isEqualTo(2);
    }

    @Test
    void aScanOfEveryCellSplitsTheRowAsCommonsCsvDoes() throws Exception {
        // given
        String row = "\"x, \"\"y\"\"\",,\"two\r\nlines\",'=z, plain \n";
        RowScan every = RowScan.everyCell(',');
        char[] buf = (row + "next,row\n").toCharArray();

        // when
        int end = every.find(buf, 0, buf.length);

        // then: the cells commons-csv reads from the same text (the formula guard off, as the reader takes it off)
        assertThat(end).isEqualTo(row.length());
        java.util.List<String> commons = new java.util.ArrayList<>();
        org.apache.commons.csv.CSVFormat f = org.apache.commons.csv.CSVFormat.RFC4180.builder().setEscape(null).get();
        try (var p = org.apache.commons.csv.CSVParser.parse(row, f)) {
            p.iterator().next().forEach(c -> commons.add(CsvRecordReader.unescapeFormula(c)));
        }
        assertThat(every.takeRow()).containsExactlyElementsOf(commons).containsExactly("x, \"y\"", "", "two\r\nlines", "=z", " plain ");
        assertThat(every.lineBreaks()).isEqualTo(2);
        assertThat(every.find(buf, end, buf.length)).isEqualTo(buf.length);
        assertThat(every.takeRow()).containsExactly("next", "row");
    }

    @Test
    void aMissingWantedColumnIsEmpty() {
        assertThat(find("a\n")).isEqualTo(2);
        assertThat(scan.cell(1)).isEmpty();
    }

    @Test
    void whatCommonsCsvMustDecideIsLeftToIt() {
        assertThat(find("a,b\"c,d\n")).as("a quote inside an unquoted cell").isEqualTo(-1);
        assertThat(find("\"a\"b,c\n")).as("text after a closing quote").isEqualTo(-1);
        assertThat(find("a,b\rc,d\r")).as("a lone CR").isEqualTo(-1);
        assertThat(find("a,b\r")).as("a CR whose LF is not in hand").isEqualTo(-1);
        assertThat(find("a,\"b\rc\",d\n")).as("a lone CR inside quotes").isEqualTo(-1);
        assertThat(find("a,\"b\nc")).as("a quote still open at the buffer's end").isEqualTo(-1);
        assertThat(find("a,b,c")).as("no line break in hand").isEqualTo(-1);
        assertThat(find(" , ,\n")).as("a blank row (not a record)").isEqualTo(-1);
        assertThat(find("\n")).as("an empty line").isEqualTo(-1);
    }

    @Test
    void theHashIsOfTheRowTextWhereverTheBuffersCutIt() {
        char[] lf = "a,b\n".toCharArray();
        char[] crlf = "\na,b\r\n".toCharArray(); // the LF of a split CRLF before it, its own CRLF after it
        assertThat(RowScan.hash(7, lf, 0, lf.length)).isEqualTo(RowScan.hash(7, crlf, 0, crlf.length))
                .isNotEqualTo(RowScan.hash(8, lf, 0, lf.length))
                .isNotEqualTo(RowScan.hash(7, "a,c\n".toCharArray(), 0, 4));
    }
}
