package io.dealsync.store;

import io.dealsync.model.Deal;
import io.dealsync.model.Hash64;
import io.dealsync.sync.StoredDeals.KeyRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's key index ({@link KeyMap}), kept in step with the deal rows: every chunk's
 * transaction counts one more generation in {@code store_generation}; the map remembers the generation it
 * was last made durable with, and is rebuilt from the deal rows when the two differ or it was not closed
 * cleanly (a crash returns the database to its last CHECKPOINT, whatever the map holds by then).
 */
final class MappedKeyIndex implements KeyIndex {
    private static final Logger LOG = LoggerFactory.getLogger(MappedKeyIndex.class);

    private final Database db;
    private final KeyMap map;

    MappedKeyIndex(Database db, Path file) {
        this.db = db;
        long generation = generation();
        KeyMap m = KeyMap.openIfInStep(file, generation);
        this.map = m != null ? m : rebuild(file);
    }

    private KeyMap rebuild(Path file) {
        long t0 = System.nanoTime();
        KeyMap m = KeyMap.create(file, db.count("SELECT COUNT(*) FROM deal") * 2);
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, referral_id, partner_id, crm_id, content_hash FROM deal")) {
            while (rs.next()) {
                for (String k : Deal.keysOf(text(rs.getString(2)), text(rs.getString(3)), text(rs.getString(4)))) {
                    m.put(Hash64.of(k), rs.getLong(1), rs.getLong(5));
                }
            }
        } catch (SQLException e) {
            m.close();
            throw new StoreException("Rebuilding the key index failed", e);
        }
        m.markInStep(generation());
        LOG.info("Key index rebuilt from the deal rows: {} keys in {} ms", m.size(), (System.nanoTime() - t0) / 1_000_000);
        return m;
    }

    @Override
    public Map<Long, KeyRow> find(Collection<Long> keyHashes) {
        Map<Long, KeyRow> out = new HashMap<>();
        for (long k : keyHashes) {
            KeyRow row = map.get(k);
            if (row != null) {
                out.put(k, row);
            }
        }
        return out;
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public KeyRow find(long keyHash) {
        return map.get(keyHash);
    }

    @Override
    public void write(Connection c, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE store_generation SET generation = generation + 1")) {
            ps.executeUpdate();
        }
    }

    @Override
    public void committed(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        map.markDirty();
        for (Change ch : changes) {
            switch (ch.kind()) {
                case REMOVE -> map.remove(ch.keyHash());
                case PUT -> map.put(ch.keyHash(), ch.dealId(), ch.print());
                case PRINT -> map.setPrint(ch.keyHash(), ch.print());
            }
        }
    }

    @Override
    public void durable() {
        map.markInStep(generation());
    }

    @Override
    public void close() {
        map.close();
    }

    private long generation() {
        return db.count("SELECT generation FROM store_generation");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
