package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealsync.model.Deal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefetchingRecordReaderTest {

    /** Hands out the records it was given; a null in the list means "the file system fails here". */
    private static final class ListReader extends PrefetchingRecordReader {
        private final Deque<SourceRecord> records;
        private final boolean lastEndsFile;
        int fetches;
        boolean inputClosed;

        ListReader(List<SourceRecord> records, boolean lastEndsFile) {
            super("list.csv", Kind.CSV);
            this.records = new ArrayDeque<>(records);
            this.lastEndsFile = lastEndsFile;
        }

        @Override
        protected SourceRecord fetch() throws IOException {
            fetches++;
            if (records.isEmpty()) {
                return null;
            }
            SourceRecord r = records.poll();
            if (r == FAILS) {
                throw new IOException("disk gone");
            }
            if (lastEndsFile && records.isEmpty()) {
                finish();
            }
            return r;
        }

        @Override
        protected void closeInput() {
            inputClosed = true;
        }

        @Override
        protected HeaderColumns columns() {
            return HeaderColumns.NONE;
        }
    }

    private static final SourceRecord FAILS = record(0);

    private static SourceRecord record(long line) {
        return SourceRecord.csv(line, new Deal(), List.of(), Set.of());
    }

    @Test
    void hasNextReadsOneRecordAheadAndKeepsItUntilNext() {
        SourceRecord a = record(2);
        SourceRecord b = record(3);
        ListReader r = new ListReader(List.of(a, b), false);

        assertThat(r.hasNext()).isTrue();
        assertThat(r.hasNext()).isTrue();
        assertThat(r.fetches).isEqualTo(1);
        assertThat(r.next()).isSameAs(a);
        assertThat(r.next()).isSameAs(b); // next() alone reads ahead too
        assertThat(r.hasNext()).isFalse();
        assertThat(r.fetches).isEqualTo(3);
    }

    @Test
    void theEndOfTheFileIsNotReadAgain() {
        ListReader r = new ListReader(List.of(), false);

        assertThat(r.hasNext()).isFalse();
        assertThat(r.hasNext()).isFalse();
        assertThatThrownBy(r::next).isInstanceOf(NoSuchElementException.class);
        assertThat(r.fetches).isEqualTo(1);
    }

    @Test
    void aRecordThatEndsTheFileIsStillHandedOut() {
        SourceRecord last = record(7);
        ListReader r = new ListReader(List.of(last), true);

        assertThat(r.next()).isSameAs(last);
        assertThat(r.hasNext()).isFalse();
        assertThat(r.fetches).isEqualTo(1);
    }

    @Test
    void aFileSystemFailureEndsTheFileAndNamesIt() {
        ListReader r = new ListReader(List.of(FAILS, record(3)), false);

        assertThatThrownBy(r::hasNext).isInstanceOf(UncheckedIOException.class)
                .hasMessage("Reading list.csv failed").hasRootCauseMessage("disk gone");
        assertThat(r.hasNext()).isFalse();
    }

    @Test
    void closeStopsReadingAndReleasesTheFile() {
        ListReader r = new ListReader(List.of(record(2)), false);

        r.close();

        assertThat(r.inputClosed).isTrue();
        assertThat(r.hasNext()).isFalse();
        assertThat(r.fetches).isZero();
    }

    @Test
    void kindAndHeaderComeFromTheReader() {
        ListReader r = new ListReader(List.of(), false);

        assertThat(r.kind()).isEqualTo(RecordReader.Kind.CSV);
        assertThat(r.header()).isEmpty();
        assertThat(r.unknownColumns()).isEmpty();
    }
}
