package io.dealsync.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * R50's sweep: every stored Incoming deal still Received whose answer window ended before the as-of date
 * becomes Closed/Expired, with its history and outbox rows, set-based, a batch of deals a transaction. It reads only
 * the small index of deals awaiting an answer ({@code awaiting_answer}), never the whole deal table.
 */
public final class ExpirySweep {
    private static final int BATCH = 5000;

    private final Database db;

    ExpirySweep(Database db) {
        this.db = db;
    }

    /**
     * Expires what is due. A row lock on engine_lock makes the sweeps of several instances run one after the
     * other (the second finds nothing left).
     *
     * @return how many deals expired
     */
    public int sweep(LocalDate asOf, int windowDays, String runId, String instance) {
        int total = 0;
        int[] batch;
        do { // a batch a transaction: a transaction's changed rows stay in memory until it commits
            batch = sweepBatch(asOf, windowDays, runId, instance);
            total += batch[0];
        } while (batch[1] == BATCH);
        return total;
    }

    /**
     * Expires at most {@link #BATCH} due deals in one transaction; each batch stands alone (a crash keeps the
     * others). Returns how many expired and how many were due in the batch.
     */
    private int[] sweepBatch(LocalDate asOf, int windowDays, String runId, String instance) {
        Date cutoff = Date.valueOf(asOf.minusDays(windowDays));
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                lock(c, instance, now); // taken before the batch is chosen: another instance's sweep waits, then finds the rest
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT deal_id FROM awaiting_answer WHERE received_on < ?"
                        + " ORDER BY received_on, deal_id FETCH FIRST " + BATCH + " ROWS ONLY")) {
                    ps.setDate(1, cutoff);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.commit();
                    return new int[] {0, 0};
                }
                String due = " FROM deal d WHERE " + IdList.condition(db.dialect(), "d.id");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO deal_history (deal_id, seq, changed_at, as_of, run_id,"
                        + " action, old_status, new_status, changes) SELECT d.id, d.version + 1, ?, ?, ?, 'expired',"
                        + " d.status || '/' || d.substatus, 'Closed/Expired', 'Expired by the sweep: no answer within the window'"
                        + due)) {
                    ps.setTimestamp(1, now);
                    ps.setDate(2, Date.valueOf(asOf));
                    ps.setString(3, runId);
                    IdList.bind(db.dialect(), c, ps, 4, ids);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification (deal_id, event, referral_id, crm_id,"
                        + " partner_id, recipient, reason_code, as_of, created_at) SELECT d.id, 'Expired', d.referral_id, d.crm_id,"
                        + " d.partner_id, COALESCE(d.invited_by, 'msft'), d.reason_code, ?, ?" + due
                        + " AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.deal_id = d.id AND n.event = 'Expired')")) {
                    ps.setDate(1, Date.valueOf(asOf));
                    ps.setTimestamp(2, now);
                    IdList.bind(db.dialect(), c, ps, 3, ids);
                    ps.executeUpdate();
                }
                int n;
                try (PreparedStatement ps = c.prepareStatement("UPDATE deal SET status = 'Closed', substatus = 'Expired',"
                        + " version = version + 1, updated_at = ? WHERE " + IdList.condition(db.dialect(), "id"))) {
                    ps.setTimestamp(1, now);
                    IdList.bind(db.dialect(), c, ps, 2, ids);
                    n = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM awaiting_answer WHERE "
                        + IdList.condition(db.dialect(), "deal_id"))) {
                    IdList.bind(db.dialect(), c, ps, 1, ids);
                    ps.executeUpdate();
                }
                c.commit();
                return new int[] {n, ids.size()};
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("The expiry sweep failed", e);
        }
    }

    private static void lock(Connection c, String instance, Timestamp now) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT name FROM engine_lock WHERE name = 'sweep' FOR UPDATE")) {
            lock.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE engine_lock SET held_by = ?, held_at = ? WHERE name = 'sweep'")) {
            ps.setString(1, instance);
            ps.setTimestamp(2, now);
            ps.executeUpdate();
        }
    }
}
