package io.dealsync.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/** A throw-away database on the local PostgreSQL server (127.0.0.1:5432, trust auth), which .ci/run starts. */
final class Postgres implements AutoCloseable {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    final String name = "dealsync_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

    Postgres() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    String url() {
        return SERVER + name;
    }

    /** Points a harness at this database. */
    Harness use(Harness h) {
        h.settings.put("dealsync.db.url", url());
        h.settings.put("dealsync.db.user", "postgres");
        h.settings.put("dealsync.db.password", "");
        return h;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
