package io.dealsync.read;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A file's bytes for Jackson's byte parser, checked as they pass: it fails with {@link NotClean} at the
 * first byte that {@link DamageTrackingReader} would note as not text (a NUL, a sequence the JDK's UTF-8
 * decoder refuses: stray, overlong, surrogate, beyond U+10FFFF, cut short at the end), so whatever the
 * byte parser reads before that is clean text, where it and the char parser see the same JSON. Like
 * {@link JsonTextWindow} it keeps the bytes from the element being read on, for the record's text.
 */
final class JsonByteWindow extends InputStream {
    private static final int INITIAL = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The bytes are not all clean text: the reader goes back to the char path, which reports it. */
    static final class NotClean extends IOException {
        NotClean() {
            super("a byte that is not text");
        }
    }

    private final InputStream in;
    private byte[] buf = new byte[INITIAL];
    private final WindowSpan span = new WindowSpan();
    /** UTF-8 state: continuation bytes still due, and the range the next one must be in. */
    private int need;
    private int lo = 0x80;
    private int hi = 0xBF;

    JsonByteWindow(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            if (need > 0) {
                throw new NotClean();
            }
            return n;
        }
        check(b, off, off + n);
        keep(b, off, n);
        return n;
    }

    private void check(byte[] b, int from, int to) throws NotClean {
        int i = from;
        while (i < to) {
            if (need == 0) {
                i = skipAscii(b, i, to);
                if (i == to) {
                    return;
                }
            }
            int u = b[i++] & 0xFF;
            if (need > 0) {
                if (u < lo || u > hi) {
                    throw new NotClean();
                }
                need--;
                lo = 0x80;
                hi = 0xBF;
            } else {
                lead(u);
            }
        }
    }

    /**
     * The first byte at {@code i} or after that is not ASCII or is a NUL: nearly every byte is plain
     * ASCII, so eight at a time (a word with no high bit and no zero byte).
     */
    private static int skipAscii(byte[] b, int i, int to) {
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            if (((w | ((w - 0x0101010101010101L) & ~w)) & 0x8080808080808080L) != 0) {
                break;
            }
            i += 8;
        }
        while (i < to && b[i] > 0) {
            i++;
        }
        return i;
    }

    /** RFC 3629's table, as the JDK decoder applies it. */
    private void lead(int u) throws NotClean {
        if (u >= 0xC2 && u <= 0xDF) {
            need = 1;
        } else if (u >= 0xE0 && u <= 0xEF) {
            need = 2;
            lo = u == 0xE0 ? 0xA0 : 0x80;
            hi = u == 0xED ? 0x9F : 0xBF;
        } else if (u >= 0xF0 && u <= 0xF4) {
            need = 3;
            lo = u == 0xF0 ? 0x90 : 0x80;
            hi = u == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw new NotClean(); // NUL, a stray continuation, C0, C1, F5..FF
        }
    }

    private void keep(byte[] b, int off, int n) {
        buf = span.room(buf, buf.length, n, INITIAL, byte[]::new);
        System.arraycopy(b, off, buf, span.end(), n);
        span.appended(n);
    }

    /**
     * The bytes between two offsets the parser reported (both still in the window): a copy, not a String,
     * since decoding every object's text again cost more than the copy; only a rejected record decodes it.
     */
    byte[] bytes(long from, long to) {
        int a = span.index(from);
        return Arrays.copyOfRange(buf, a, a + (int) (to - from));
    }

    /** The bytes before {@code offset} will not be asked for again. */
    void forget(long offset) {
        span.forget(offset);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
