package io.dealsync.app;

import java.sql.Timestamp;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * Camel's JDBC read lock of cluster mode, with its orphan takeover made atomic.
 *
 * <p>Camel's {@code insert} takes over any lock row that exists by the time it looks (that is how it
 * recovers the lock of a crashed instance), so when two instances poll the same file at the same moment,
 * the second one sees no live lock, then the first one's fresh row, and "takes it over": both process the
 * file (the primary key of V2__file_locks.sql never gets a chance to refuse the second). Here a row is
 * taken over only when it is really stale, in one conditional UPDATE; otherwise the lock is a plain INSERT,
 * which fails on the primary key while another instance holds the file, and this instance skips it.
 */
final class FileLockRepository extends JdbcOrphanLockAwareIdempotentRepository {
    FileLockRepository(DataSource dataSource, String processorName, CamelContext context) {
        super(dataSource, processorName, context);
    }

    @Override
    protected int insert(String key) {
        long now = System.currentTimeMillis();
        int takenOver = jdbcTemplate.update("UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = ? WHERE processorName = ?"
                + " AND messageId = ? AND createdAt < ?", new Timestamp(now), processorName, key,
                new Timestamp(now - getLockMaxAgeMillis()));
        if (takenOver == 0) {
            // throws (duplicate key) when another instance holds the lock: the read lock is then not acquired
            jdbcTemplate.update(getInsertString(), processorName, key, new Timestamp(now));
        }
        // the row is this instance's now: Camel's insert refreshes it and keeps it alive while the file is in hand
        return super.insert(key);
    }
}
