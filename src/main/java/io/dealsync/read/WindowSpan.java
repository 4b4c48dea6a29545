package io.dealsync.read;

import java.util.function.IntFunction;

/**
 * Where a JSON window's kept input sits in its buffer ({@link JsonTextWindow} keeps chars, {@link JsonByteWindow}
 * bytes): positions {@code [start, end)} of the buffer hold the input from offset {@code base} on.
 */
final class WindowSpan {
    private int start;
    private int end;
    private long base;

    int kept() {
        return end - start;
    }

    int end() {
        return end;
    }

    /**
     * Makes room for {@code n} more in {@code buf} (a char[] or a byte[] of {@code length}): the kept input moves to
     * the buffer's start, into a larger buffer for a long element (a 10 MB field), or back into one of
     * {@code initial} once a grown buffer would stay mostly empty. Returns the buffer to append to at {@link #end()}.
     */
    <A> A room(A buf, int length, int n, int initial, IntFunction<A> allocate) {
        if (end + n <= length) {
            return buf;
        }
        int kept = kept();
        boolean resize = kept + n > length || length > initial * 4 && kept + n <= initial;
        A to = resize ? allocate.apply(Math.max(initial, Math.max(kept + n, kept * 2))) : buf;
        System.arraycopy(buf, start, to, 0, kept);
        end = kept;
        start = 0;
        return to;
    }

    void appended(int n) {
        end += n;
    }

    /** The buffer position of input offset {@code offset} (still kept). */
    int index(long offset) {
        return (int) (offset - base) + start;
    }

    /** The input before {@code offset} will not be asked for again. */
    void forget(long offset) {
        int drop = (int) Math.min(offset - base, end - start);
        if (drop > 0) {
            start += drop;
            base += drop;
        }
    }
}
