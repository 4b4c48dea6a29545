package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTuningTest {
    @Test
    void postgresSendsBatchedInsertsAsMultiRowInserts() {
        assertThat(DatabaseTuning.tuned("jdbc:postgresql://127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true");
        assertThat(DatabaseTuning.tuned("jdbc:postgresql://h/db?sslmode=disable"))
                .isEqualTo("jdbc:postgresql://h/db?sslmode=disable&reWriteBatchedInserts=true");
    }

    @Test
    void anOperatorsOwnChoiceWins() {
        assertThat(DatabaseTuning.tuned("jdbc:postgresql://h/db?reWriteBatchedInserts=false"))
                .isEqualTo("jdbc:postgresql://h/db?reWriteBatchedInserts=false");
        assertThat(DatabaseTuning.tuned("jdbc:hsqldb:file:x;hsqldb.cache_rows=5")).contains("hsqldb.cache_rows=5")
                .doesNotContain("cache_rows=" + DatabaseTuning.CACHE_ROWS).contains("hsqldb.log_data=false");
    }

    @Test
    void otherDatabasesAreLeftAsGiven() {
        assertThat(DatabaseTuning.tuned("jdbc:hsqldb:mem:x")).isEqualTo("jdbc:hsqldb:mem:x");
    }

    @Test
    void aDatabaseCreatedWithTheLargerRowCacheGetsTheSmallOne(@TempDir Path dir) throws SQLException {
        String url = "jdbc:hsqldb:file:" + dir.resolve("db");
        Database.open(url + ";hsqldb.cache_rows=20000", "SA", "", 2, 1).close(); // the operator's choice stands
        assertThat(storedCacheRows(url)).isEqualTo("20000");
        Database.open(url, "SA", "", 2, 1).close(); // as the engine opens it: no cache_rows of the operator's
        assertThat(storedCacheRows(url)).as("kept by the database for its next open")
                .isEqualTo(String.valueOf(DatabaseTuning.CACHE_ROWS));
    }

    /** The value the database itself holds, read without the engine (which would set it). */
    private static String storedCacheRows(String url) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url + ";shutdown=true", "SA", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT property_value FROM information_schema.system_properties"
                        + " WHERE property_name = 'hsqldb.cache_rows'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theEmbeddedDatabaseIsDurableAtItsCheckpointsAndSyncsWhatAsksFirst(@TempDir Path dir) throws SQLException {
        Database db = Database.open("jdbc:hsqldb:file:" + dir.resolve("db"), "SA", "", 2, 1);
        try {
            assertThat(db.commitsSurviveACrash()).as("no redo log for data").isFalse();
            java.util.List<String> seen = new java.util.ArrayList<>();
            try (Database.Registration r = db.beforeCheckpoint(() -> seen.add("synced"))) {
                db.checkpoint();
                assertThat(seen).containsExactly("synced");
            }
            db.checkpoint();
            assertThat(seen).as("not after the registration ended").hasSize(1);
        } finally {
            db.close();
        }
        Database logged = Database.open("jdbc:hsqldb:file:" + dir.resolve("logged") + ";hsqldb.log_data=true", "SA", "", 2, 1);
        try {
            assertThat(logged.commitsSurviveACrash()).as("the operator turned the data log on").isTrue();
        } finally {
            logged.close();
        }
    }
}
