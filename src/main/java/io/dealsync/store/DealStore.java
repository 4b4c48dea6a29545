package io.dealsync.store;

import java.nio.file.Path;

/**
 * The database's jobs, one class each: the chunk's lookups ({@link DealLookup}), the chunk writer
 * ({@link ChunkWriter}), the file registry ({@link FileRegistry}), the outbox ({@link Outbox}), the expiry
 * sweep ({@link ExpirySweep}) and the reads behind export and show ({@link DealReads}); and the key index
 * they share ({@link KeyIndex}), opened on first use. Bound parameters only.
 */
public final class DealStore implements AutoCloseable {
    private final Database db;
    private final DealLookup lookup;
    private final FileRegistry files;
    private final ChunkWriter writer;
    private final Outbox outbox;
    private final ExpirySweep sweep;
    private final DealReads reads;
    private KeyIndex keys;

    public DealStore(Database db) {
        this.db = db;
        this.lookup = new DealLookup(db, this::keys);
        this.files = new FileRegistry(db);
        this.writer = new ChunkWriter(db, files, this::keys);
        this.outbox = new Outbox(db);
        this.sweep = new ExpirySweep(db);
        this.reads = new DealReads(db);
    }

    public Database database() { return db; }
    public DealLookup lookup() { return lookup; }
    public FileRegistry files() { return files; }
    public ChunkWriter writer() { return writer; }
    public Outbox outbox() { return outbox; }
    public ExpirySweep sweep() { return sweep; }
    public DealReads reads() { return reads; }

    private synchronized KeyIndex keys() {
        if (keys == null) {
            Path file = db.dialect() == Dialect.HSQLDB ? db.filePath(".keys") : null;
            keys = file == null ? new SqlKeyIndex(db) : new MappedKeyIndex(db, file);
        }
        return keys;
    }

    /** Makes everything committed so far durable: the embedded database's CHECKPOINT, and its key index with it. */
    public synchronized void checkpoint() {
        db.checkpoint();
        if (keys != null) {
            keys.durable();
        }
    }

    /** Closes the key index once the database is shut down (its shutdown is a CHECKPOINT). */
    @Override
    public synchronized void close() {
        if (keys != null) {
            db.checkpoint();
            keys.durable();
            keys.close();
            keys = null;
        }
    }
}
