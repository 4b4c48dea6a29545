package io.dealsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A prepared statement collecting a JDBC batch; running an empty batch is a no-op (HSQLDB refuses one). */
class Batch implements AutoCloseable {
    private final PreparedStatement ps;
    private int size;

    Batch(Connection c, String sql) throws SQLException {
        this(c.prepareStatement(sql));
    }

    Batch(PreparedStatement ps) {
        this.ps = ps;
    }

    /**
     * A batch of {@code INSERT INTO t (columns) VALUES (?, ...)}: on PostgreSQL one COPY per run ({@link CopyBatch}),
     * its bulk path; elsewhere a JDBC batch.
     */
    static Batch insert(Connection c, String insertSql) throws SQLException {
        return CopyBatch.offeredBy(c) ? new CopyBatch(c, insertSql) : new Batch(c, insertSql);
    }

    PreparedStatement ps() {
        return ps;
    }

    void add() throws SQLException {
        ps.addBatch();
        size++;
    }

    int[] run() throws SQLException {
        if (size == 0) {
            return new int[0];
        }
        size = 0;
        return ps.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        ps.close();
    }
}
