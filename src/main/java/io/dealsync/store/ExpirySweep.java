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
import java.util.function.Supplier;

/**
 * R50's sweep: every stored Incoming deal still Received whose answer window ended before the as-of date
 * becomes Closed/Expired, with its history and outbox rows, a batch of deals a transaction, each wide deal row read
 * once a batch. It finds them in the small index of deals awaiting an answer ({@code awaiting_answer}), never by
 * reading the whole deal table.
 */
public final class ExpirySweep {
    /**
     * Deals a transaction: small enough that the batch's wide rows, and the primary key's nodes above them, stay in
     * HSQLDB's row cache (DatabaseTuning.CACHE_ROWS) from the read to the update. Measured over 1,000,000 deals
     * (84,737 due) with the 2,000-row cache: 1,000 a batch 16.2 s, 300 14.8 s, 50-150 11.0 s.
     */
    private static final int BATCH = 100;

    private final Database db;
    private final Supplier<KeyIndex> keys;

    ExpirySweep(Database db, Supplier<KeyIndex> keys) {
        this.db = db;
        this.keys = keys;
    }

    /**
     * Expires what is due. A row lock on engine_lock makes the sweeps of several instances run one after the
     * other (the second finds nothing left).
     *
     * @return how many deals expired
     */
    public int sweep(LocalDate asOf, int windowDays, String runId, String instance) {
        Date cutoff = Date.valueOf(asOf.minusDays(windowDays));
        if (!anyDue(cutoff)) {
            return 0; // the usual night: the pages below would walk every deal awaiting an answer to find none
        }
        int total = 0;
        // a batch a transaction: a transaction's changed rows stay in memory until it commits
        for (List<Long> page = dueAfter(cutoff, 0); !page.isEmpty(); page = dueAfter(cutoff, page.get(page.size() - 1))) {
            total += sweepBatch(page, cutoff, asOf, runId, instance);
        }
        return total;
    }

