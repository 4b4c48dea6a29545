package io.dealsync.store;

import io.dealsync.model.Deal;
import io.dealsync.model.Hash64;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
        this.sweep = new ExpirySweep(db, this::keys);
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

    /** Key index changes made in a caller's transaction, for the index once that transaction committed. */
    public final class KeyRefresh {
        private final List<KeyIndex.Change> changes;

        private KeyRefresh(List<KeyIndex.Change> changes) {
            this.changes = changes;
        }

        public void committed() {
            keys().committed(changes);
        }
    }

    /**
     * A deal's keys changed outside the chunk writer (a Referral ID from Partner Center's answer), inside the
     * caller's transaction {@code c}: the key index learns the deal's keys as they now are, and the deal keeps
     * no fingerprint, so its next record is judged. Call {@link KeyRefresh#committed()} after the commit.
     */
    public KeyRefresh refreshKeys(Connection c, long dealId) throws SQLException {
        List<KeyIndex.Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT referral_id, partner_id, crm_id FROM deal WHERE id = ?")) {
            ps.setLong(1, dealId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.addAll(KeyIndex.Change.ofKeys(KeyIndex.Change.Kind.PUT, rs.getString(1), rs.getString(2),
                            rs.getString(3), dealId, 0));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE deal SET content_hash = 0 WHERE id = ?")) {
            ps.setLong(1, dealId);
            ps.executeUpdate();
        }
        if (keys() instanceof SqlKeyIndex) {
            // PUT of a key already there: the SQL index replaces it
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM deal_key WHERE deal_id = ?")) {
                ps.setLong(1, dealId);
                ps.executeUpdate();
            }
        }
        keys().write(c, changes);
        return new KeyRefresh(changes);
    }

    /**
     * The deal that has this Referral ID, or 0, found through the key index and confirmed on the deal's row (the
     * index holds 64-bit hashes of keys). The deal table has no index on referral_id (the wide row carries only its
     * primary key, V3), so {@code WHERE referral_id = ?} would read every deal. Reads what committed before the
     * caller's transaction: what the transaction itself stored, the caller knows.
     */
    public long dealWithReferralId(Connection c, String referralId) throws SQLException {
        var found = keys().find(Hash64.of(Deal.keysOf(referralId, "", "").get(0)));
        if (found == null) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT referral_id FROM deal WHERE id = ?")) {
            ps.setLong(1, found.dealId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && referralId.equals(rs.getString(1)) ? found.dealId() : 0;
            }
        }
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
