package io.dealsync.review;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.model.Violation;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Side file of a reject CSV with what the CSV cannot say: which field each violation of a row is about,
 * so the reviewer workbook can highlight the offending cells. One line per CSV row, in the same order
 * ({@code [["CODE","field","message"],...]}), and a line {@code #OFFSET} each time the CSV is flushed.
 *
 * <p>It follows the CSV through a crash: the engine resumes the CSV at a checkpoint offset, and the side
 * file is cut back right after its {@code #OFFSET} line for that offset, so both hold the same rows. If that
 * line is missing (the side file was lost), it starts again with a {@code !lost} line and the workbook
 * highlights nothing rather than the wrong cells. Deleted once the workbook is written.
 */
final class RejectMarks implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOST = "!lost";

    /** One violation of a row: its code, its (canonical) field, its message. */
    record Mark(String code, String field, String message) {
    }

    private final FileChannel channel;
    private final Writer out;
    private boolean closed;

    /** The rows' text also goes here (the reviewer workbook's feed), or null. */
    private final StringBuilder tee;

    private RejectMarks(FileChannel channel, StringBuilder tee) {
        this.channel = channel;
        this.tee = tee;
        this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                1 << 14);
    }

    /** The side file of a reject CSV. */
    static Path pathOf(Path finalCsv) {
        return finalCsv.resolveSibling(finalCsv.getFileName() + ".marks");
    }

    /**
     * Opens the side file cut back to the CSV's {@code resumeOffset} (all of it dropped at 0); each row's line
     * also goes to {@code tee} when it is not null (the reviewer workbook's feed).
     */
    static RejectMarks open(Path finalCsv, long resumeOffset, StringBuilder tee) throws IOException {
        Path p = pathOf(finalCsv);
        long cut = resumeOffset == 0 ? 0 : cutAfter(p, "#" + resumeOffset);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            ch.truncate(Math.max(cut, 0));
            ch.position(Math.max(cut, 0));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        RejectMarks m = new RejectMarks(ch, tee);
        if (cut < 0) {
            m.out.write(LOST + "\n");
        }
        return m;
    }

    /** Byte offset just after the line {@code marker}, or -1 when the file or the line is not there. */
    private static long cutAfter(Path p, String marker) throws IOException {
        if (!Files.exists(p)) {
            return -1;
        }
        byte[] want = (marker + "\n").getBytes(StandardCharsets.UTF_8);
        long pos = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int b;
            while ((b = in.read()) >= 0) {
                pos++;
                line.write(b);
                if (b == '\n') {
                    if (line.size() == want.length && java.util.Arrays.equals(line.toByteArray(), want)) {
                        return pos;
                    }
                    line.reset();
                }
            }
        }
        return -1;
    }

    /** Records the violations of the row just written to the CSV. */
    void row(List<Violation> violations) throws IOException {
        List<String[]> row = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            row.add(new String[] {String.valueOf(v.code()), v.field() == null ? "" : v.field(),
                    RecordFileWriter.message(v)});
        }
        String line = JSON.writeValueAsString(row);
        out.write(line);
        out.write('\n');
        if (tee != null) {
            tee.append(line).append('\n');
        }
    }

    /** Marks the CSV's flushed length, the offset the engine may resume from. */
    void checkpoint(long csvOffset) throws IOException {
        out.write("#" + csvOffset + "\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } finally {
                channel.close(); // a full disk fails the close's last write; the descriptor must go anyway
            }
        }
    }

    /**
     * The rows of a side file, in CSV order; null when there is none or it was lost (highlight nothing).
     * The iterator must be closed.
     */
    static Rows read(Path finalCsv) throws IOException {
        Path p = pathOf(finalCsv);
        if (!Files.exists(p)) {
            return null;
        }
        BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
        Rows rows = new Rows(r);
        if (rows.lost) {
            rows.close();
            return null;
        }
        return rows;
    }

    /** Streams the rows of a side file. */
    static final class Rows implements Iterator<List<Mark>>, Closeable {
        private static final TypeReference<List<List<String>>> ROW = new TypeReference<>() { };
        private final BufferedReader reader;
        private String next;
        private boolean lost;

        Rows(BufferedReader reader) throws IOException {
            this.reader = reader;
            advance();
        }

        private void advance() throws IOException {
            next = reader.readLine();
            while (next != null && (next.startsWith("#") || next.startsWith("!"))) {
                lost |= next.equals(LOST);
                next = reader.readLine();
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public List<Mark> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            try {
                List<Mark> marks = new ArrayList<>(2);
                for (List<String> m : JSON.readValue(next, ROW)) {
                    marks.add(new Mark(m.get(0), m.get(1), m.get(2)));
                }
                advance();
                return marks;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
