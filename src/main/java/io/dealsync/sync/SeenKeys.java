package io.dealsync.sync;

import io.dealsync.model.Hash64;

/**
 * The deal keys already seen in one file, with the line of their first record (R9 DUPLICATE_IN_FILE).
 * Kept as 64-bit hashes in open addressing (16 to 32 bytes a key), not as strings: a 1M-record file must
 * fit a 256 MB heap. Filled up to three quarters: at half (as first written) the table of a 1M-record file was
 * 64 MB, the old generation's largest tenant, and 96 MB while it grew; linear probes past a miss stay in one
 * or two cache lines. Two different keys sharing a 64-bit hash is a 1-in-10^7 event at 1M keys. A key's
 * hash and its line sit side by side in one array: a probe of a table far bigger than the CPU's caches
 * misses once, not twice (SeenKeys.slot was 3 % of the judge thread on the second night).
 */
final class SeenKeys {
    /** Segments, chosen by a hash's top bits: one grows at a time, so growing never holds two whole tables. */
    private static final int SEGMENT_BITS = 6;
    /** Per segment: hash, line, hash, line...; a hash of 0 marks an empty slot. */
    private final long[][] tables = new long[1 << SEGMENT_BITS][];
    private final int[] sizes = new int[1 << SEGMENT_BITS];
    private int size;

    SeenKeys() {
        java.util.Arrays.setAll(tables, i -> new long[2 << 6]);
    }

    /** The line first recorded for this key, or 0 when the key is new (then it is recorded with {@code line}). */
    long firstLineOrAdd(String key, long line) {
        return firstLineOrAdd(hash(key), line);
    }

    /** As {@link #firstLineOrAdd(String, long)}, for a key's {@link #hash} or a {@link #dealHash}. */
    long firstLineOrAdd(long h, long line) {
        int seg = (int) (h >>> (64 - SEGMENT_BITS));
        long[] table = tables[seg];
        if (sizes[seg] * 8L >= table.length * 3L) { // past 3/4 of the slots (two longs a slot)
            table = tables[seg] = grown(table);
        }
        int i = slot(table, h);
        if (table[i] == h) {
            return table[i + 1];
        }
        table[i] = h;
        table[i + 1] = line;
        sizes[seg]++;
        size++;
        return 0;
    }

    /** The line first recorded for this key, or 0 (nothing is recorded). */
    long firstLine(String key) {
        return firstLine(hash(key));
    }

    long firstLine(long h) {
        long[] table = tables[(int) (h >>> (64 - SEGMENT_BITS))];
        int i = slot(table, h);
        return table[i] == h ? table[i + 1] : 0;
    }

    /** Where {@code h} stands, or the free slot where it would go (linear probing); an even index. */
    private static int slot(long[] table, long h) {
        int mask = (table.length >> 1) - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[2 * i] != 0 && table[2 * i] != h) {
            i = (i + 1) & mask;
        }
        return 2 * i;
    }

    private static long[] grown(long[] old) {
        long[] table = new long[old.length * 2];
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != 0) {
                int i = slot(table, old[j]);
                table[i] = old[j];
                table[i + 1] = old[j + 1];
            }
        }
        return table;
    }

    /** A key's hash (never 0: 0 marks an empty slot); the same as the key index's, so it is computed once. */
    static long hash(String key) {
        return Hash64.of(key);
    }

    /** The hash of a stored deal seen by its id, whichever key the record used: apart from every text key's. */
    static long dealHash(long dealId) {
        return new Hash64().add(-3).add(dealId).value();
    }

    int size() {
        return size;
    }
}