    /** Whether any deal is due, from the date index alone (awaiting_by_date): no row of a deal is read. */
    private boolean anyDue(Date cutoff) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT deal_id FROM awaiting_answer WHERE received_on < ?"
                        + " FETCH FIRST 1 ROWS ONLY")) {
            ps.setDate(1, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("The expiry sweep failed", e);
        }
    }

    /**
     * The next {@link #BATCH} due deals after {@code lastId}, in id order (neighbouring deals share data pages):
     * a walk along the primary key, so memory stays one batch and no page sorts every due deal again.
     */
    private List<Long> dueAfter(Date cutoff, long lastId) {
        List<Long> ids = new ArrayList<>(BATCH);
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT deal_id FROM awaiting_answer WHERE deal_id > ?"
                        + " AND received_on < ? ORDER BY deal_id FETCH FIRST " + BATCH + " ROWS ONLY")) {
            ps.setLong(1, lastId);
            ps.setDate(2, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("The expiry sweep failed", e);
        }
        return ids;
    }

    /**
     * Expires the deals of {@code candidates} still due, in one transaction; each batch stands alone (a crash keeps
     * the others). Another instance's sweep may have expired some since they were read: the lock makes the sweeps
     * take turns, and the candidates are checked again under it.
     *
     * @return how many expired
     */
    private int sweepBatch(List<Long> candidates, Date cutoff, LocalDate asOf, String runId, String instance) {
        Timestamp now = Timestamp.from(Instant.now());
        List<KeyIndex.Change> forgotten = new ArrayList<>();
        int n = db.inTransaction("The expiry sweep", c -> {
            lock(c, instance, now);
            List<Long> ids = stillDue(c, candidates, cutoff);
            if (ids.isEmpty()) {
                return 0;
            }
            List<Due> due = read(c, ids);
            for (Due d : due) {
                // the engine changed the deal: its next record is judged (its print was tied to a due date, and a
                // run with an earlier as-of date would otherwise find it awaiting still)
                forgotten.addAll(KeyIndex.Change.ofKeys(KeyIndex.Change.Kind.PRINT, d.referralId(), d.partnerId(),
                        d.crmId(), 0, 0));
            }
            keys.get().write(c, forgotten);
            insertHistory(c, due, now, asOf, runId);
            insertNotifications(c, due, asOf, now);
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE deal SET status = 'Closed', substatus = 'Expired',"
                    + " content_hash = 0, version = version + 1, updated_at = ? WHERE " + IdList.condition(db.dialect(), "id"))) {
                ps.setTimestamp(1, now);
                IdList.bind(db.dialect(), c, ps, 2, ids);
                updated = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM awaiting_answer WHERE "
                    + IdList.condition(db.dialect(), "deal_id"))) {
                IdList.bind(db.dialect(), c, ps, 1, ids);
                ps.executeUpdate();
            }
            return updated;
        });
        if (!forgotten.isEmpty()) {
            keys.get().committed(forgotten);
        }
        return n;
    }

    /**
     * The candidates still due, found by primary key: with the date in the WHERE clause too, HSQLDB walked the date
     * index over every due deal for each batch (40 % of a 1,000,000-deal sweep), so the date is compared here.
     */
    private List<Long> stillDue(Connection c, List<Long> candidates, Date cutoff) throws SQLException {
        List<Long> ids = new ArrayList<>();
        LocalDate before = cutoff.toLocalDate();
        try (PreparedStatement ps = c.prepareStatement("SELECT deal_id, received_on FROM awaiting_answer WHERE "
                + IdList.condition(db.dialect(), "deal_id"))) {
            IdList.bind(db.dialect(), c, ps, 1, candidates);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getDate(2).toLocalDate().isBefore(before)) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /** What the history and notification rows need of a due deal: each wide deal row is decoded once a batch. */
    private record Due(long id, long version, String status, String referralId, String crmId, String partnerId,
            String recipient, String reasonCode) {
    }

    private List<Due> read(Connection c, List<Long> ids) throws SQLException {
        List<Due> due = new ArrayList<>(ids.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, status || '/' || substatus, referral_id, crm_id,"
                + " partner_id, COALESCE(invited_by, 'msft'), reason_code FROM deal WHERE " + IdList.condition(db.dialect(), "id"))) {
            IdList.bind(db.dialect(), c, ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return due;
    }

    private static void insertHistory(Connection c, List<Due> due, Timestamp now, LocalDate asOf, String runId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deal_change (deal_id, seq, changed_at, as_of, run_id,"
                + " action, old_status, new_status, changes) VALUES (?, ?, ?, ?, ?, 'expired', ?, 'Closed/Expired',"
                + " 'Expired by the sweep: no answer within the window')")) {
            for (Due d : due) {
                ps.setLong(1, d.id());
                ps.setLong(2, d.version() + 1);
                ps.setTimestamp(3, now);
                ps.setDate(4, Date.valueOf(asOf));
                ps.setString(5, runId);
                ps.setString(6, d.status());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One 'Expired' notification a deal, ever: a deal already notified (an earlier, interrupted sweep) is left. */
    private void insertNotifications(Connection c, List<Due> due, LocalDate asOf, Timestamp now) throws SQLException {
        java.util.Set<Long> notified = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT deal_id FROM notification WHERE event = 'Expired' AND "
                + IdList.condition(db.dialect(), "deal_id"))) {
            IdList.bind(db.dialect(), c, ps, 1, due.stream().map(Due::id).toList());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notified.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification (deal_id, event, referral_id, crm_id,"
                + " partner_id, recipient, reason_code, as_of, created_at) VALUES (?, 'Expired', ?, ?, ?, ?, ?, ?, ?)")) {
            for (Due d : due) {
                if (notified.contains(d.id())) {
                    continue;
                }
                ps.setLong(1, d.id());
                ps.setString(2, d.referralId());
                ps.setString(3, d.crmId());
                ps.setString(4, d.partnerId());
                ps.setString(5, d.recipient());
                ps.setString(6, d.reasonCode());
                ps.setDate(7, Date.valueOf(asOf));
                ps.setTimestamp(8, now);
                ps.addBatch();
            }
            ps.executeBatch();
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
