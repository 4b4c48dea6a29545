package io.dealsync.store;

import io.dealsync.sync.StoredDeals.KeyRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The key index as the {@code deal_key} table (PostgreSQL: shared by every instance, changed transactionally). */
final class SqlKeyIndex implements KeyIndex {
    private final Database db;
    private final String findSql;

    SqlKeyIndex(Database db) {
        this.db = db;
        this.findSql = "SELECT key_hash, deal_id, content_hash FROM deal_key WHERE " + IdList.condition(db.dialect(), "key_hash");
    }

    @Override
    public Map<Long, KeyRow> find(Collection<Long> keyHashes) {
        Map<Long, KeyRow> out = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(findSql)) {
            IdList.bind(db.dialect(), c, ps, 1, keyHashes);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new KeyRow(rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Looking up stored deals failed", e);
        }
        return out;
    }

    @Override
    public void write(Connection c, List<Change> changes) throws SQLException {
        try (Batch del = new Batch(c, "DELETE FROM deal_key WHERE key_hash = ?");
                Batch ins = Batch.insert(c, "INSERT INTO deal_key (key_hash, deal_id, content_hash) VALUES (?,?,?)");
                Batch print = new Batch(c, "UPDATE deal_key SET content_hash = ? WHERE key_hash = ?")) {
            for (Change ch : changes) {
                switch (ch.kind()) {
                    case REMOVE -> {
                        del.ps().setLong(1, ch.keyHash());
                        del.add();
                    }
                    case PUT -> {
                        ins.ps().setLong(1, ch.keyHash());
                        ins.ps().setLong(2, ch.dealId());
                        ins.ps().setLong(3, ch.print());
                        ins.add();
                    }
                    case PRINT -> {
                        print.ps().setLong(1, ch.print());
                        print.ps().setLong(2, ch.keyHash());
                        print.add();
                    }
                }
            }
            del.run();
            ins.run();
            print.run();
        }
    }

    @Override
    public void committed(List<Change> changes) {
    }

    @Override
    public void durable() {
    }

    @Override
    public void close() {
    }
}
