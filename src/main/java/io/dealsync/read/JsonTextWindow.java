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
    private char[] buf = new char[INITIAL];
    private final WindowSpan span = new WindowSpan();

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
        buf = span.room(buf, buf.length, n, INITIAL, char[]::new);
        System.arraycopy(cbuf, off, buf, span.end(), n);
        span.appended(n);
    }

    /** The text between two offsets the parser reported; both must still be in the window. */
    String text(long from, long to) {
        int a = span.index(from);
        return new String(buf, a, (int) (to - from));
    }

    /** The text before {@code offset} will not be asked for again. */
    void forget(long offset) {
        span.forget(offset);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
