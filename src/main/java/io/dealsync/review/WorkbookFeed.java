package io.dealsync.review;

import io.dealsync.read.SourceProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewer workbook of a fresh reject CSV, built on a thread of its own while the file is still being
 * read: the engine hands over the CSV's text (and its side file's) a chunk at a time, once the chunk has
 * committed, and the workbook reads it exactly as {@link RejectWorkbookWriter#write} would read the finished
 * CSV; at the end of the file only the save is left. Written at the end, it was ~9 s of one core after a
 * second night of 105,000 rejects, with the other core idle.
 *
 * <p>Same rows, same bytes: the text is the one the CSV writer wrote (through the CSV's encoding and back,
 * so an unmappable character reads as the file has it), parsed by the same parser and filled by the same
 * code. Anything that goes wrong here costs nothing but time: {@link #finish()} answers null and the caller
 * writes the workbook from the CSV, as a resumed file always does.
 */
public final class WorkbookFeed {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbookFeed.class);
    /** Chunks handed over but not yet filled in; the engine waits beyond (memory stays bounded). */
    private static final int QUEUE = 8;
    private static final String[] END = new String[0];

    /** The CSV text and side-file text a writer produced since the last chunk was handed over. */
    public static final class Text {
        final StringBuilder csv = new StringBuilder();
        final StringBuilder marks = new StringBuilder();

        /** Drops what was written for a chunk that did not commit. */
        public void clear() {
            csv.setLength(0);
            marks.setLength(0);
        }

        boolean isEmpty() {
            return csv.length() == 0 && marks.length() == 0;
        }
    }

    private final Path csv;
    private final Charset charset;
    private final BlockingQueue<String[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private final SXSSFWorkbook wb = RejectWorkbookWriter.newWorkbook();
    private final Thread thread;
    private volatile Throwable failed;
    private boolean ended;

    private WorkbookFeed(Path csv, SourceProfile profile) {
        this.csv = csv;
        this.charset = profile.charset();
        Shared shared = new Shared();
        this.thread = new Thread(() -> fill(profile, shared), "dealsync-workbook");
        thread.setDaemon(true);
    }

    /** Starts the workbook of the reject CSV that will be published as {@code finalCsv}. */
    public static WorkbookFeed start(Path finalCsv, SourceProfile profile) {
        WorkbookFeed f = new WorkbookFeed(finalCsv, profile);
        f.thread.start();
        return f;
    }

    /** Hands over the text of a committed chunk (and empties {@code text}); waits while the workbook lags. */
    public void settled(Text text) {
        if (text.isEmpty() || failed != null) {
            text.clear();
            return;
        }
        String csvText = StandardCharsets.UTF_8.equals(charset) ? text.csv.toString()
                : new String(text.csv.toString().getBytes(charset), charset); // as the file reads back
        put(new String[] {csvText, text.marks.toString()});
        text.clear();
    }

    /**
     * Ends the feed and saves the workbook beside the finished CSV (deleting its side file).
     *
     * @return the workbook, or null when building it here failed (the caller writes it from the CSV)
     */
    public Path finish() {
        end();
        try {
            thread.join();
            if (failed != null) {
                LOG.debug("Reviewer workbook of {}: written from the CSV instead ({})", csv.getFileName(), failed.toString());
                return null;
            }
            return RejectWorkbookWriter.save(wb, csv);
        } catch (IOException e) {
            LOG.debug("Reviewer workbook of {}: written from the CSV instead ({})", csv.getFileName(), e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            closeWorkbook();
        }
    }

    /** The file failed: stops the thread and drops what was built (a resumed file writes its workbook from the CSV). */
    public void cancel() {
        failed = failed == null ? new IllegalStateException("cancelled") : failed;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWorkbook();
    }

    private void end() {
        if (!ended) {
            ended = true;
            put(END);
        }
    }

    private void put(String[] item) {
        try {
            while (!queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    return; // it failed and reads no more: nothing to wait for
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = e;
        }
    }

    private void closeWorkbook() {
        try {
            wb.close(); // also deletes SXSSF's temporary files
        } catch (IOException e) {
            LOG.debug("Closing the reviewer workbook: {}", e.getMessage());
        }
    }

    /** The feed thread: the sheets filled from the two texts as they arrive. */
    private void fill(SourceProfile profile, Shared shared) {
        try (CSVParser rows = RejectWorkbookWriter.parser(shared.csvReader, profile);
                RejectMarks.Rows marks = new RejectMarks.Rows(new BufferedReader(shared.marksReader))) {
            RejectWorkbookWriter.fill(wb, profile, rows, marks);
        } catch (Throwable t) { // anything at all: the workbook is then written from the CSV
            failed = t;
            queue.clear(); // a writer waiting to hand over more goes on
        }
    }

    /**
     * The two readers over the queue: whichever runs dry takes the next chunk, whose texts go to both, so the
     * side file's rows are always there for the CSV rows already read (one thread reads both).
     */
    private final class Shared {
        private final StringBuilder csvBuf = new StringBuilder();
        private final StringBuilder marksBuf = new StringBuilder();
        private int csvPos;
        private int marksPos;
        private boolean atEnd;
        final Reader csvReader = new Part(true);
        final Reader marksReader = new Part(false);

        /** Takes the next chunk; false at the end of the feed. */
        private boolean more() throws IOException {
            if (atEnd) {
                return false;
            }
            String[] next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("the file was given up");
            }
            if (next == END) {
                atEnd = true;
                return false;
            }
            compact();
            csvBuf.append(next[0]);
            marksBuf.append(next[1]);
            return true;
        }

        private void compact() {
            csvBuf.delete(0, csvPos);
            csvPos = 0;
            marksBuf.delete(0, marksPos);
            marksPos = 0;
        }

        private final class Part extends Reader {
            private final boolean csv;

            Part(boolean csv) {
                this.csv = csv;
            }

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (available() == 0) {
                    if (!more()) {
                        return -1;
                    }
                }
                StringBuilder buf = csv ? csvBuf : marksBuf;
                int pos = csv ? csvPos : marksPos;
                int n = Math.min(len, buf.length() - pos);
                buf.getChars(pos, pos + n, cbuf, off);
                if (csv) {
                    csvPos += n;
                } else {
                    marksPos += n;
                }
                return n;
            }

            private int available() {
                return csv ? csvBuf.length() - csvPos : marksBuf.length() - marksPos;
            }

            @Override
            public void close() {
                // the feed's buffers go with it
            }
        }
    }
}
