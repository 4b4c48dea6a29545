package io.dealsync.sync;

import io.dealsync.model.Deal;
import java.util.Collection;
import java.util.Map;

/**
 * Bulk lookup of stored deals, in two steps per chunk, never one query per record: first the narrow key
 * index (which deal a key finds, and the fingerprint of the record last applied to it), then the whole
 * deals of the records that must be judged.
 */
public interface StoredDeals {
    /** What a key finds: the deal's id and the content fingerprint of the record last applied to it (0: none). */
    record KeyRow(long dealId, long contentHash) {
    }

    /** The key rows of the given key hashes ({@link io.dealsync.model.Hash64#of} of {@link Deal#getKeys()} forms). */
    Map<Long, KeyRow> keys(Collection<Long> keyHashes);

    /** What one key hash finds, or null: for a question row by row, when {@link #keysInMemory()}. */
    default KeyRow key(long keyHash) {
        return keys(java.util.List.of(keyHash)).get(keyHash);
    }

    /** {@link #key} is answered from memory: cheap enough to ask for every row of a file. */
    default boolean keysInMemory() {
        return false;
    }

    /** The stored deals of the given ids, with their team and stage marks. */
    Map<Long, Deal> deals(Collection<Long> ids);

    /**
     * Deals held in memory under their keys ({@link Deal#getKeys()} forms), for the analysts' rule cases and
     * tests: each deal keeps its id, or gets one of its own when it has none.
     */
    static StoredDeals of(Map<String, Deal> byKey) {
        Map<Long, KeyRow> keys = new java.util.HashMap<>();
        Map<Long, Deal> deals = new java.util.HashMap<>();
        Map<Deal, Long> ids = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, Deal> e : byKey.entrySet()) {
            Deal d = e.getValue();
            long id = ids.computeIfAbsent(d, x -> x.getId() != 0 ? x.getId() : -1L - ids.size());
            keys.put(io.dealsync.model.Hash64.of(e.getKey()), new KeyRow(id, 0));
            deals.put(id, d);
        }
        return new StoredDeals() {
            @Override
            public Map<Long, KeyRow> keys(Collection<Long> keyHashes) {
                return keys;
            }

            @Override
            public Map<Long, Deal> deals(Collection<Long> wanted) {
                return deals;
            }
        };
    }

    /** No deal stored yet (a new database). */
    StoredDeals NONE = new StoredDeals() {
        @Override
        public Map<Long, KeyRow> keys(Collection<Long> keyHashes) {
            return Map.of();
        }

        @Override
        public Map<Long, Deal> deals(Collection<Long> ids) {
            return Map.of();
        }
    };
}
