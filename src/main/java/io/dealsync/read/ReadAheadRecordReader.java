package io.dealsync.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a file's records on a thread of its own, a batch at a time, ahead of the thread that judges them. On the
 * second night, parsing every row was a third of the judge thread's work while the writer's core sat half idle
 * (issue 8); with the parsing beside it, the judge only decides. Memory stays bounded: at most {@value #QUEUED}
 * batches of {@value #BATCH} records wait. Header, unknown columns and kind are the wrapped reader's, fixed once
 * it is open. A failure of the wrapped reader reaches the consumer where it happened: after the records read
 * before it, from {@link #hasNext()}, as the wrapped reader would have thrown it.
 */
public final class ReadAheadRecordReader implements RecordReader {
    static final int BATCH = 256;
    static final int QUEUED = 8;
    private static final List<SourceRecord> END = List.of();

    private final RecordReader in;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private volatile boolean stopped;
    private Iterator<SourceRecord> batch = Collections.emptyIterator();
    private boolean ended;

    /** A failure of the wrapped reader, queued behind the records read before it. */
    private record Failure(RuntimeException error) {
    }

    /** Starts reading {@code in} ahead; {@link #close()} stops the thread, then closes {@code in}. */
    public ReadAheadRecordReader(RecordReader in) {
        this.in = in;
        this.thread = new Thread(this::readAll, "dealsync-read");
        thread.setDaemon(true);
        thread.start();
    }

    private void readAll() {
        List<SourceRecord> next = new ArrayList<>(BATCH);
        try {
            while (!stopped && in.hasNext()) {
                next.add(in.next());
                if (next.size() == BATCH) {
                    put(next);
                    next = new ArrayList<>(BATCH);
                }
            }
            put(next);
            put(END);
        } catch (RuntimeException e) {
            put(next);
            put(new Failure(e));
        } catch (Error e) {
            put(next);
            put(new Failure(new IllegalStateException("Reading the file failed: " + e, e)));
            throw e;
        }
    }

    /** Waits for room in the queue; gives up once the consumer stopped. */
    private void put(Object item) {
        if (item instanceof List<?> l && l.isEmpty() && item != END) {
            return;
        }
        try {
            while (!stopped && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the judge is busy: wait for it, checking now and then whether it stopped reading
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    public boolean hasNext() {
        while (!batch.hasNext() && !ended) {
            Object item = take();
            if (item == END) {
                ended = true;
            } else if (item instanceof Failure f) {
                ended = true;
                throw f.error();
            } else {
                @SuppressWarnings("unchecked")
                List<SourceRecord> records = (List<SourceRecord>) item;
                batch = records.iterator();
            }
        }
        return batch.hasNext();
    }

    private Object take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading ahead", e);
        }
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.next();
    }

    @Override
    public List<String> header() {
        return in.header();
    }

    @Override
    public List<String> unknownColumns() {
        return in.unknownColumns();
    }

    @Override
    public Kind kind() {
        return in.kind();
    }

    /** Stops the reading thread (it ends within a record) and waits for it; the wrapped reader stays open. */
    public void stop() {
        stopped = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop()}, then closes the wrapped reader. */
    @Override
    public void close() throws java.io.IOException {
        stop();
        in.close();
    }
}
