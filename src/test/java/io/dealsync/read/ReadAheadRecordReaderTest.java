package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadRecordReaderTest {
    /** A reader of {@code n} malformed CSV records, lines 1..n, that fails after {@code failAfter} records (-1: never). */
    private static final class Numbered implements RecordReader {
        final int n;
        final int failAfter;
        final AtomicInteger read = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        Numbered(int n, int failAfter) {
            this.n = n;
            this.failAfter = failAfter;
        }

        @Override
        public boolean hasNext() {
            if (read.get() == failAfter) {
                throw new UncheckedIOException("Reading x failed", new java.io.IOException("disk gone"));
            }
            return read.get() < n;
        }

        @Override
        public SourceRecord next() {
            int line = read.incrementAndGet();
            return SourceRecord.malformedCsv(line, "r" + line, List.of());
        }

        @Override
        public List<String> header() {
            return List.of("A", "B");
        }

        @Override
        public List<String> unknownColumns() {
            return List.of("B");
        }

        @Override
        public Kind kind() {
            return Kind.CSV;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static List<Long> drain(RecordReader r) {
        List<Long> lines = new ArrayList<>();
        while (r.hasNext()) {
            lines.add(r.next().position());
        }
        return lines;
    }

    @Test
    void handsOutEveryRecordInFileOrder() throws Exception {
        int n = ReadAheadRecordReader.BATCH * ReadAheadRecordReader.QUEUED * 3 + 7; // more than the queue holds
        Numbered in = new Numbered(n, -1);
        try (ReadAheadRecordReader r = new ReadAheadRecordReader(in)) {
            assertThat(r.header()).containsExactly("A", "B");
            assertThat(r.unknownColumns()).containsExactly("B");
            assertThat(r.kind()).isEqualTo(RecordReader.Kind.CSV);
            List<Long> lines = drain(r);
            assertThat(lines).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(lines.get(i)).isEqualTo(i + 1L);
            }
            assertThatThrownBy(r::next).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(in.closed).isTrue();
    }

    @Test
    void anEmptyFileHasNoRecord() {
        ReadAheadRecordReader r = new ReadAheadRecordReader(new Numbered(0, -1));
        assertThat(r.hasNext()).isFalse();
        r.stop();
    }

    @Test
    void aFailureArrivesAfterTheRecordsReadBeforeIt() {
        Numbered in = new Numbered(1000, 300);
        ReadAheadRecordReader r = new ReadAheadRecordReader(in);
        List<Long> lines = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (r.hasNext()) {
                lines.add(r.next().position());
            }
        }).isInstanceOf(UncheckedIOException.class).hasMessage("Reading x failed");
        assertThat(lines).hasSize(300).endsWith(300L);
        assertThat(r.hasNext()).isFalse();
        r.stop();
    }

    @Test
    void stoppingEarlyEndsTheThreadAndLeavesTheReaderOpen() {
        Numbered in = new Numbered(1_000_000, -1);
        ReadAheadRecordReader r = new ReadAheadRecordReader(in);
        assertThat(r.next().position()).isEqualTo(1L);
        r.stop();
        int readWhenStopped = in.read.get();
        assertThat(readWhenStopped).isLessThan(1_000_000); // bounded: it stopped far before the end
        assertThat(in.closed).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("dealsync-read") && t.isAlive());
    }
}
