package io.dealsync.health;

import io.dealsync.store.Database;
import java.sql.Connection;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/** Readiness: the database answers (a pooled connection is valid within two seconds). */
public final class DatabaseCheck extends ReadinessCheck {
    private final Database database;

    public DatabaseCheck(Database database) {
        super("dealsync-database");
        this.database = database;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("dialect", database.dialect().name());
        try (Connection c = database.connection()) {
            if (c.isValid(2)) {
                builder.up();
            } else {
                builder.message("The database did not answer within 2 s").down();
            }
        } catch (Exception e) {
            // the message only: a driver's error may carry the URL, never the password (Database redacts it)
            builder.message("The database is unreachable: " + Database.redact(String.valueOf(e.getMessage()))).down();
        }
    }
}
