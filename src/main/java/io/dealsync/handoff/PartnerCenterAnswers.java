package io.dealsync.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The ledger's side that Partner Center's processed file writes: which outstanding hand-off a row answers,
 * and its answer. Runs inside the processed file's one transaction.
 */
final class PartnerCenterAnswers {
    private PartnerCenterAnswers() {
    }

    /** The outstanding hand-off a processed row answers. */
    record Sent(long dealId, int version, long fileId, String fileName, String referralId) {
    }

    /**
     * The latest outstanding ('sent') hand-off of the deal a processed row names: by the Referral ID it was
     * sent with (an update), else by its PartnerID and CRM ID (a new deal, whose Referral ID is new). Null
     * when none is outstanding.
     */
    static Sent find(Connection c, String referralId, String crmId, String partnerId) throws SQLException {
        String select = "SELECT h.deal_id, h.version, h.file_id, f.name, h.referral_id FROM handoff h"
                + " JOIN handoff_file f ON f.id = h.file_id WHERE h.status = 'sent' AND ";
        if (!referralId.isEmpty()) {
            Sent s = first(c, select + "h.referral_id = ? ORDER BY h.version DESC", referralId);
            if (s != null) {
                return s;
            }
        }
        if (!crmId.isEmpty()) {
            return first(c, select + "h.crm_id = ? AND h.partner_id = ? ORDER BY h.version DESC", crmId, partnerId);
        }
        return null;
    }

    private static Sent first(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Sent(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), HandoffLedger.nz(rs.getString(5)))
                        : null;
            }
        }
    }

    /** Partner Center's answer to one handed-off version. */
    static void answer(Connection c, Sent s, boolean accepted, String messages, String answerFile) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE handoff SET status = ?, answered_at = ?, answer_file = ?,"
                + " messages = ? WHERE deal_id = ? AND version = ? AND status = 'sent'")) {
            ps.setString(1, accepted ? HandoffLedger.ACCEPTED : HandoffLedger.REFUSED);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, answerFile);
            ps.setString(4, messages == null ? null : messages.length() > 4000 ? messages.substring(0, 4000) : messages);
            ps.setLong(5, s.dealId());
            ps.setInt(6, s.version());
            ps.executeUpdate();
        }
    }

    /**
     * The version the engine made by storing Partner Center's Referral ID is Partner Center's own content:
     * recorded as accepted, so it is not handed off again.
     */
    static void referralStored(Connection c, Sent s, int newVersion, String referralId, String crmId, String partnerId,
            String runId, String answerFile) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO handoff (deal_id, version, status, file_id, row_no,"
                + " referral_id, crm_id, partner_id, reason, run_id, handed_at, answered_at, answer_file)"
                + " VALUES (?,?,'accepted',?,NULL,?,?,?,?,?,?,?,?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            ps.setLong(1, s.dealId());
            ps.setInt(2, newVersion);
            ps.setLong(3, s.fileId());
            ps.setString(4, referralId);
            ps.setString(5, crmId);
            ps.setString(6, partnerId);
            ps.setString(7, HandoffLedger.REFERRAL_ID_STORED);
            ps.setString(8, runId);
            ps.setTimestamp(9, now);
            ps.setTimestamp(10, now);
            ps.setString(11, answerFile);
            ps.executeUpdate();
        }
    }

}
