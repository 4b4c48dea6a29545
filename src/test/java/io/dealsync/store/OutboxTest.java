package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;
    private Database db;
    private Outbox outbox;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:hsqldb:file:" + dir.resolve("db"), "SA", "", 2, 1);
        outbox = new Outbox(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPageIsTheOldestUndeliveredNotificationsInOrder() throws SQLException {
        // created in the order 5, 3, 1, 4, 2 (deal 4 and 2 at the same instant); 3 delivered already
        insert(5, "Expired", "2026-11-01T00:00:00", false);
        insert(3, "Expired", "2026-11-02T00:00:00", true);
        insert(1, "Declined", "2026-11-03T00:00:00", false);
        insert(4, "Expired", "2026-11-04T00:00:00", false);
        insert(2, "Expired", "2026-11-04T00:00:00", false);

        assertThat(outbox.pending(3)).extracting(Notification::dealId).containsExactly(5L, 1L, 2L);
        outbox.markDelivered(List.of(new Outbox.Delivered(5, "Expired"), new Outbox.Delivered(1, "Declined")));
        assertThat(outbox.pending(3)).extracting(Notification::dealId).containsExactly(2L, 4L);
    }

    /** The page is read along notification_pending and stops at its last row: no read of the delivered history. */
    @Test
    void aPageIsReadAlongThePendingIndex() throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.connection();
                ResultSet rs = c.createStatement().executeQuery("EXPLAIN PLAN FOR SELECT deal_id FROM notification"
                        + " WHERE delivered_at IS NULL ORDER BY delivered_at, created_at, deal_id FETCH FIRST 10 ROWS ONLY")) {
            while (rs.next()) {
                plan.add(rs.getString(1).strip());
            }
        }
        assertThat(plan).contains("access=INDEX PRED").anyMatch(l -> l.contains("index=NOTIFICATION_PENDING"));
    }

    private void insert(long dealId, String event, String createdAt, boolean delivered) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO notification (deal_id, event, partner_id, recipient,"
                        + " as_of, created_at, delivered_at) VALUES (?, ?, 'P1', 'msft', ?, ?, ?)")) {
            ps.setLong(1, dealId);
            ps.setString(2, event);
            ps.setDate(3, java.sql.Date.valueOf(LocalDate.of(2026, 11, 26)));
            Timestamp at = Timestamp.valueOf(createdAt.replace('T', ' '));
            ps.setTimestamp(4, at);
            ps.setTimestamp(5, delivered ? at : null);
            ps.executeUpdate();
        }
    }
}
