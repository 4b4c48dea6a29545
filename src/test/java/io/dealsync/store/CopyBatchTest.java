package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The COPY path of PostgreSQL inserts stores what the INSERT batch stores, and keeps row text out of its errors. */
class CopyBatchTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DB = "dealsync_copy_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private static final String TABLE = " (id BIGINT PRIMARY KEY, n INTEGER, t TEXT, d DATE, ts TIMESTAMP)";
    /** Text COPY's format gives a meaning to: its delimiter, escapes, line breaks, its null marker, and the rest. */
    private static final List<String> TEXTS = List.of("plain", "tab\there", "two\nlines", "cr\r\nlf", "back\\slash",
            "\\N", "\\t literally", "quote \" and ' and ,;", "accents é ü ß, € and 日本", "", " leading and trailing ",
            "moji😀 ".repeat(30_000)); // pairs of UTF-16 units, some across any 64 K buffer the COPY is cut into

    @BeforeAll
    static void database() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DB);
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    @Test
    void storesEveryValueAsTheInsertBatchDoes() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE by_insert" + TABLE);
            s.execute("CREATE TABLE by_copy" + TABLE);
            try (Batch insert = new Batch(c, "INSERT INTO by_insert (id, n, t, d, ts) VALUES (?,?,?,?,?)");
                    Batch copy = Batch.insert(c, "INSERT INTO by_copy (id, n, t, d, ts) VALUES (?, ?, ?, ?, ?)")) {
                assertThat(copy).isInstanceOf(CopyBatch.class);
                for (Batch b : List.of(insert, copy)) {
                    long id = 0;
                    for (String t : TEXTS) {
                        bind(b.ps(), ++id, t);
                        b.add();
                    }
                    b.ps().setLong(1, ++id); // every column but the key null
                    b.ps().setNull(2, Types.INTEGER);
                    b.ps().setNull(3, Types.VARCHAR);
                    b.ps().setNull(4, Types.DATE);
                    b.ps().setNull(5, Types.TIMESTAMP);
                    b.add();
                    assertThat(b.run()).hasSize(TEXTS.size() + 1);
                    assertThat(b.run()).isEmpty(); // run empties the batch
                }
            }
            List<String> byInsert = rows(s, "by_insert");
            assertThat(byInsert).hasSize(TEXTS.size() + 1);
            assertThat(rows(s, "by_copy")).isEqualTo(byInsert);
            assertThat(byInsert.get(TEXTS.indexOf("\\N"))).contains("|\\N|"); // the text, not a null
        }
    }

    @Test
    void aDuplicateKeyIsAnIntegrityErrorThatQuotesNoRow() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dup" + TABLE);
            try (Batch copy = Batch.insert(c, "INSERT INTO dup (id, n, t, d, ts) VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < 2; i++) {
                    bind(copy.ps(), 7, "jane.doe@example.com");
                    copy.add();
                }
                assertThatThrownBy(copy::run).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("23505");
                    assertThat(e.getMessage()).contains("constraint \"dup_pkey\"").doesNotContain("jane.doe");
                    assertThat(e.getCause()).isNull();
                });
            }
        }
    }

    @Test
    void takesOnlyInsertsOfParameters() {
        assertThat(CopyBatch.copySql("INSERT INTO deal_key (key_hash, deal_id, content_hash) VALUES (?,?,?)"))
                .isEqualTo("COPY deal_key (key_hash, deal_id, content_hash) FROM STDIN");
        assertThatThrownBy(() -> CopyBatch.copySql("INSERT INTO t (a, b) VALUES (?, 'x')"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CopyBatch.copySql(Outbox.INSERT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void bind(PreparedStatement ps, long id, String text) throws SQLException {
        ps.setLong(1, id);
        ps.setInt(2, (int) id * 1000);
        ps.setString(3, text);
        ps.setDate(4, Date.valueOf(LocalDate.of(2026, 12, 2).plusDays(id)));
        ps.setTimestamp(5, Timestamp.valueOf("2026-12-02 04:30:15.123456"));
    }

    private static List<String> rows(Statement s, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT id, n, t, d, ts FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1) + "|" + rs.getObject(2) + "|" + rs.getString(3) + "|" + rs.getDate(4) + "|" + rs.getTimestamp(5));
            }
        }
        return out;
    }
}
