package io.dealsync.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What the three readers share: the iterator ({@link #hasNext()} reads one record ahead with
 * {@link #fetch()} and keeps it until {@link #next()} hands it out), so a reader only says how to read its
 * next record and when its file has ended; and the header, from the reader's {@link HeaderColumns}.
 */
abstract class PrefetchingRecordReader implements RecordReader {
    /** What messages call the file. */
    protected final String name;
    private final Kind kind;
    private SourceRecord next;
    private boolean finished;

    protected PrefetchingRecordReader(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    /**
     * The next record, or null at the end of the file; not called again once it returned null or
     * {@link #finish()} was called.
     *
     * @throws IOException when the file system fails: ends the file, given to the caller unchecked
     */
    protected abstract SourceRecord fetch() throws IOException;

    /** Releases the file; reading has already stopped. */
    protected abstract void closeInput();

    /** The columns the file's header row was matched to; {@link HeaderColumns#NONE} for JSON, which has none. */
    protected abstract HeaderColumns columns();

    /** Nothing more is to be read: the record in hand, if any, is the last. */
    protected final void finish() {
        finished = true;
    }

    @Override
    public final List<String> header() {
        return columns().header();
    }

    @Override
    public final List<String> unknownColumns() {
        return columns().unknownColumns();
    }

    @Override
    public final Kind kind() {
        return kind;
    }

    /** @throws UncheckedIOException when the file system fails */
    @Override
    public final boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = fetch();
                finished |= next == null;
            } catch (IOException e) {
                finished = true;
                throw new UncheckedIOException("Reading " + name + " failed", e);
            }
        }
        return next != null;
    }

    @Override
    public final SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord r = next;
        next = null;
        return r;
    }

    @Override
    public final void close() {
        finished = true;
        closeInput();
    }
}
