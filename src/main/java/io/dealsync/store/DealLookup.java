package io.dealsync.store;

import io.dealsync.model.Deal;
import io.dealsync.sync.StoredDeals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A chunk's stored deals in two steps: the key index (which deal a key finds, and the fingerprint of the
 * record last applied to it), then one statement for the whole rows of the deals that must be judged.
 */
public final class DealLookup implements StoredDeals {
    private final Database db;
    private final java.util.function.Supplier<KeyIndex> keys;
    private final String dealsSql;

    DealLookup(Database db, java.util.function.Supplier<KeyIndex> keys) {
        this.db = db;
        this.keys = keys;
        this.dealsSql = "SELECT " + DealRows.SELECT_LIST + " FROM deal WHERE " + IdList.condition(db.dialect(), "id");
    }

    @Override
    public Map<Long, KeyRow> keys(Collection<Long> keyHashes) {
        return keys.get().find(keyHashes);
    }

    @Override
    public KeyRow key(long keyHash) {
        return keys.get().find(keyHash);
    }

    @Override
    public boolean keysInMemory() {
        return keys.get().inMemory();
    }

    @Override
    public Map<Long, Deal> deals(Collection<Long> ids) {
        Map<Long, Deal> out = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(dealsSql)) {
            IdList.bind(db.dialect(), c, ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Deal d = DealRows.read(rs);
                    out.put(d.getId(), d);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Looking up stored deals failed", e);
        }
        return out;
    }
}
