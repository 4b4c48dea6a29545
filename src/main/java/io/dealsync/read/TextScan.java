package io.dealsync.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The text half of {@link FilePrecheck}: which bytes of a file are not text in its encoding, and on which lines.
 * Most bytes of a CRM export are ASCII, and in the profiles' encodings (UTF-8, windows-1252, ISO-8859-1) an
 * ASCII byte is a character on its own: the buffer is tested eight bytes at a time and only the runs of
 * non-ASCII bytes go through the JDK's decoder. Decoding every byte, then looking at every byte for line
 * breaks, cost more than the SHA-256 of the file: on a 673 MB export the precheck took 1.3-1.7 s, now
 * 0.6-0.8 s, of which the hash (SHA-NI intrinsics) is 0.4-0.6 s.
 */
final class TextScan {
    /** Encodings in which no byte below 0x80 is part of a longer sequence: the runs can be decoded alone. */
    private static final Set<Charset> ASCII_ALONE = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            Charset.forName("windows-1252"));
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;

    private final CharsetDecoder decoder;
    /** False: every byte is a character (ISO-8859-1). */
    private final boolean decode;
    private final boolean runsAlone;
    private final CharBuffer chars;
    private long[] bad = new long[16];
    private int badCount;
    final LineDamage lines = new LineDamage();

    TextScan(Charset charset, int bufferSize) {
        this(charset, bufferSize, ASCII_ALONE.contains(charset));
    }

    /** {@code runsAlone} false: the decoder sees every byte (any other encoding; the tests compare both ways). */
    TextScan(Charset charset, int bufferSize, boolean runsAlone) {
        decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        decode = !charset.equals(StandardCharsets.ISO_8859_1);
        this.runsAlone = runsAlone;
        chars = CharBuffer.allocate(bufferSize);
    }

    /**
     * The bytes of {@code bytes}' array up to {@code end}, of which [start, end) are new (those before were kept
     * from the previous read: a character split by it). {@code offset}: file offset of the array's first byte.
     * Returns how many bytes were consumed (the rest are the start of a character the next read completes).
     */
    int scan(ByteBuffer bytes, int start, int end, long offset) {
        byte[] a = bytes.array();
        badCount = 0;
        int consumed = end;
        if (decode) {
            bytes.position(0).limit(end);
            consumed = runsAlone ? decodeRuns(bytes, a, end, offset) : decode(bytes, offset);
        }
        lines.scan(a, start, end, offset, bad, badCount);
        return consumed;
    }

    /** The bytes left at the end of the file (a character cut short) are damage to the last line. */
    void endOfInput(ByteBuffer bytes, long offset) {
        if (!decode) {
            return;
        }
        bytes.flip();
        chars.clear();
        CoderResult cr = decoder.decode(bytes, chars, true);
        if (cr.isError() || bytes.hasRemaining()) {
            lines.damage(offset + bytes.position(), false);
        } else if (decoder.flush(chars).isError()) {
            lines.damage(offset, false);
        }
    }

    /**
     * Decodes only the runs of bytes of 0x80 and above, each with the ASCII byte that ends it (which completes or
     * breaks any sequence the run left open, as it would in a decode of every byte).
     */
    private int decodeRuns(ByteBuffer bytes, byte[] a, int end, long offset) {
        int p = 0;
        while ((p = nextNonAscii(a, p, end)) < end) {
            int q = p + 1;
            while (q < end && a[q] < 0) {
                q++;
            }
            if (q == end) { // the run may go on in the next read
                bytes.limit(end).position(p);
                return decode(bytes, offset);
            }
            bytes.limit(q + 1).position(p);
            p = decode(bytes, offset);
            if (p <= q) { // not expected: a decoder that waits for more after an ASCII byte
                noteBad(offset + p);
                p = q + 1;
            }
        }
        return end;
    }

    /** Decodes the buffer's remaining bytes, noting where each invalid sequence starts; returns where it stopped. */
    private int decode(ByteBuffer bytes, long offset) {
        while (true) {
            chars.clear();
            CoderResult cr = decoder.decode(bytes, chars, false);
            if (cr.isError()) {
                noteBad(offset + bytes.position());
                bytes.position(bytes.position() + cr.length());
            } else if (cr.isUnderflow()) {
                return bytes.position();
            }
        }
    }

    private void noteBad(long at) {
        if (badCount == bad.length) {
            bad = Arrays.copyOf(bad, bad.length * 2);
        }
        bad[badCount++] = at;
    }

    /** The index of the first byte of 0x80 or above in [from, end), or end. */
    private static int nextNonAscii(byte[] a, int from, int end) {
        int i = from;
        while (i + 8 <= end && ((long) LONG.get(a, i) & HIGH) == 0) {
            i += 8;
        }
        while (i < end && a[i] >= 0) {
            i++;
        }
        return i;
    }

    /** Whether one of the eight bytes of {@code w} is zero (exact: the borrow only spreads above a zero byte). */
    static boolean hasZeroByte(long w) {
        return ((w - ONES) & ~w & HIGH) != 0;
    }

    /** Whether one of the eight bytes of {@code w} is a LF, a CR or a NUL: the bytes the line scan looks at. */
    static boolean hasBreakOrNul(long w) {
        long lf = w ^ (ONES * '\n');
        long cr = w ^ (ONES * '\r');
        return (((w - ONES) & ~w | (lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGH) != 0;
    }

    static long word(byte[] a, int i) {
        return (long) LONG.get(a, i);
    }
}
