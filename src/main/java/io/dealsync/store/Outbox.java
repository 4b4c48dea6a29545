package io.dealsync.store;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification outbox: rows written in the same transaction as each Declined/Expired status change
 * (one per deal and event, whatever the repeats), read and marked delivered by the delivery route.
 */
public final class Outbox {
    /** Adds the row unless the deal already has one for this event. */
    static final String INSERT = "INSERT INTO notification (deal_id, event, referral_id, crm_id, partner_id, recipient,"
            + " reason_code, as_of, created_at) SELECT ?,?,?,?,?,?,?,?,? FROM (VALUES(0)) t"
            + " WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.deal_id = ? AND n.event = ?)";

    private final Database db;

    Outbox(Database db) {
        this.db = db;
    }

    /** Queues a notification of {@code event} (Declined, Expired) for the deal's sender, in the caller's batch. */
    static void add(Batch b, Deal d, String event, LocalDate asOf, Timestamp now) throws SQLException {
        PreparedStatement ps = b.ps();
        ps.setLong(1, d.getId());
        ps.setString(2, event);
        ps.setString(3, emptyToNull(d.getReferralId()));
        ps.setString(4, emptyToNull(d.getCrmId()));
        ps.setString(5, d.getPartnerId());
        String to = d.get(Field.INVITED_BY);
        ps.setString(6, to.isEmpty() ? "msft" : to);
        ps.setString(7, emptyToNull(d.get(Field.REASON_CODE)));
        ps.setDate(8, Date.valueOf(asOf));
        ps.setTimestamp(9, now);
        ps.setLong(10, d.getId());
        ps.setString(11, event);
        b.add();
    }

    /**
     * The oldest {@code limit} undelivered notifications. The ORDER BY names the columns of the index
     * {@code notification_pending} (V7) in its order, delivered_at first (NULL in every row read), so both databases
     * read the page in index order and stop at its last row instead of sorting every undelivered row.
     */
    public List<Notification> pending(int limit) {
        List<Notification> out = new ArrayList<>();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT deal_id, event, referral_id, crm_id, partner_id, recipient,"
                        + " reason_code, as_of FROM notification WHERE delivered_at IS NULL ORDER BY delivered_at, created_at, deal_id"
                        + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the outbox failed", e);
        }
        return out;
    }

    /** A notification whose document was written. */
    public record Delivered(long dealId, String event) {
    }

    public void markDelivered(List<Delivered> done) {
        try (Connection c = db.connection();
                Batch b = new Batch(c, "UPDATE notification SET delivered_at = ? WHERE deal_id = ? AND event = ?")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Delivered d : done) {
                b.ps().setTimestamp(1, now);
                b.ps().setLong(2, d.dealId());
                b.ps().setString(3, d.event());
                b.add();
            }
            b.run();
        } catch (SQLException e) {
            throw new StoreException("Marking a notification delivered failed", e);
        }
    }

    public long count() {
        return db.count("SELECT COUNT(*) FROM notification");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
