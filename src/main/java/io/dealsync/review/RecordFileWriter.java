package io.dealsync.review;

import io.dealsync.read.RecordReader;
import io.dealsync.read.SourceRecord;
import io.dealsync.model.Severity;
import io.dealsync.model.Violation;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes the records of one input file that a reviewer must look at: rejects ({@code .rejects.*}) or
 * records stored with warnings ({@code .warnings.*}), as CSV ({@link CsvRecordFileWriter}) or NDJSON
 * ({@link NdjsonRecordFileWriter}).
 *
 * <p>Crash safety, which the engine relies on: everything goes to {@code <final name>.part}. The engine
 * calls {@link #flush()} at the end of each batch and stores the returned byte length in its checkpoint,
 * in the same database transaction as the batch. After a crash it reopens with that offset: the
 * {@code .part} is cut back to it, so lines written for a batch that never committed disappear and are
 * written again, exactly once. {@link #complete()} renames the {@code .part} to the final name atomically,
 * so a reviewer never sees a half file under the final name.
 *
 * <p>Output is buffered; nothing is flushed per record (a large file may have 100k rejects). Not
 * thread-safe: one writer per input file, used by the thread processing that file.
 */
public abstract class RecordFileWriter implements Closeable {

    /** Which reviewer file this is: decides the suffix, the CSV front columns and the NDJSON key. */
    public enum Kind {
        REJECTS("rejects", "Errors", "Reason Codes", "reasons"),
        WARNINGS("warnings", "Warnings", "Warning Codes", "warnings");

        private final String word;
        private final String messagesColumn;
        private final String codesColumn;
        private final String jsonKey;

        Kind(String word, String messagesColumn, String codesColumn, String jsonKey) {
            this.word = word;
            this.messagesColumn = messagesColumn;
            this.codesColumn = codesColumn;
            this.jsonKey = jsonKey;
        }

        /** CSV front column with the messages: {@code Errors} or {@code Warnings}. */
        public String messagesColumn() { return messagesColumn; }

        /** CSV front column with the codes: {@code Reason Codes} or {@code Warning Codes}. */
        public String codesColumn() { return codesColumn; }

        /** NDJSON key of the violation list: {@code reasons} or {@code warnings}. */
        public String jsonKey() { return jsonKey; }

        /** {@code .rejects.csv}, {@code .warnings.ndjson}, ... for a file read as {@code inputKind}. */
        public String suffix(RecordReader.Kind inputKind) {
            return "." + word + (inputKind == RecordReader.Kind.CSV ? ".csv" : ".ndjson");
        }
    }

    /** Suffix of the file being written; the final name without it. */
    public static final String PART_SUFFIX = ".part";

    /** Code used when a malformed record comes with no violation of its own. */
    public static final String MALFORMED_RECORD = "MALFORMED_RECORD";

    private final Path finalPath;
    private final Path partPath;
    private final Kind kind;
    private final FileChannel channel;
    /** Buffered text sink over the .part; subclasses write one record per {@link #write} call. */
    protected final Writer out;
    private final boolean fresh;
    private long records;
    private boolean closed;
    /** Lines written since the last sync. */
    private boolean unsynced;

    /**
     * Opens (creating folders as needed) the {@code .part} of {@code finalPath} and cuts it to
     * {@code resumeOffset}.
     *
     * @throws IOException also when the .part is shorter than {@code resumeOffset}: the checkpoint then
     *                     points past what is on disk and resuming would lose reject lines silently
     */
    protected RecordFileWriter(Path finalPath, Kind kind, long resumeOffset, Charset charset) throws IOException {
        this(finalPath, kind, resumeOffset, charset, null);
    }

    /** As above; every character written also goes to {@code tee} when it is not null ({@link WorkbookFeed}). */
    protected RecordFileWriter(Path finalPath, Kind kind, long resumeOffset, Charset charset, StringBuilder tee)
            throws IOException {
        if (resumeOffset < 0) {
            throw new IllegalArgumentException("resumeOffset must be >= 0: " + resumeOffset);
        }
        this.finalPath = finalPath;
        this.partPath = partPathOf(finalPath);
        this.kind = kind;
        this.fresh = resumeOffset == 0;
        Path parent = finalPath.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (resumeOffset > 0 && !Files.exists(partPath) && Files.exists(finalPath)) {
            // Crash after complete() renamed the file but before the engine committed "file done":
            // the final file is this writer's own output, take it back and go on.
            Files.move(finalPath, partPath, StandardCopyOption.ATOMIC_MOVE);
        }
        FileChannel ch = FileChannel.open(partPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            long size = ch.size();
            if (size < resumeOffset) {
                throw new IOException("cannot resume " + partPath + ": it holds " + size
                        + " bytes but the checkpoint says " + resumeOffset);
            }
            ch.truncate(resumeOffset);
            ch.position(resumeOffset);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        this.channel = ch;
        Writer file = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), charset), 1 << 16);
        this.out = tee == null ? file : new TeeWriter(file, tee);
    }

    /**
     * Opens the writer for {@code finalPath}: CSV when the name ends {@code .csv}, else NDJSON with
     * {@code "index"} positions (use the 5-argument form for NDJSON input, whose position is a line).
     */
    public static RecordFileWriter open(Path finalPath, Kind kind, List<String> inputHeader, long resumeOffset)
            throws IOException {
        return open(finalPath, kind, inputHeader, resumeOffset, NdjsonRecordFileWriter.INDEX);
    }

    /**
     * Opens the writer for {@code finalPath}: CSV when the name ends {@code .csv} (with the input's
     * header, comma, UTF-8), else NDJSON whose position key is {@code positionKey} ("line" for NDJSON
     * input, "index" for a JSON array or page).
     */
    public static RecordFileWriter open(Path finalPath, Kind kind, List<String> inputHeader, long resumeOffset,
            String positionKey) throws IOException {
        String name = finalPath.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvRecordFileWriter(finalPath, kind, inputHeader, resumeOffset);
        }
        return new NdjsonRecordFileWriter(finalPath, kind, positionKey, resumeOffset);
    }

    /** The {@code .part} file that stands for {@code finalPath} until {@link #complete()}. */
    public static Path partPathOf(Path finalPath) {
        return finalPath.resolveSibling(finalPath.getFileName().toString() + PART_SUFFIX);
    }

    /**
     * Writes one record with the violations it is listed for (all of them, whatever their severity:
     * the engine decides which go where). A malformed record given no violation gets a
     * {@code MALFORMED_RECORD} one from its {@link SourceRecord#malformed() reason}.
     */
    public final void write(SourceRecord rec, List<Violation> violations) throws IOException {
        ensureOpen();
        writeRecord(rec, effective(rec, violations));
        records++;
        unsynced = true;
    }

    /** Writes the record's line(s); the list is never empty for a malformed record. */
    protected abstract void writeRecord(SourceRecord rec, List<Violation> violations) throws IOException;

    /**
     * Pushes the buffer to the file and syncs it (when lines were written since the last sync) and returns
     * the byte length of the .part, the offset to resume from. The engine commits that offset with the
     * chunk, so the lines must be on disk first: a failed write or sync (disk full, folder gone) throws
     * here, before the chunk's transaction, and the chunk is not committed.
     */
    public long flush() throws IOException {
        return flush(true);
    }

    /**
     * As {@link #flush()}; with {@code sync} false the lines are handed to the file system but not synced: for a
     * database whose commits do not survive a crash on their own (the embedded one, made durable by CHECKPOINT),
     * {@link #syncWritten()} before that CHECKPOINT is enough, and a sync a chunk cost the first night ~1.4 s.
     */
    public long flush(boolean sync) throws IOException {
        ensureOpen();
        out.flush();
        if (sync && unsynced) {
            channel.force(false);
            unsynced = false;
        }
        return channel.size();
    }

    /**
     * Syncs what {@link #flush} has handed to the file system, whatever offset a checkpoint may hold. Safe from
     * another thread than the writer's (a CHECKPOINT of another route): it touches only the channel; a writer
     * closed meanwhile was synced by {@link #complete()} or is left for the resume to cut.
     */
    public void syncWritten() throws IOException {
        try {
            channel.force(false);
        } catch (java.nio.channels.ClosedChannelException e) {
            // completed (synced then) or aborted (cut back at the resume)
        }
    }

    /**
     * Flushes, syncs, closes and atomically renames the .part to the final name.
     *
     * @return the final path
     * @throws FileAlreadyExistsException when something else took the final name meanwhile (the .part stays)
     */
    public Path complete() throws IOException {
        ensureOpen();
        out.flush();
        channel.force(true);
        closeStreams();
        if (Files.exists(finalPath)) {
            throw new FileAlreadyExistsException(finalPath.toString(), null, "reviewer file name already taken");
        }
        try {
            Files.move(partPath, finalPath, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partPath, finalPath);
        }
        return finalPath;
    }

    /** Closes and leaves the .part where it is, for a later resume (or for the next fresh open to cut). */
    public void abort() throws IOException {
        if (closed) {
            return;
        }
        closeStreams();
    }

    /** Closes and deletes what was written: a file that got no record after all (a dry run's). */
    public void discard() throws IOException {
        abort();
        Files.deleteIfExists(partPath);
    }

    /** Same as {@link #abort()} unless already completed: closing never publishes a file by accident. */
    @Override
    public void close() throws IOException {
        abort();
    }

    public Path finalPath() { return finalPath; }

    public Path partPath() { return partPath; }

    public Kind kind() { return kind; }

    /** Records written by this writer since it was opened (not counting what a resumed .part held). */
    public long records() { return records; }

    /** True when opened with offset 0: the subclass writes its header (if any). */
    protected boolean isFresh() { return fresh; }

    /** Closes the channel after a constructor failure in a subclass. */
    protected void closeQuietly() {
        try {
            closeStreams();
        } catch (IOException ignored) {
            // the constructor's own exception is the one that matters
        }
    }

    /**
     * Closes the writer and, whatever happens, the channel: when the disk is full, JDK 17's encoder fails
     * its last write inside close() and then never closes the stream under it, which leaked the file's
     * descriptor (and kept a full volume busy) in a long-running engine.
     */
    private void closeStreams() throws IOException {
        closed = true;
        try {
            out.close();
        } finally {
            channel.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("writer for " + finalPath + " is closed");
        }
    }

    private static List<Violation> effective(SourceRecord rec, List<Violation> violations) {
        if ((violations == null || violations.isEmpty()) && rec.isMalformed()) {
            return List.of(new Violation(MALFORMED_RECORD, "", rec.malformed(), Severity.ERROR, "R10"));
        }
        return violations == null ? List.of() : violations;
    }

    /** The message a person reads for a violation: its message, else its code. */
    static String message(Violation v) {
        String m = v.message();
        return m == null || m.isBlank() ? String.valueOf(v.code()) : m;
    }
}
