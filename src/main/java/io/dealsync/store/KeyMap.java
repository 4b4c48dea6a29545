package io.dealsync.store;

import io.dealsync.sync.StoredDeals.KeyRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The embedded database's key index, outside the database: a memory-mapped open-addressing table from a
 * key's 64-bit hash to its deal and fingerprint ({@code data/dealsync.keys}). HSQLDB keeps index nodes in
 * its row cache, so a B-tree over random keys (CRM ids are opaque) costs a disk read and a row decode per
 * level once the table outgrows the cache; this costs one probe, off the heap. It is derived data: the deal
 * rows are the truth, and the map is rebuilt from them whenever it may not be in step with them (a crash,
 * an unclean stop, a new file). See docs/architecture.md, "The store".
 *
 * <p>Slots: key hash, deal id, fingerprint (three longs); linear probing, backward-shift deletion. Header:
 * magic, capacity, size, generation of the database it matches, clean flag.
 */
final class KeyMap implements AutoCloseable {
    private static final long MAGIC = 0x64736B65796D6170L; // "dskeymap"
    private static final int HEADER = 8; // longs
    private static final int H_CAPACITY = 1, H_SIZE = 2, H_GENERATION = 3, H_CLEAN = 4;

    private final Path file;
    private FileChannel channel;
    private MappedByteBuffer mapped;
    private LongBuffer slots;
    private long capacity;
    private long size;

    private KeyMap(Path file) {
        this.file = file;
    }

    /** Opens the map if it matches the database's generation and was closed cleanly; null otherwise. */
    static KeyMap openIfInStep(Path file, long generation) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        KeyMap m = new KeyMap(file);
        try {
            m.map(-1);
            if (m.slots.get(0) != MAGIC || m.slots.get(H_GENERATION) != generation || m.slots.get(H_CLEAN) != 1) {
                m.close();
                return null;
            }
            m.capacity = m.slots.get(H_CAPACITY);
            m.size = m.slots.get(H_SIZE);
            return m;
        } catch (IOException | RuntimeException e) {
            m.close();
            return null;
        }
    }

    /** A new, empty map sized for about {@code expected} keys (the caller fills it). */
    static KeyMap create(Path file, long expected) {
        long cap = 1 << 16;
        while (cap * 5 < expected * 10) { // load at most 0.5
            cap <<= 1;
        }
        KeyMap m = new KeyMap(file);
        try {
            Files.deleteIfExists(file);
            m.capacity = cap;
            m.map(cap);
            m.slots.put(0, MAGIC);
            m.slots.put(H_CAPACITY, cap);
            m.slots.put(H_CLEAN, 0);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("Creating the key index " + file + " failed", e);
        }
    }

    private void map(long cap) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long bytes = cap < 0 ? channel.size() : (HEADER + cap * 3) * 8;
        mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
        slots = mapped.asLongBuffer();
    }

    synchronized KeyRow get(long key) {
        long i = find(key);
        return i < 0 ? null : new KeyRow(slots.get(index(i) + 1), slots.get(index(i) + 2));
    }

    /** The slot holding the key, or -1. */
    private long find(long key) {
        long i = slot(key);
        while (true) {
            long k = slots.get(index(i));
            if (k == 0) {
                return -1;
            }
            if (k == key) {
                return i;
            }
            i = (i + 1) & (capacity - 1);
        }
    }

    /** Adds or replaces the key's deal and fingerprint. */
    synchronized void put(long key, long dealId, long print) {
        if ((size + 1) * 2 > capacity) {
            grow();
        }
        long i = slot(key);
        while (true) {
            long k = slots.get(index(i));
            if (k == 0 || k == key) {
                slots.put(index(i) + 1, dealId);
                slots.put(index(i) + 2, print);
                if (k == 0) {
                    slots.put(index(i), key);
                    size++;
                }
                return;
            }
            i = (i + 1) & (capacity - 1);
        }
    }

    synchronized void setPrint(long key, long print) {
        long i = find(key);
        if (i >= 0) {
            slots.put(index(i) + 2, print);
        }
    }

    synchronized void remove(long key) {
        long mask = capacity - 1;
        long i = find(key);
        if (i < 0) {
            return;
        }
        // backward shift: pull later entries of the probe run into the hole, so lookups never stop early
        long hole = i;
        long j = (i + 1) & mask;
        while (slots.get(index(j)) != 0) {
            long home = slot(slots.get(index(j)));
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                for (int f = 0; f < 3; f++) {
                    slots.put(index(hole) + f, slots.get(index(j) + f));
                }
                hole = j;
            }
            j = (j + 1) & mask;
        }
        for (int f = 0; f < 3; f++) {
            slots.put(index(hole) + f, 0);
        }
        size--;
    }

    /** Marks the map as possibly ahead of the database's durable state (before the first change after a checkpoint). */
    synchronized void markDirty() {
        if (slots.get(H_CLEAN) != 0) {
            slots.put(H_CLEAN, 0);
            mapped.force();
        }
    }

    /** The database is durable at {@code generation} and so is the map: a restart may reuse it. */
    synchronized void markInStep(long generation) {
        slots.put(H_SIZE, size);
        mapped.force();
        slots.put(H_GENERATION, generation);
        slots.put(H_CLEAN, 1);
        mapped.force();
    }

    synchronized long size() {
        return size;
    }

    private void grow() {
        Path tmp = file.resolveSibling(file.getFileName() + ".grow");
        KeyMap bigger = create(tmp, capacity); // twice the slots of this one
        for (long i = 0; i < capacity; i++) {
            long k = slots.get(index(i));
            if (k != 0) {
                bigger.put(k, slots.get(index(i) + 1), slots.get(index(i) + 2));
            }
        }
        bigger.close();
        close();
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            map(-1);
            capacity = slots.get(H_CAPACITY);
        } catch (IOException e) {
            throw new UncheckedIOException("Growing the key index " + file + " failed", e);
        }
    }

    private long slot(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        return (z ^ (z >>> 29)) & (capacity - 1);
    }

    private static int index(long slot) {
        return (int) (HEADER + slot * 3);
    }

    @Override
    public synchronized void close() {
        try {
            if (mapped != null) {
                mapped.force();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            mapped = null;
            slots = null;
            channel = null;
        }
    }
}
