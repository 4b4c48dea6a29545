package io.dealsync.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;

/**
 * Decodes a file's bytes as text without ever failing on them: a byte that cannot be text (a NUL, a
 * sequence that is not valid in the encoding) becomes U+FFFD and is noted as a {@link Damage} with its
 * line, column and character offset. The readers ask, per record, whether damage lies inside it: the record
 * is then MALFORMED and reading goes on, so one bad byte damages its record and not its file.
 *
 * <p>Lines are counted as the readers count them (CR, LF and CRLF each end one); a leading BOM is dropped.
 * Damage is kept until a reader takes it, which it does record by record: the queue holds at most what
 * the reader has read ahead.
 */
final class DamageTrackingReader extends Reader {
    /** A byte that is not text: where it is (1-based line and column, 0-based offset in the text) and its value. */
    record Damage(long line, long column, long charOffset, int value) {
        /** "line 17: byte 0x00 at column 12 is not text" — positions and the byte only, never the text around it. */
        String describe(Charset charset) {
            return "line " + line + ": " + what(charset);
        }

        /** "byte 0xE9 at column 12 is not text in UTF-8" (a NUL is not text in any encoding). */
        String what(Charset charset) {
            return String.format("byte 0x%02X at column %d is not text%s", value, column,
                    value == 0 ? "" : " in " + charset.name());
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    /** The bytes one decoder call gets: see {@link #decodeSlice}. */
    private static final int SLICE = 128;
    private boolean eof;
    private boolean flushed;
    private boolean started;

    private long line = 1;
    private long column;
    private long offset;
    private boolean lastCr;
    private final ArrayDeque<Damage> damage = new ArrayDeque<>();
    /** Bad sequences of the current decode call: index in the caller's buffer, byte value. */
    private final java.util.List<long[]> pendingBad = new java.util.ArrayList<>();
    private long damageCount;

    DamageTrackingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    Charset charset() {
        return charset;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            decodeInto(out);
            int n = out.position() - off;
            if (n > 0) {
                n = track(cbuf, off, n);
                if (n > 0) {
                    return n;
                }
                continue; // only a dropped BOM so far
            }
            if (flushed) {
                return -1;
            }
        }
    }

    /** Decodes what fits; a bad byte sequence becomes one U+FFFD, noted where it stands. */
    private void decodeInto(CharBuffer out) throws IOException {
        while (out.hasRemaining()) {
            if (!bytes.hasRemaining() && !eof) {
                refill();
            }
            if (eof && !bytes.hasRemaining()) {
                if (!flushed) {
                    decoder.decode(bytes, out, true);
                    decoder.flush(out);
                    flushed = true;
                }
                return;
            }
            CoderResult cr = decodeSlice(out);
            if (cr == null) {
                continue; // the slice is done, the buffer is not: the next slice
            }
            if (cr.isError()) {
                if (!out.hasRemaining()) {
                    return; // the decoder filled the buffer, then met the bad bytes: they wait for the next call
                }
                int value = bytes.get(bytes.position()) & 0xFF;
                bytes.position(bytes.position() + cr.length());
                // noted with the position the U+FFFD will get once tracked
                pendingBad.add(new long[] {out.position(), value});
                out.put('\uFFFD');
                continue;
            }
            if (cr.isOverflow()) {
                return;
            }
            // underflow: need more bytes (a character may be split across reads)
            if (eof) {
                if (bytes.hasRemaining()) {
                    if (!out.hasRemaining()) {
                        return;
                    }
                    // an incomplete sequence at the very end
                    int value = bytes.get(bytes.position()) & 0xFF;
                    bytes.position(bytes.limit());
                    pendingBad.add(new long[] {out.position(), value});
                    out.put('\uFFFD');
                }
                continue;
            }
            refill();
        }
    }

