package io.dealsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The cluster read lock against the local PostgreSQL: of two instances asking for the same file at the same
 * instant, exactly one gets it; a stale lock (a crashed instance's) is taken over, a live one is not.
 */
class FileLockRepositoryTest {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void oneInstanceGetsTheLockAndAStaleLockIsTakenOver() throws Exception {
        String db = "dealsync_lock_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        DefaultCamelContext c1 = new DefaultCamelContext();
        DefaultCamelContext c2 = new DefaultCamelContext();
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(SERVER + db);
            ds.setUser("postgres");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // as V2__file_locks.sql creates it
                s.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL,"
                        + " messageId VARCHAR(1000) NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
            }
            c1.start();
            c2.start();
            FileLockRepository a = new FileLockRepository(ds, "intake", c1);
            FileLockRepository b = new FileLockRepository(ds, "intake", c2);
            for (FileLockRepository r : new FileLockRepository[] {a, b}) {
                r.setLockKeepAliveIntervalMillis(5_000);
                r.setLockMaxAgeMillis(30_000);
                r.start();
            }
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

            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO CAMEL_MESSAGEPROCESSED VALUES ('intake', '/inbox/orphan.csv', now() - interval '60 seconds')");
                s.execute("INSERT INTO CAMEL_MESSAGEPROCESSED VALUES ('intake', '/inbox/held.csv', now())");
            }
            assertThat(a.add("/inbox/orphan.csv")).as("a crashed instance's lock is taken over").isTrue();
            assertThat(race(b, "/inbox/orphan.csv")).as("and is then held").isFalse();
            assertThat(race(b, "/inbox/held.csv")).as("a live lock is not taken over").isFalse();
            a.remove("/inbox/orphan.csv");
            assertThat(b.add("/inbox/orphan.csv")).as("released, it is free again").isTrue();
            a.stop();
            b.stop();
        } finally {
            c1.stop();
            c2.stop();
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
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
