package io.dealsync.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The schema, migrated by Flyway (src/main/resources/db/migration, src/main/java/db/migration). A database whose
 * history already holds the newest migration, every one of them successful, is left alone without starting
 * Flyway: loading it, scanning the class path for migrations and validating them was ~0.4 s of every command's
 * start-up. Flyway still runs (and validates) whenever a migration is pending.
 */
final class Migrations {
    /** The newest migration shipped; MigrationsTest holds it to the migrations Flyway finds. */
    static final String LATEST = "7";

    private Migrations() {
    }

    /** Flyway opens its own connections (it holds more than one on PostgreSQL), outside the engine's small pool. */
    static void migrate(Connection c, String url, String user, String password) {
        if (isCurrent(c)) {
            return;
        }
        Flyway.configure().dataSource(url, user == null ? "" : user, password == null ? "" : password)
                .locations("classpath:db/migration").load().migrate();
    }

    /** The newest migration is applied and none failed; false for a new database (no history yet). */
    static boolean isCurrent(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            boolean latest = false;
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                latest |= LATEST.equals(rs.getString(1));
            }
            return latest;
        } catch (SQLException e) {
            return false;
        }
    }
}
