package io.dealsync.read;

import java.io.IOException;
import java.io.Reader;

/**
 * The character source under commons-csv: hands out text at most up to the end of one physical line
 * per {@code read} call. commons-csv buffers ahead only by what one {@code read} returns, so when it
 * throws on a broken record, everything it has not consumed belongs to the line of the error: dropping
 * its parser and the rest of that line, a new parser starts exactly at the next line. That is what lets
 * reading go on after a broken quote without guessing where commons-csv stopped.
 *
 * <p>Also: drops a leading BOM, counts the line breaks handed out (CR, LF and CRLF each count one, as
 * commons-csv and editors count them), keeps the text of the record in hand (bounded) for the reject
 * file when the record turns out broken, and refuses a record longer than a limit, so an unclosed quote
 * in a big file cannot pull the whole rest of the file into memory.
 */
final class LineChunkReader extends Reader {
    /** Raw text kept per broken record for the reviewer; more is cut. */
    static final int CAPTURE_MAX = 64 * 1024;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private boolean started;

    private long lineBreaks;
    private boolean pendingCr;
    private boolean atLineStart = true;
    /** The last character handed out: a row ends cleanly (the parser holds nothing more) only after an LF. */
    private char lastOut = '\n';
    /**
     * A lone CR was handed out and commons-csv read on past it (to see whether an LF follows): it may hold the
     * next line, so for the rest of the file neither the row fast path nor a record's own text can be trusted.
     */
    private boolean loneCr;

    private final StringBuilder spill = new StringBuilder();
    private int captureStart = -1;
    private long recordChars;
    private final long recordLimit;
    private boolean limitEnabled = true;
    private boolean limitHit;
    /** The last row hash {@link #rowHash} made, and the row it is of. */
    private long hashed;
    private long hashedSeed;
    private long hashedAfter = -1;
    private int hashedFrom = -1;
    private int hashedTo = -1;

