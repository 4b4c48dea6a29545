package io.dealsync.handoff;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Stores the Referral ID Partner Center gave a deal it created, beside the deal's CRM ID (docs/domain.md: both
 * are kept on the same deal, so a later record with the Referral ID finds it). A new version of the deal,
 * with its history row. Only the deal columns id, version, referral_id and updated_at are used here.
 */
final class ReferralIds {
    /** What became of a Referral ID. */
    enum Outcome { STORED, ALREADY_KNOWN, CONFLICT }

    /** Where the Referral ID came from, for the deal's history. */
    record Origin(String runId, LocalDate asOf, long fileId, String fileName, long line) {
    }

    /** The outcome, and the deal's version before it (the stored Referral ID made version + 1). */
    record Result(Outcome outcome, int oldVersion) {
    }

    private ReferralIds() {
    }

    /** Which deal has a Referral ID already (0: none). */
    interface Owners {
        long dealWith(String referralId) throws SQLException;
    }

    /**
     * Sets the deal's Referral ID unless it has another one, or another deal has this one ({@code owners}).
     *
     * @return the outcome and the deal's version before
     */
    static Result store(Connection c, long dealId, String referralId, Origin origin, Owners owners) throws SQLException {
        int version;
        String current;
        try (PreparedStatement ps = c.prepareStatement("SELECT version, referral_id FROM deal WHERE id = ?")) {
            ps.setLong(1, dealId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Result(Outcome.CONFLICT, 0);
                }
                version = rs.getInt(1);
                current = rs.getString(2);
            }
        }
        if (current != null && !current.isEmpty()) {
            return new Result(current.equals(referralId) ? Outcome.ALREADY_KNOWN : Outcome.CONFLICT, version);
        }
        long owner = owners.dealWith(referralId);
        if (owner != 0 && owner != dealId) {
            return new Result(Outcome.CONFLICT, version);
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE deal SET referral_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?")) {
            ps.setString(1, referralId);
            ps.setTimestamp(2, now);
            ps.setLong(3, dealId);
            ps.setInt(4, version);
            if (ps.executeUpdate() != 1) {
                return new Result(Outcome.CONFLICT, version);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deal_change (deal_id, seq, changed_at, as_of, run_id,"
                + " file_id, file_name, line, action, old_status, new_status, changes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, dealId);
            ps.setLong(2, version + 1L);
            ps.setTimestamp(3, now);
            ps.setDate(4, Date.valueOf(origin.asOf()));
            ps.setString(5, origin.runId());
            ps.setLong(6, origin.fileId());
            ps.setString(7, origin.fileName());
            ps.setLong(8, origin.line());
            ps.setString(9, "referral-id");
            ps.setString(10, "");
            ps.setString(11, "");
            ps.setString(12, "Referral ID: (empty) -> " + referralId + " (Partner Center created the deal)");
            ps.executeUpdate();
        }
        return new Result(Outcome.STORED, version);
    }
}
