package io.dealsync.store;

import io.dealsync.model.Deal;
import io.dealsync.model.Hash64;
import io.dealsync.sync.StoredDeals.KeyRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which deal a key finds, and the fingerprint of the record last applied to it. PostgreSQL keeps it in the
 * {@code deal_key} table, changed inside each chunk's transaction ({@link SqlKeyIndex}); the embedded
 * database keeps it in a memory-mapped file beside its own, changed once the chunk committed
 * ({@link MappedKeyIndex}).
 */
interface KeyIndex extends AutoCloseable {
    /** One change of the index: a key added or moved to a deal, its fingerprint set, or the key gone. */
    record Change(Kind kind, long keyHash, long dealId, long print) {
        enum Kind { PUT, PRINT, REMOVE }

        /** The same change for every key of a deal with these ids (a null id, as the database gives it, is none). */
        static List<Change> ofKeys(Kind kind, String referralId, String partnerId, String crmId, long dealId, long print) {
            List<Change> out = new java.util.ArrayList<>(2);
            for (String k : Deal.keysOf(text(referralId), text(partnerId), text(crmId))) {
                out.add(new Change(kind, Hash64.of(k), dealId, print));
            }
            return out;
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }
    }

    Map<Long, KeyRow> find(Collection<Long> keyHashes);

    /**
     * The index answers one key from memory, cheaply enough to be asked row by row (the CSV reader's row fast
     * path, {@link io.dealsync.read.KnownRows}); false: only chunk-sized questions pay off.
     */
    default boolean inMemory() {
        return false;
    }

    /** What one key finds, or null. */
    default KeyRow find(long keyHash) {
        return find(List.of(keyHash)).get(keyHash);
    }

    /** Inside the chunk's transaction. */
    void write(Connection c, List<Change> changes) throws SQLException;

    /** Once the chunk's transaction committed. */
    void committed(List<Change> changes);

    /** The database has just been made durable (CHECKPOINT or shutdown). */
    void durable();

    @Override
    void close();
}