    /**
     * Decodes at most {@link #SLICE} bytes; null when they are all done but the buffer holds more. Why: the
     * JDK's UTF-8 decoder copies ASCII fast only until its first other byte, then goes a byte at a time to the
     * end of its input; two rows in three of a CRM export hold a name with an accent, so a whole 64 KB buffer
     * went the slow way (19 % of reading). Any decoder gives the same text however its input is cut: a sequence
     * split at a slice's end waits, as one split at a read's end does.
     */
    private CoderResult decodeSlice(CharBuffer out) {
        int limit = bytes.limit();
        int sliceEnd = Math.min(limit, bytes.position() + SLICE);
        bytes.limit(sliceEnd);
        CoderResult cr;
        try {
            cr = decoder.decode(bytes, out, eof && sliceEnd == limit);
        } finally {
            bytes.limit(limit);
        }
        return cr.isUnderflow() && sliceEnd < limit ? null : cr;
    }

    private void refill() throws IOException {
        bytes.compact();
        int n;
        do {
            n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } while (n == 0);
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Counts lines and columns over the chars just decoded, notes damage, drops a leading BOM. */
    private int track(char[] cbuf, int off, int n) {
        int from = off;
        int end = off + n;
        int bad = 0;
        if (!started) {
            started = true;
            if (cbuf[off] == '\uFEFF' && !pendingAt(off)) {
                System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
                end--;
                shiftPending();
            }
        }
        // only line breaks, NULs and U+FFFD need a look; a column is its distance from the line's start
        long col0 = column; // the column before lineFrom
        int lineFrom = from;
        for (int i = from; i < end; i++) {
            char c = cbuf[i];
            if (c > '\r' && c != '\uFFFD') {
                continue;
            }
            if (c == '\n' || c == '\r') {
                boolean crlf = c == '\n' && (i > from ? cbuf[i - 1] == '\r' : lastCr);
                if (!crlf) {
                    line++;
                }
                col0 = 0;
                lineFrom = i + 1;
            } else if (c == 0) {
                cbuf[i] = '\uFFFD';
                column = col0 + i - lineFrom + 1;
                note(0, i - from);
            } else if (c == '\uFFFD' && bad < pendingBad.size() && pendingBad.get(bad)[0] == i) {
                column = col0 + i - lineFrom + 1;
                note((int) pendingBad.get(bad)[1], i - from);
                bad++;
            }
        }
        column = col0 + end - lineFrom;
        if (end > from) {
            lastCr = cbuf[end - 1] == '\r';
        }
        pendingBad.clear();
        int handed = end - from;
        offset += handed;
        return handed;
    }

    private boolean pendingAt(int pos) {
        return !pendingBad.isEmpty() && pendingBad.get(0)[0] == pos;
    }

    private void shiftPending() {
        for (long[] p : pendingBad) {
            p[0]--;
        }
    }

    private void note(int value, int indexInCall) {
        damageCount++;
        damage.add(new Damage(line, column, offset + indexInCall, value));
    }

    /**
     * Takes the damage of lines up to {@code toLine}; returns the first that lies on {@code fromLine} or
     * later, or null when the record of those lines is intact.
     */
    Damage takeLines(long fromLine, long toLine) {
        Damage found = null;
        while (!damage.isEmpty() && damage.peekFirst().line() <= toLine) {
            Damage d = damage.pollFirst();
            if (found == null && d.line() >= fromLine) {
                found = d;
            }
        }
        return found;
    }

    /** Like {@link #takeLines} but a NUL (binary data) is preferred over an encoding error on those lines. */
    Damage takeLinesNulFirst(long fromLine, long toLine) {
        Damage first = null;
        while (!damage.isEmpty() && damage.peekFirst().line() <= toLine) {
            Damage d = damage.pollFirst();
            if (d.line() >= fromLine && (first == null || (d.value() == 0 && first.value() != 0))) {
                first = d;
            }
        }
        return first;
    }

    /** Takes the damage before char offset {@code to}; returns the first at {@code from} or later, or null. */
    Damage takeChars(long from, long to) {
        Damage found = null;
        while (!damage.isEmpty() && damage.peekFirst().charOffset() < to) {
            Damage d = damage.pollFirst();
            if (found == null && d.charOffset() >= from) {
                found = d;
            }
        }
        return found;
    }

    /** The first damage not taken yet, or null. */
    Damage peek() {
        return damage.peekFirst();
    }

    /** Bytes that were not text, so far. */
    long damageCount() {
        return damageCount;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