    LineChunkReader(Reader in, long recordLimit) {
        this.in = in;
        this.recordLimit = recordLimit;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= end && !fill()) {
            return -1;
        }
        int start = pos;
        int limit = Math.min(end, pos + len);
        int i = pos;
        if (pendingCr) {
            pendingCr = false;
            if (buf[i] == '\n') {
                // second half of a CRLF split between two reads: not a new line break, and handed out alone, so
                // that commons-csv's look past the CR does not pull the next line in (the row fast path needs
                // the parser to hold nothing at a row's end)
                i++;
                limit = i;
            } else {
                loneCr = true; // commons-csv looked past a lone CR: what it holds from here on is unknown
            }
        }
        boolean broke = i > start;
        for (; i < limit; i++) {
            char c = buf[i];
            if (c == '\n') {
                lineBreaks++;
                i++;
                broke = true;
                break;
            }
            if (c == '\r') {
                lineBreaks++;
                if (i + 1 < limit && buf[i + 1] == '\n') {
                    i += 2;
                } else {
                    i++;
                    pendingCr = true;
                }
                broke = true;
                break;
            }
            broke = false;
        }
        int n = i - start;
        atLineStart = broke;
        System.arraycopy(buf, start, cbuf, off, n);
        lastOut = buf[i - 1];
        pos = i;
        recordChars += n;
        if (limitEnabled && recordLimit > 0 && recordChars > recordLimit) {
            limitHit = true;
            throw new IOException("record longer than " + recordLimit + " characters");
        }
        return n;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (captureStart >= 0) {
            appendCapture(buf, captureStart, end - captureStart);
            captureStart = 0;
        }
        pos = 0;
        end = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        end = n;
        if (!started) {
            started = true;
            if (buf[0] == '\uFEFF') {
                pos = 1;
                if (end == 1) {
                    return fill();
                }
            }
        }
        return true;
    }

    private void appendCapture(char[] src, int from, int count) {
        int room = CAPTURE_MAX - spill.length();
        if (room > 0 && count > 0) {
            spill.append(src, from, Math.min(room, count));
        }
    }

    /** A record starts here: reset the captured text and the record's length. */
    void startRecord() {
        captureStart = pos;
        spill.setLength(0);
        recordChars = 0;
    }

    /** The text handed out since {@link #startRecord()} (bounded by {@link #CAPTURE_MAX}). */
    String captured() {
        StringBuilder sb = new StringBuilder(spill);
        if (captureStart >= 0 && pos > captureStart) {
            int room = CAPTURE_MAX - sb.length();
            if (room > 0) {
                sb.append(buf, captureStart, Math.min(room, pos - captureStart));
            }
        }
        return sb.toString();
    }

    /** Hands the rest of the current physical line to the capture and drops it: the next read starts a line. */
    void skipRestOfLine() throws IOException {
        boolean was = limitEnabled;
        limitEnabled = false;
        try {
            char[] scratch = new char[8192];
            while (!atLineStart) {
                if (read(scratch, 0, scratch.length) < 0) {
                    break;
                }
            }
            // a CRLF split between two reads: its LF belongs to the line just skipped, not to the next parser
            if (pendingCr && (pos < end || fill()) && buf[pos] == '\n') {
                pos++;
            }
            pendingCr = false;
        } finally {
            limitEnabled = was;
        }
    }

    // ---------------------------------------------------------------- the row fast path (RowScan)

    /**
     * The end of the plain row next in hand (see {@link RowScan}), or -1: none is, or the parser may hold
     * text past its last record (it looked beyond a CR), so only it may read on. Nothing is consumed.
     */
    int peekRow(RowScan scan) throws IOException {
        if (loneCr || lastOut != '\n' || pendingCr || limitHit) {
            return -1;
        }
        if (pos >= end && !fill()) {
            return -1;
        }
        return scan.find(buf, pos, end);
    }

    /**
     * As {@link #peekRow} starting at {@code line}, and -1 too when a byte that is not text lies on the row's lines
     * ({@code text}: the decoder's damage, null for text given as a Reader): the normal path makes such a row
     * MALFORMED, as it reports a read that fails here.
     */
    int peekCleanRow(RowScan scan, DamageTrackingReader text, long line) {
        int rowEnd;
        try {
            rowEnd = peekRow(scan);
        } catch (IOException e) {
            return -1;
        }
        DamageTrackingReader.Damage d = rowEnd < 0 || text == null ? null : text.peek();
        return d != null && d.line() <= line + scan.lineBreaks() - 1 ? -1 : rowEnd;
    }

    /**
     * The hash of the row in hand up to {@code rowEnd} (from {@link #peekRow}). Hashed once: a row the second night's
     * fast path hashed and did not know is hashed again by the split that reads it. The row in hand is known by the
     * line breaks before it and its place in the buffer (a row is in hand only at a line's start, and consuming any
     * line moves the count).
     */
    long rowHash(long seed, int rowEnd) {
        if (seed != hashedSeed || lineBreaks != hashedAfter || pos != hashedFrom || rowEnd != hashedTo) {
            hashed = RowScan.hash(seed, buf, pos, rowEnd);
            hashedSeed = seed;
            hashedAfter = lineBreaks;
            hashedFrom = pos;
            hashedTo = rowEnd;
        }
        return hashed;
    }

    /** The text of the row in hand up to {@code rowEnd}, its line break included. */
    String rowText(int rowEnd) {
        return new String(buf, pos, rowEnd - pos);
    }

    /** Hands the row in hand to no one: the next read starts after it, its line breaks counted. */
    void skipRow(int rowEnd, int rowLineBreaks) {
        pos = rowEnd;
        lineBreaks += rowLineBreaks;
        atLineStart = true;
        lastOut = '\n';
        captureStart = -1;
        spill.setLength(0);
    }

    /**
     * The hash of the record commons-csv just read ({@link RowScan#hash}, of the text since
     * {@link #startRecord()}), or 0 when it cannot stand for the record alone: the parser looked past its
     * end (a lone CR), or the text was longer than the capture keeps.
     */
    long capturedHash(long seed) {
        if (loneCr || lastOut != '\n' || pendingCr || captureStart < 0) {
            return 0;
        }
        if (spill.length() == 0) {
            return RowScan.hash(seed, buf, captureStart, pos);
        }
        if (spill.length() + (pos - captureStart) > CAPTURE_MAX) {
            return 0;
        }
        char[] all = captured().toCharArray();
        return RowScan.hash(seed, all, 0, all.length);
    }

    /** Line breaks handed out so far: the next line to hand out, when at a line start, is this + 1. */
    long lineBreaks() {
        return lineBreaks;
    }

    /** Everything has been handed out. */
    boolean atEnd() {
        return eof || (pos >= end && peekEof());
    }

    private boolean peekEof() {
        try {
            return !fill();
        } catch (IOException e) {
            return false;
        }
    }

    /** The source has reported its end (a read returned -1). */
    boolean eofReached() {
        return eof;
    }

    /** The last failure was the record-length limit. */
    boolean limitHit() {
        return limitHit;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
