package io.dealsync.handoff;

import io.dealsync.model.Deal;
import io.dealsync.store.Database;
import io.dealsync.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hand-off ledger (V4): which deal version went into which upload file, which were held back and
 * why, and what Partner Center answered. Every change is committed and made durable (CHECKPOINT on the
 * embedded database) before the step that depends on it, so a crash leaves a state {@link #recover()} settles.
 */
public final class HandoffLedger {
    public static final String WRITING = "writing";
    public static final String SENT = "sent";
    public static final String HELD = "held";
    public static final String ACCEPTED = "accepted";
    public static final String REFUSED = "refused";
    public static final String REFERRAL_ID_STORED = "REFERRAL_ID_STORED";

    /** The highest version of a deal the ledger holds, and what became of it. */
    public record Last(int version, String status) {
    }

    private final Database db;

    public HandoffLedger(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /**
     * Settles what a crash left: a file still 'writing' whose final name exists was renamed before the
     * crash, so its rows are sent; one whose final name does not exist never reached Partner Center's
     * hands, so its rows are dropped (those versions are handed off again) with its temporary file.
     *
     * @return how many unfinished files were settled
     */
    public int recover() {
        List<Object[]> open = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, path FROM handoff_file WHERE status = 'writing' ORDER BY id")) {
            while (rs.next()) {
                open.add(new Object[] {rs.getLong(1), rs.getString(2)});
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the hand-off ledger failed", e);
        }
        for (Object[] f : open) {
            long id = (Long) f[0];
            Path path = Path.of((String) f[1]);
            if (Files.exists(path)) {
                fileWritten(id);
            } else {
                drop(id);
                deleteQuietly(UploadFiles.partOf(path));
            }
        }
        return open.size();
    }

    private void drop(long fileId) {
        inTransaction(c -> {
            update(c, "DELETE FROM handoff WHERE file_id = ? AND status = 'writing'", fileId);
            update(c, "DELETE FROM handoff_file WHERE id = ?", fileId);
        });
    }

    /** The last ledger row of each deal with an id in [fromId, toId]. */
    public Map<Long, Last> last(long fromId, long toId) {
        Map<Long, Last> out = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT deal_id, version, status FROM handoff WHERE deal_id BETWEEN ? AND ? ORDER BY deal_id, version")) {
            ps.setLong(1, fromId);
            ps.setLong(2, toId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Last(rs.getInt(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the hand-off ledger failed", e);
        }
        return out;
    }

    /** Registers an upload file and its rows as 'writing', durably, before the file is written. */
    public long beginFile(String name, Path path, String runId, List<Deal> deals) {
        long[] id = {0};
        inTransaction(c -> {
            id[0] = nextValue(c, "handoff_file_id");
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO handoff_file (id, name, path, status, run_id,"
                    + " created_at, row_count) VALUES (?,?,?,'writing',?,?,?)")) {
                ps.setLong(1, id[0]);
                ps.setString(2, name);
                ps.setString(3, path.toAbsolutePath().toString());
                ps.setString(4, runId);
                ps.setTimestamp(5, now);
                ps.setInt(6, deals.size());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                int row = 1;
                for (Deal d : deals) {
                    bind(ps, d, WRITING, id[0], row++, null, runId, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        return id[0];
    }

    /** The file stands under its final name: its rows are sent. */
    public void fileWritten(long fileId) {
        inTransaction(c -> {
            update(c, "UPDATE handoff SET status = 'sent' WHERE file_id = ? AND status = 'writing'", fileId);
            update(c, "UPDATE handoff_file SET status = 'written' WHERE id = ?", fileId);
        });
    }

    /** Records deal versions held back, each with its reason. */
    public void hold(List<Deal> deals, List<HoldBack> reasons, String runId) {
        if (deals.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = 0; i < deals.size(); i++) {
                    bind(ps, deals.get(i), HELD, null, null, reasons.get(i).name(), runId, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }, false); // made durable once at the end of the hand-off: a lost held row is only judged again
    }

    /** The held-back rows of a run, in deal id order: deal id, version, Referral ID, CRM ID, PartnerID, reason. */
    public void heldInRun(String runId, Consumer<String[]> out) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT deal_id, version,"
                + " referral_id, crm_id, partner_id, reason FROM handoff WHERE run_id = ? AND status = 'held'"
                + " ORDER BY deal_id")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.accept(new String[] {rs.getString(1), rs.getString(2), nz(rs.getString(3)), nz(rs.getString(4)),
                            nz(rs.getString(5)), rs.getString(6)});
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the hand-off ledger failed", e);
        }
    }

    private static final String INSERT = "INSERT INTO handoff (deal_id, version, status, file_id, row_no, referral_id,"
            + " crm_id, partner_id, reason, run_id, handed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    private static void bind(PreparedStatement ps, Deal d, String status, Long fileId, Integer row, String reason,
            String runId, Timestamp now) throws SQLException {
        ps.setLong(1, d.getId());
        ps.setInt(2, d.getVersion());
        ps.setString(3, status);
        ps.setObject(4, fileId, java.sql.Types.BIGINT);
        ps.setObject(5, row, java.sql.Types.INTEGER);
        ps.setString(6, emptyToNull(d.getReferralId()));
        ps.setString(7, emptyToNull(d.getCrmId()));
        ps.setString(8, emptyToNull(d.getPartnerId()));
        ps.setString(9, reason);
        ps.setString(10, runId);
        ps.setTimestamp(11, now);
    }

    /** Work inside one transaction. */
    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction, then makes it durable. */
    void inTransaction(Work work) {
        inTransaction(work, true);
    }

    /** Runs the work in one transaction; {@code durable}: a CHECKPOINT after it (embedded database). */
    void inTransaction(Work work, boolean durable) {
        db.inTransaction("Writing the hand-off ledger", c -> {
            work.run(c);
            return null;
        });
        if (durable) {
            db.checkpoint();
        }
    }

    private static void update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private long nextValue(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(db.dialect().nextValue(sequence))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is harmless: it never has the final name
        }
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
