package io.dealsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A prepared statement collecting a JDBC batch; running an empty batch is a no-op (HSQLDB refuses one). */
final class Batch implements AutoCloseable {
    private final PreparedStatement ps;
    private int size;

    Batch(Connection c, String sql) throws SQLException {
        this.ps = c.prepareStatement(sql);
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
