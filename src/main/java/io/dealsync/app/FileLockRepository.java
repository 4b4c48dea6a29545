package io.dealsync.app;

import java.sql.Timestamp;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * The cluster's per-file lock (Camel's JDBC idempotent read lock): taken atomically, released only by its holder.
 *
 * <p>Two flaws of Camel's orphan-aware repository let two instances process the same file together (seen as
 * duplicate-key failures and a file left behind in the two-instance test):
 * <ul>
 * <li>After a poll, Camel's file consumer "removes" the repository key of every file it could not lock, so an
 * instance that found a file locked deleted the other instance's lock, and took the file at its next poll.
 * Here a key is deleted only by the instance that holds it.</li>
 * <li>Taking a lock checks for a live one, then, in a second query, treats any row it finds as an orphan and
 * takes it over: a fresh lock committed between the two queries was stolen. Here an orphan is taken over only by
 * one UPDATE that still requires it to be older than the maximum age, and a new lock is an INSERT that the
 * table's primary key makes exclusive (the loser gets an exception: Camel skips the file).</li>
 * </ul>
 */
final class FileLockRepository extends JdbcOrphanLockAwareIdempotentRepository {
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    FileLockRepository(DataSource dataSource, String processorName, CamelContext context) {
        super(dataSource, processorName, context);
    }

    @Override
    protected int insert(String key) {
        long now = System.currentTimeMillis();
        String table = getTableName() == null ? "CAMEL_MESSAGEPROCESSED" : getTableName();
        int takenOver = jdbcTemplate.update("UPDATE " + table + " SET createdAt = ? WHERE processorName = ?"
                + " AND messageId = ? AND createdAt < ?", new Timestamp(now), processorName, key,
                new Timestamp(now - getLockMaxAgeMillis()));
        if (takenOver == 0) {
            jdbcTemplate.update(getInsertString(), processorName, key, new Timestamp(now)); // duplicate key: not ours
        }
        // ours now: the parent refreshes the row's time and keeps it alive while the file is in hand
        int n = super.insert(key);
        held.add(key);
        return n;
    }

    @Override
    protected int delete(String key) {
        if (!held.remove(key)) {
            return 0; // another instance's lock (or none): not ours to release
        }
        return super.delete(key);
    }
}
