package io.dealsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The cluster read lock against the local PostgreSQL: of two instances asking for the same file at the same
 * instant, exactly one gets it; a stale lock (a crashed instance's) is taken over, a live one is not; a lock in
 * hand stays live however long the file takes; only its holder releases it.
 */
class FileLockRepositoryTest {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String db = "dealsync_lock_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private PGSimpleDataSource ds;

    @BeforeEach
    void createDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        ds = new PGSimpleDataSource();
        ds.setUrl(SERVER + db);
        ds.setUser("postgres");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // as V2__file_locks.sql and V5__cluster_locks.sql leave it
            s.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL,"
                    + " messageId VARCHAR(1000) NOT NULL, createdAt TIMESTAMP WITH TIME ZONE, heldBy VARCHAR(300),"
                    + " PRIMARY KEY (processorName, messageId))");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    @Test
    void oneInstanceGetsTheLockAndAStaleLockIsTakenOver() throws Exception {
        FileLockRepository a = started(new FileLockRepository(ds, "intake", "a", 30_000, 5_000));
        FileLockRepository b = started(new FileLockRepository(ds, "intake", "b", 30_000, 5_000));
        int both = 0;
        int none = 0;
        for (int i = 0; i < 100; i++) {
            String key = "/inbox/file-" + i + ".csv";
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicInteger won = new AtomicInteger();
            Thread ta = new Thread(() -> race(start, a, key, won));
            Thread tb = new Thread(() -> race(start, b, key, won));
            ta.start();
            tb.start();
            ta.join();
            tb.join();
            both += won.get() > 1 ? 1 : 0;
            none += won.get() == 0 ? 1 : 0;
        }
        assertThat(both).as("both instances took the same file").isZero();
        assertThat(none).as("neither instance took the file").isZero();

        sql("INSERT INTO CAMEL_MESSAGEPROCESSED VALUES ('intake', '/inbox/orphan.csv', now() - interval '60 seconds', 'x')");
        sql("INSERT INTO CAMEL_MESSAGEPROCESSED VALUES ('intake', '/inbox/held.csv', now(), 'y')");
        assertThat(a.add("/inbox/orphan.csv")).as("a crashed instance's lock is taken over").isTrue();
        assertThat(holder("/inbox/orphan.csv")).isEqualTo("a");
        assertThat(race(b, "/inbox/orphan.csv")).as("and is then held").isFalse();
        assertThat(race(b, "/inbox/held.csv")).as("a live lock is not taken over").isFalse();
        assertThat(b.remove("/inbox/orphan.csv")).as("only its holder releases a lock").isFalse();
        assertThat(holder("/inbox/orphan.csv")).isEqualTo("a");
        a.remove("/inbox/orphan.csv");
        assertThat(b.add("/inbox/orphan.csv")).as("released, it is free again").isTrue();
        a.stop();
        b.stop();
    }

    @Test
    void aLockInHandStaysLiveLongAfterTheMaximumAgeAndAStoppedOneGoesStale() throws Exception {
        FileLockRepository a = started(new FileLockRepository(ds, "intake", "a", 1_000, 200));
        FileLockRepository b = started(new FileLockRepository(ds, "intake", "b", 1_000, 200));
        assertThat(a.add("/inbox/big.csv")).isTrue();
        for (int i = 0; i < 8; i++) { // 4 times the maximum age
            Thread.sleep(500);
            assertThat(race(b, "/inbox/big.csv")).as("taken over after %d ms while in hand", (i + 1) * 500).isFalse();
        }
        // moved to .inprogress/ by Camel's preMove: still the same lock, released by its holder at commit
        assertThat(a.contains("/inbox/.inprogress/big.csv")).isTrue();
        assertThat(a.remove("/inbox/.inprogress/big.csv")).isTrue();
        assertThat(b.add("/inbox/big.csv")).isTrue();

        b.stop(); // as if killed: nothing refreshes its lock any more
        Thread.sleep(1_500);
        assertThat(a.add("/inbox/big.csv")).as("a dead instance's lock is taken over once stale").isTrue();
        a.stop();
    }

    @Test
    void aHolderThatStalledPastTheMaximumAgeLearnsItLostTheFile() throws Exception {
        FileLockRepository a = new FileLockRepository(ds, "intake", "a", 1_000, 200); // not started: never refreshes
        FileLockRepository b = started(new FileLockRepository(ds, "intake", "b", 1_000, 200));
        assertThat(a.add("/inbox/f.csv")).isTrue();
        Thread.sleep(1_300);
        assertThat(b.add("/inbox/f.csv")).isTrue();
        a.keepAlive();
        assertThat(a.holds("/inbox/f.csv")).as("the stalled holder dropped the lock it lost").isFalse();
        assertThat(a.remove("/inbox/f.csv")).as("and does not delete the new holder's").isFalse();
        assertThat(holder("/inbox/f.csv")).isEqualTo("b");
        b.stop();
    }

    private static FileLockRepository started(FileLockRepository r) {
        r.start();
        return r;
    }

    private void sql(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String holder(String key) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT heldBy FROM CAMEL_MESSAGEPROCESSED WHERE messageId = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void race(CyclicBarrier start, FileLockRepository r, String key, AtomicInteger won) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (race(r, key)) {
            won.incrementAndGet();
        }
    }

    /** add() as Camel's read lock calls it: an exception (the primary key refused the row) means not acquired. */
    private static boolean race(FileLockRepository r, String key) {
        try {
            return r.add(key);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
