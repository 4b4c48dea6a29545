package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dealsync.model.ColumnLimits;
import io.dealsync.model.DbColumn;
import io.dealsync.model.Field;
import io.dealsync.model.ListColumn;
import io.dealsync.model.TeamMember;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's columns ({@link Field}, {@link ListColumn}) against the {@code deal} table the migrations
 * build, on a fresh embedded database and, when the local PostgreSQL (127.0.0.1:5432, trust auth) answers,
 * on a fresh PostgreSQL database: every column exists with the catalogue's type and width, so a value the
 * width checks let through can always be written.
 */
class ColumnWidthsTest {
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String RANDOM = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

    @Test
    void theEmbeddedDatabaseHasEveryCatalogueColumnAtItsWidth() throws SQLException {
        try (Database db = Database.open("jdbc:hsqldb:mem:widths_" + RANDOM, "SA", "", 2, 1)) {
            assertThat(dealColumns(db)).containsAllEntriesOf(catalogue());
        }
    }

    @Test
    void postgresqlHasEveryCatalogueColumnAtItsWidth() throws SQLException {
        assumeTrue(postgresAnswers(), "no PostgreSQL on 127.0.0.1:5432");
        String name = "dealsync_widths_" + RANDOM;
        adminSql("CREATE DATABASE " + name);
        try (Database db = Database.open(PG_SERVER + name, "postgres", "", 2, 1)) {
            assertThat(dealColumns(db)).containsAllEntriesOf(catalogue());
        } finally {
            adminSql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Test
    void theLargestTeamAtItsWidestFitsTheTeamColumn() {
        String wide = "x".repeat(Field.CONTACT_EMAIL.column().width());
        List<TeamMember> team = Collections.nCopies(ColumnLimits.MAX_TEAM, new TeamMember(
                wide.substring(0, Field.CONTACT_FIRST_NAME.column().width()),
                wide.substring(0, Field.CONTACT_LAST_NAME.column().width()),
                wide.substring(0, Field.CONTACT_PHONE.column().width()), wide));

        assertThat(TeamCodec.encode(team).length()).isLessThanOrEqualTo(ListColumn.TEAM.column().width());
    }

    /** The catalogue's deal columns as "name" -> "TYPE(width)". */
    private static Map<String, String> catalogue() {
        Map<String, String> out = new TreeMap<>();
        for (Field f : Field.values()) {
            out.put(f.column().name(), describe(f.column()));
        }
        for (ListColumn l : ListColumn.values()) {
            out.put(l.column().name(), describe(l.column()));
        }
        return out;
    }

    private static String describe(DbColumn c) {
        return c.type() == DbColumn.Type.TEXT ? "TEXT(" + c.width() + ")" : c.type().name();
    }

    /** The deal table's columns, after the migrations, as "name" -> "TYPE(width)". */
    private static Map<String, String> dealColumns(Database db) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type, character_maximum_length"
                        + " FROM information_schema.columns WHERE LOWER(table_name) = 'deal'"
                        + " AND LOWER(table_schema) = 'public'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString(2).toUpperCase(Locale.ROOT);
                out.put(rs.getString(1).toLowerCase(Locale.ROOT), type.startsWith("CHARACTER VARYING")
                        ? "TEXT(" + rs.getInt(3) + ")" : type);
            }
        }
        return out;
    }

    private static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void adminSql(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
