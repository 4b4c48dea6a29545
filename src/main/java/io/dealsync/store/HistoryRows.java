package io.dealsync.store;

import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A deal's history: one row per change ({@code deal_change}), naming the file and line it came from, after its
 * creation, which is recorded on the deal's own row (V6). The {@code deal_history} view joins the two for SQL users.
 */
final class HistoryRows {
    static final String INSERT = "INSERT INTO deal_change (deal_id, seq, changed_at, as_of, run_id, file_id, file_name,"
            + " line, action, old_status, new_status, changes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int CHANGES_WIDTH = 4000;
    private static final Set<Field> PERSONAL = Set.of(Field.CONTACT_FIRST_NAME, Field.CONTACT_LAST_NAME,
            Field.CONTACT_PHONE, Field.CONTACT_EMAIL);

    /** Where a change came from: the run, and the file and line (none for the sweep). */
    record Origin(Timestamp at, LocalDate asOf, String runId, Long fileId, String fileName) {
    }

    private HistoryRows() {
    }

    static void add(Batch b, long dealId, long seq, Origin o, Long line, String action, String oldStatus,
            String newStatus, String changes) throws SQLException {
        PreparedStatement ps = b.ps();
        ps.setLong(1, dealId);
        ps.setLong(2, seq);
        ps.setTimestamp(3, o.at());
        ps.setDate(4, Date.valueOf(o.asOf()));
        ps.setString(5, o.runId());
        setLong(ps, 6, o.fileId());
        ps.setString(7, o.fileName());
        setLong(ps, 8, line);
        ps.setString(9, action);
        ps.setString(10, oldStatus);
        ps.setString(11, newStatus);
        ps.setString(12, changes.length() > CHANGES_WIDTH ? changes.substring(0, CHANGES_WIDTH - 3) + "..." : changes);
        b.add();
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    /** What changed, for the history: "Notes", "Estimated Deal Value: 100 -> 200"; contact data by name only. */
    static String describe(Deal now, Deal before) {
        StringJoiner j = new StringJoiner("; ");
        for (String column : now.differences(before)) {
            Field f = Field.byHeader(column);
            if (f == null || PERSONAL.contains(f) || f == Field.NOTES || f == Field.STATUS_REASON) {
                j.add(column);
            } else if (f == Field.SALES_STAGE) {
                j.add(column + ": " + before.getDerivedStage() + " -> " + now.getDerivedStage());
            } else {
                j.add(column + ": " + show(before.get(f)) + " -> " + show(now.get(f)));
            }
        }
        return j.toString();
    }

    private static String show(String v) {
        return v.isEmpty() ? "(empty)" : v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }

    /** A deal's history, oldest first: its creation (from the deal row), then its changes. */
    static List<HistoryEntry> of(Connection c, long dealId) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1, d.created_at, d.stored_on, f.run_id,"
                + " CASE WHEN f.source = '' THEN f.name ELSE f.source || '/' || f.name END, d.created_line, d.created_action,"
                + " '', d.created_status, '' FROM deal d LEFT JOIN ingested_file f ON f.id = d.created_file_id"
                + " WHERE d.id = ? AND d.created_action IS NOT NULL")) {
            read(ps, dealId, out);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, changed_at, as_of, run_id, file_name, line, action,"
                + " old_status, new_status, changes FROM deal_change WHERE deal_id = ? ORDER BY seq")) {
            read(ps, dealId, out);
        }
        return out;
    }

    private static void read(PreparedStatement ps, long dealId, List<HistoryEntry> out) throws SQLException {
        ps.setLong(1, dealId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long line = rs.getLong(6);
                Long l = rs.wasNull() ? null : line;
                out.add(new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getString(5), l, rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)));
            }
        }
    }
}
