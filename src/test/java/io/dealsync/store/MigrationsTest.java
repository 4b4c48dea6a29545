package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @Test
    void latestIsTheNewestMigrationFlywayFinds(@TempDir Path dir) {
        MigrationVersion newest = Arrays.stream(Flyway.configure().dataSource("jdbc:hsqldb:file:" + dir.resolve("db"), "SA", "")
                        .locations("classpath:db/migration").load().info().all())
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(Migrations.LATEST).as("a new migration needs Migrations.LATEST moved to it").isEqualTo(newest.getVersion());
    }

    @Test
    void aMigratedDatabaseIsCurrentUntilAMigrationFailedOrItsHistoryIsGone(@TempDir Path dir) throws SQLException {
        String url = "jdbc:hsqldb:file:" + dir.resolve("db");
        Database db = Database.open(url, "SA", "", 2, 1);
        try (Connection c = db.connection()) {
            assertThat(Migrations.isCurrent(c)).isTrue();
            c.createStatement().execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");
            assertThat(Migrations.isCurrent(c)).as("a failed migration sends the start to Flyway").isFalse();
            c.createStatement().execute("DROP TABLE \"flyway_schema_history\"");
            assertThat(Migrations.isCurrent(c)).as("no history: a new database").isFalse();
        } finally {
            db.close();
        }
    }
}
