package io.dealsync.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The cluster's per-file lock: the repository of Camel's {@code idempotent-changed} read lock, one row of
 * {@code CAMEL_MESSAGEPROCESSED} per file in hand, kept alive by its holder for as long as the file is in hand.
 *
 * <p>Why not Camel's {@code JdbcOrphanLockAwareIdempotentRepository} (camel-sql 4.17.0): its keep-alive refreshes
 * only keys its own insert branch registered, so a lock taken over from a crashed instance was never refreshed;
 * it takes over any row it finds (a fresh lock committed between its two queries was stolen); it compares
 * each node's own clock with the times other nodes wrote; and any instance may delete any lock (Camel's file
 * consumer "removes" the key of every file it could not lock). Here:
 * <ul>
 * <li>every age is judged on the database's clock ({@code CURRENT_TIMESTAMP} in SQL, a TIMESTAMP WITH TIME ZONE);</li>
 * <li>a new lock is an INSERT the primary key makes exclusive; a stale one is taken over by one UPDATE that
 * still requires it to be stale;</li>
 * <li>each row names its holder ({@code heldBy}): only the holder refreshes or deletes it, and a holder whose
 * refresh finds its row gone or taken over knows it lost the file;</li>
 * <li>a file in hand lies in its folder's {@code .inprogress/} (Camel's preMove): its key is still its inbox path.</li>
 * </ul>
 */
final class FileLockRepository extends JdbcMessageIdRepository {
    private static final Logger LOG = LoggerFactory.getLogger(FileLockRepository.class);
    private static final String TABLE = "CAMEL_MESSAGEPROCESSED";

    private final String owner;
    private final long maxAgeMs;
    private final long keepAliveMs;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService keepAlive;

    /**
     * @param owner       this instance, unique in the cluster (written in each lock it holds)
     * @param maxAgeMs    a lock not refreshed for this long (database time) belongs to a dead instance
     * @param keepAliveMs how often the locks in hand are refreshed; well under {@code maxAgeMs}
     */
    FileLockRepository(DataSource dataSource, String processorName, String owner, long maxAgeMs, long keepAliveMs) {
        super(dataSource, processorName);
        if (keepAliveMs <= 0 || maxAgeMs < 2 * keepAliveMs) {
            throw new IllegalArgumentException("dealsync.cluster.lock-max-age-ms (" + maxAgeMs
                    + ") must be at least twice dealsync.cluster.keep-alive-ms (" + keepAliveMs + ")");
        }
        this.owner = owner;
        this.maxAgeMs = maxAgeMs;
        this.keepAliveMs = keepAliveMs;
        setTableName(TABLE);
        setCreateTableIfNotExists(false); // V2 and V5 create it, with its primary key and holder column
    }

    /** The lock of a file is that of its inbox path, also while it lies in its folder's {@code .inprogress/}. */
    static String lockKey(String path) {
        Path p = Path.of(path);
        Path dir = p.getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals(IntakeBean.IN_PROGRESS)
                && dir.getParent() != null) {
            return dir.getParent().resolve(p.getFileName()).toString();
        }
        return path;
    }

    /** SQL for "older than the maximum age", on the database's clock. */
    private String stale() {
        return "createdAt < CURRENT_TIMESTAMP - INTERVAL '"
                + String.format(Locale.ROOT, "%d.%03d", maxAgeMs / 1000, maxAgeMs % 1000) + "' SECOND";
    }

    @Override
    public boolean add(String key) {
        String k = lockKey(key);
        boolean taken = super.add(k);
        if (taken) {
            held.add(k); // only once committed: a refresh before that would not see the row
        }
        return taken;
    }

    @Override
    public boolean contains(String key) {
        return super.contains(lockKey(key));
    }

    @Override
    public boolean remove(String key) {
        return super.remove(lockKey(key));
    }

    /** Whether this instance holds the lock of that file (it is in hand here). */
    boolean holds(String key) {
        return held.contains(lockKey(key));
    }

    /** Live locks only: a lock older than the maximum age is a dead instance's. */
    @Override
    protected int queryForInt(String key) {
        Integer n = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM " + TABLE
                + " WHERE processorName = ? AND messageId = ? AND NOT (" + stale() + ")", Integer.class, processorName, key);
        return n == null ? 0 : n;
    }

    @Override
    protected int insert(String key) {
        int takenOver = jdbcTemplate.update("UPDATE " + TABLE + " SET createdAt = CURRENT_TIMESTAMP, heldBy = ?"
                + " WHERE processorName = ? AND messageId = ? AND " + stale(), owner, processorName, key);
        if (takenOver > 0) {
            LOG.info("Taking over {}: the instance that had it in hand stopped refreshing its lock", Path.of(key).getFileName());
            return takenOver;
        }
        // a live lock of another instance: the primary key refuses the row, Camel skips the file
        return jdbcTemplate.update("INSERT INTO " + TABLE + " (processorName, messageId, createdAt, heldBy)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, ?)", processorName, key, owner);
    }

    @Override
    protected int delete(String key) {
        if (!held.remove(key)) {
            return 0; // another instance's lock (or none): not ours to release
        }
        return jdbcTemplate.update("DELETE FROM " + TABLE + " WHERE processorName = ? AND messageId = ? AND heldBy = ?",
                processorName, key, owner);
    }

    @Override
    protected int delete() {
        held.clear();
        return jdbcTemplate.update("DELETE FROM " + TABLE + " WHERE processorName = ? AND heldBy = ?", processorName, owner);
    }

    /** Refreshes every lock in hand; one whose row is no longer ours was taken over (this instance stalled). */
    void keepAlive() {
        for (String key : held) {
            try {
                int n = jdbcTemplate.update("UPDATE " + TABLE + " SET createdAt = CURRENT_TIMESTAMP"
                        + " WHERE processorName = ? AND messageId = ? AND heldBy = ?", processorName, key, owner);
                if (n == 0 && held.remove(key)) {
                    LOG.error("Lost the lock on {}: it was not refreshed for {} ms and another instance took the file over",
                            Path.of(key).getFileName(), maxAgeMs);
                }
            } catch (DataAccessException e) {
                LOG.warn("Refreshing the lock on {} failed (retried in {} ms): {}", Path.of(key).getFileName(), keepAliveMs,
                        e.getMostSpecificCause().getMessage());
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dealsync-lock-keep-alive");
            t.setDaemon(true);
            return t;
        });
        keepAlive.scheduleWithFixedDelay(this::keepAlive, keepAliveMs, keepAliveMs, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (keepAlive != null) {
            keepAlive.shutdownNow();
            keepAlive = null;
        }
        super.doStop();
    }
}
