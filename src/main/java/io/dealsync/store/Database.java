package io.dealsync.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a pooled DataSource chosen by JDBC URL (HSQLDB file database by default, PostgreSQL for
 * scale-out), migrated by Flyway at start. The credentials are never logged.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    /** What must be on disk before a CHECKPOINT makes the committed offsets durable (open reviewer files). */
    private final java.util.List<Runnable> beforeCheckpoint = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Opens and migrates the database, retrying with back-off while it is unreachable.
     *
     * @throws DatabaseUnavailableException when it still cannot be reached after the retries
     */
    public static Database open(String url, String user, String password, int poolSize, int attempts) {
        return open(url, user, password, poolSize, attempts, 10_000);
    }

    /**
     * Opens and migrates the database, retrying with back-off while it is unreachable; a connection asked of the
     * pool later waits at most {@code connectionTimeoutMs} for the database.
     *
     * @throws DatabaseUnavailableException when it still cannot be reached after the retries
     */
    public static Database open(String url, String user, String password, int poolSize, int attempts,
            long connectionTimeoutMs) {
        String jdbcUrl = DatabaseTuning.tuned(url);
        Dialect dialect = Dialect.of(jdbcUrl);
        SQLException last = null;
        long backoff = 500;
        for (int attempt = 1; attempt <= Math.max(1, attempts); attempt++) {
            HikariConfig cfg = new HikariConfig();
            cfg.setJdbcUrl(jdbcUrl);
            if (user != null && !user.isEmpty()) {
                cfg.setUsername(user);
            }
            if (password != null && !password.isEmpty()) {
                cfg.setPassword(password);
            }
            cfg.setMaximumPoolSize(Math.max(2, poolSize));
            cfg.setMinimumIdle(1);
            cfg.setAutoCommit(true);
            cfg.setPoolName("dealsync");
            // the first connection is tried at once: a refused connection fails this attempt immediately
            // (our own back-off paces the attempts) instead of waiting the whole connection timeout
            cfg.setInitializationFailTimeout(1);
            cfg.setConnectionTimeout(Math.max(250, connectionTimeoutMs));
            HikariDataSource ds = null;
            try {
                ds = new HikariDataSource(cfg);
            } catch (RuntimeException e) {
                last = new SQLException(rootMessage(e), e);
                backoff = pauseBeforeRetry(attempt, attempts, e, backoff);
                continue;
            }
            try (Connection c = ds.getConnection()) {
                c.isValid(5);
                Migrations.migrate(c, jdbcUrl, user, password);
                DatabaseTuning.afterOpen(url, c);
                return new Database(ds, dialect);
            } catch (SQLException | RuntimeException e) {
                last = e instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
                ds.close();
                backoff = pauseBeforeRetry(attempt, attempts, e, backoff);
            }
        }
        throw new DatabaseUnavailableException("The database at " + redact(jdbcUrl) + " is unreachable: "
                + rootMessage(last), last);
    }

    /** Waits before the next attempt (none after the last); returns the next, doubled, pause. */
    private static long pauseBeforeRetry(int attempt, int attempts, Exception e, long backoff) {
        if (attempt >= attempts) {
            return backoff;
        }
        LOG.warn("Database not reachable (attempt {}/{}): {}; retrying in {} ms", attempt, attempts, rootMessage(e),
                backoff);
        sleep(backoff);
        return Math.min(backoff * 2, 8_000);
    }

    /**
     * The failure is the database being out of reach (connection refused, lost or not granted, server shutting
     * down), not a problem with the statement or the data.
     */
    public static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof java.net.SocketException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The URL without anything that may be a secret (password= parameters). */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes everything committed so far durable (embedded HSQLDB, which keeps no redo log). On PostgreSQL, which
     * needs no checkpoint, the tables that grew since their last statistics get fresh ones instead.
     */
    public void checkpoint() {
        beforeCheckpoint.forEach(Runnable::run);
        if (dialect == Dialect.POSTGRESQL) {
            analyzeGrownTables();
            return;
        }
        if (dialect != Dialect.HSQLDB) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new StoreException("CHECKPOINT failed", e);
        }
    }

    /**
     * ANALYZE of the tables a night grows, once they changed by more than a fifth since their last statistics
     * (and by 1,000 rows at least). Right after a first night nothing has statistics yet: autovacuum comes
     * within minutes, but a query meanwhile is planned for one-row tables, and a join with the deal_history
     * view took minutes on 10,000 deals (nested loops over sequential scans). Statistics are an optimisation:
     * a failure here is logged, never the file's.
     */
    private void analyzeGrownTables() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            java.util.List<String> grown = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT t.relname FROM pg_stat_user_tables t"
                    + " JOIN pg_class k ON k.oid = t.relid WHERE t.relname IN ('deal', 'deal_change', 'deal_key',"
                    + " 'awaiting_answer', 'reject', 'notification') AND t.schemaname = current_schema()"
                    + " AND t.n_mod_since_analyze > GREATEST(1000, 0.2 * k.reltuples)")) {
                while (rs.next()) {
                    grown.add(rs.getString(1));
                }
            }
            for (String table : grown) {
                s.execute("ANALYZE " + table);
            }
        } catch (SQLException e) {
            LOG.warn("Refreshing the planner's statistics failed: {}", rootMessage(e));
        }
    }

    /**
     * A file beside an embedded file database ({@code data/dealsync} + suffix), or null for an in-memory or
     * server database.
     */
    public java.nio.file.Path filePath(String suffix) {
        String url = dataSource.getJdbcUrl();
        if (!url.startsWith("jdbc:hsqldb:file:")) {
            return null;
        }
        String path = url.substring("jdbc:hsqldb:file:".length());
        int semi = path.indexOf(';');
        return java.nio.file.Path.of((semi < 0 ? path : path.substring(0, semi)) + suffix);
    }

    /**
     * Whether a committed transaction survives a crash by itself: PostgreSQL's do; the embedded database keeps no
     * redo log for data ({@code hsqldb.log_data=false}, DatabaseTuning), so a crash returns it to its last
     * CHECKPOINT, and what a chunk's commit depends on needs to be on disk only by then.
     */
    public boolean commitsSurviveACrash() {
        return dialect != Dialect.HSQLDB || !dataSource.getJdbcUrl().contains("hsqldb.log_data=false");
    }

    /** A registration that ends when closed. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code sync} before every CHECKPOINT (whichever thread makes it) until the registration is closed. */
    public Registration beforeCheckpoint(Runnable sync) {
        beforeCheckpoint.add(sync);
        return () -> beforeCheckpoint.remove(sync);
    }

    /** The single number a query of ours returns (counts). */
    public long count(String sql) {
        try (Connection c = connection(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Counting failed", e);
        }
    }

    /** The next value of one of the schema's sequences. */
    long nextValue(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(dialect.nextValue(sequence))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Work on one connection, inside one transaction. */
    @FunctionalInterface
    public interface Transaction<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param what what the work does, for the message of the StoreException a database error becomes
     */
    public <T> T inTransaction(String what, Transaction<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed", e);
        }
    }

    /** Closes the pool; an embedded HSQLDB is shut down so its files are consistent. */
    @Override
    public void close() {
        if (dialect == Dialect.HSQLDB && !dataSource.isClosed()) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("HSQLDB shutdown: {}", e.getMessage());
            }
        }
        dataSource.close();
    }
}
