package io.dealsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Work that one instance at a time may do, across the instances sharing the database: a row of
 * {@code engine_lock} held {@code FOR UPDATE} while it runs. Another instance asking for it waits until the
 * holder commits (or its connection dies with it), then does its own turn, which finds the work done.
 */
public final class EngineLock {
    private final Database db;
    private final String name;
    private final String holder;

    /**
     * @param name   the lock's row ({@code 'outbox'}: V5)
     * @param holder this instance, written in the row for an operator to see who ran it last
     */
    public EngineLock(Database db, String name, String holder) {
        this.db = db;
        this.name = name;
        this.holder = holder;
    }

    /** Takes the lock, waiting for another instance's turn to end; the caller must {@link Held#close()} it. */
    public Held acquire() {
        Connection c = null;
        try {
            c = db.connection();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM engine_lock WHERE name = ? FOR UPDATE")) {
                ps.setString(1, name);
                ps.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE engine_lock SET held_by = ?, held_at = CURRENT_TIMESTAMP WHERE name = ?")) {
                ps.setString(1, holder);
                ps.setString(2, name);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("The engine_lock row '" + name + "' is missing (migration V5)");
                }
            }
            return new Held(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("Taking the " + name + " lock failed", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.rollback();
                c.close();
            } catch (SQLException ignored) {
                // the connection is lost already: so is the lock
            }
        }
    }

    /** The lock in hand: released by committing its transaction. */
    public static final class Held implements AutoCloseable {
        private Connection c;

        private Held(Connection c) {
            this.c = c;
        }

        @Override
        public synchronized void close() {
            if (c == null) {
                return;
            }
            try {
                c.commit();
                c.close();
            } catch (SQLException e) {
                closeQuietly(c);
            } finally {
                c = null;
            }
        }
    }
}
