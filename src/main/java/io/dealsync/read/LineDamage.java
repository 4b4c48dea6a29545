package io.dealsync.read;

/**
 * Line counting (CR, LF, CRLF each end one) and the damaged lines, over the bytes of a file in order. Eight
 * bytes with no line break and no NUL (most of a CRM export) are passed over in one step.
 */
final class LineDamage {
    long line = 1;
    private boolean cr;
    private boolean lastWasBreak;
    private long any;
    long damagedLines;
    private long lastDamagedLine;
    long firstDamagedLine;
    long firstDamageOffset = -1;
    long firstNulOffset = -1;
    long firstNulLine;

    /** The new bytes [start, end) of the buffer; {@code bad} holds the file offsets of invalid sequences, in order. */
    void scan(byte[] a, int start, int end, long base, long[] bad, int badCount) {
        int k = 0;
        int i = start;
        while (i < end) {
            int from = i;
            while (i + 8 <= end && !TextScan.hasBreakOrNul(TextScan.word(a, i))) {
                i += 8;
            }
            if (i > from) { // no break among these bytes: all their damage is on this line
                long next = base + i;
                while (k < badCount && bad[k] < next) {
                    damage(bad[k++], false);
                }
                cr = false;
                lastWasBreak = false;
                if (i == end) {
                    break;
                }
            }
            long at = base + i;
            while (k < badCount && bad[k] <= at) {
                damage(bad[k++], false);
            }
            byte b = a[i++];
            if (b == '\n') {
                if (!cr) {
                    line++;
                }
                cr = false;
                lastWasBreak = true;
            } else if (b == '\r') {
                line++;
                cr = true;
                lastWasBreak = true;
            } else {
                cr = false;
                lastWasBreak = false;
                if (b == 0) {
                    damage(at, true);
                }
            }
        }
        any += end - start;
        while (k < badCount) {
            damage(bad[k++], false);
        }
    }

    /** Damage comes in file order: the first one noted is the first of the file. */
    void damage(long offset, boolean nul) {
        if (nul && firstNulOffset < 0) {
            firstNulOffset = offset;
            firstNulLine = line;
        }
        if (firstDamageOffset < 0) {
            firstDamageOffset = offset;
            firstDamagedLine = line;
        }
        if (line != lastDamagedLine) {
            lastDamagedLine = line;
            damagedLines++;
        }
    }

    /** Lines of the file; a final line break does not start one more. */
    long count() {
        if (any == 0) {
            return 0;
        }
        return lastWasBreak ? line - 1 : line;
    }
}
