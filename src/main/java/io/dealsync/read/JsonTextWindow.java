package io.dealsync.read;

import java.io.IOException;
import java.io.Reader;

/**
 * The text under the JSON parser, kept from the element being read onwards, so that a record keeps its
 * own text (a String, compact for ASCII) instead of the parsed tree until a reject file asks for it: on
 * 200,000 Partner Center objects the trees of the chunks in flight were what filled the old generation
 * at -Xmx256m (docs/quality.md, B2). Offsets are those the parser reports ({@code getCharOffset()}).
 */
final class JsonTextWindow extends Reader {
    private static final int INITIAL = 1 << 16;

    private final Reader in;
    /** Chars {@code [start, end)} of {@code buf} are the text from offset {@code base} on. */
    private char[] buf = new char[INITIAL];
    private int start;
    private int end;
    private long base;

    JsonTextWindow(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = in.read(cbuf, off, len);
        if (n > 0) {
            keep(cbuf, off, n);
        }
        return n;
    }

    private void keep(char[] cbuf, int off, int n) {
        if (end + n > buf.length) {
            int kept = end - start;
            // a long element (a 10 MB field) grows the window; the next compaction gives the room back
            char[] to = kept + n > buf.length || buf.length > INITIAL * 4 && kept + n <= INITIAL
                    ? new char[Math.max(INITIAL, Math.max(kept + n, kept * 2))] : buf;
            System.arraycopy(buf, start, to, 0, kept);
            buf = to;
            end = kept;
            start = 0;
        }
        System.arraycopy(cbuf, off, buf, end, n);
        end += n;
    }

    /** The text between two offsets the parser reported; both must still be in the window. */
    String text(long from, long to) {
        int a = (int) (from - base) + start;
        return new String(buf, a, (int) (to - from));
    }

    /** The text before {@code offset} will not be asked for again. */
    void forget(long offset) {
        int drop = (int) Math.min(offset - base, end - start);
        if (drop > 0) {
            start += drop;
            base += drop;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
