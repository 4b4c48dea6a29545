package io.dealsync.handoff;

import io.dealsync.store.Database;
import io.dealsync.store.StoreException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The "Partner Center" part of {@code deals show}: each version handed off, when, in which file, and the answer. */
public final class HandoffHistory {
    private HandoffHistory() {
    }

    /** One row of the ledger, as {@code deals show} prints it. */
    public record Entry(int version, String status, Instant handedAt, String file, Integer row, String reason,
            Instant answeredAt, String answerFile, String messages) {
    }

    /** What the ledger says of one deal, oldest version first. */
    static List<Entry> entries(Database db, long dealId) {
        List<Entry> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT h.version, h.status,"
                + " h.handed_at, f.name, h.row_no, h.reason, h.answered_at, h.answer_file, h.messages FROM handoff h"
                + " LEFT JOIN handoff_file f ON f.id = h.file_id WHERE h.deal_id = ? ORDER BY h.version")) {
            ps.setLong(1, dealId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int row = rs.getInt(5);
                    Integer r = rs.wasNull() ? null : row;
                    Timestamp answered = rs.getTimestamp(7);
                    out.add(new Entry(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), r,
                            rs.getString(6), answered == null ? null : answered.toInstant(), rs.getString(8),
                            rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the hand-off ledger failed", e);
        }
        return out;
    }


    public static void print(Database db, long dealId, PrintStream out) {
        List<Entry> entries = entries(db, dealId);
        out.println("Partner Center");
        if (entries.isEmpty()) {
            out.println("  not handed off yet");
        }
        for (Entry e : entries) {
            out.println("  " + line(e));
            if (e.messages() != null && !e.messages().isEmpty()) {
                out.println("        " + e.messages());
            }
        }
        out.println();
    }

    static String line(Entry e) {
        String v = "v" + e.version() + "  ";
        if (HandoffLedger.HELD.equals(e.status())) {
            return v + "held back " + e.handedAt() + ": " + e.reason() + " (" + HoldBack.valueOf(e.reason()).message() + ")";
        }
        if (HandoffLedger.REFERRAL_ID_STORED.equals(e.reason())) {
            return v + "Referral ID stored from " + e.answerFile() + " " + e.answeredAt() + " (Partner Center's own version)";
        }
        String sent = v + "handed off " + e.handedAt() + " in " + e.file() + (e.row() == null ? "" : " row " + e.row());
        return switch (e.status()) {
            case HandoffLedger.ACCEPTED -> sent + "; accepted by Partner Center (" + e.answerFile() + ", " + e.answeredAt() + ")";
            case HandoffLedger.REFUSED -> sent + "; refused by Partner Center (" + e.answerFile() + ", " + e.answeredAt() + "):";
            default -> sent + "; awaiting Partner Center's processed file";
        };
    }
}
