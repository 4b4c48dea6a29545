package io.dealsync.sync;

import java.nio.charset.StandardCharsets;

/**
 * The deal keys already seen in one file, with the line of their first record (R9 DUPLICATE_IN_FILE).
 * Kept as 64-bit hashes in open addressing (about 24 bytes a deal), not as strings: a 1M-record file must
 * fit a 256 MB heap. Two different keys sharing a 64-bit hash is a 1-in-10^7 event at 1M keys.
 */
final class SeenKeys {
    private long[] hashes = new long[1 << 12];
    private long[] lines = new long[1 << 12];
    private int size;

    /** The line first recorded for this key, or 0 when the key is new (then it is recorded with {@code line}). */
    long firstLineOrAdd(String key, long line) {
        long h = hash(key);
        if (size * 2 >= hashes.length) {
            grow();
        }
        int i = slot(h);
        if (hashes[i] == h) {
            return lines[i];
        }
        hashes[i] = h;
        lines[i] = line;
        size++;
        return 0;
    }

    /** The line first recorded for this key, or 0 (nothing is recorded). */
    long firstLine(String key) {
        long h = hash(key);
        int i = slot(h);
        return hashes[i] == h ? lines[i] : 0;
    }

    /** Where {@code h} stands, or the free slot where it would go (linear probing). */
    private int slot(long h) {
        int mask = hashes.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (hashes[i] != 0 && hashes[i] != h) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldH = hashes;
        long[] oldL = lines;
        hashes = new long[oldH.length * 2];
        lines = new long[oldH.length * 2];
        for (int j = 0; j < oldH.length; j++) {
            if (oldH[j] != 0) {
                int i = slot(oldH[j]);
                hashes[i] = oldH[j];
                lines[i] = oldL[j];
            }
        }
    }

    /** FNV-1a 64 with a final mix; never 0 (0 marks an empty slot). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    int size() {
        return size;
    }
}
