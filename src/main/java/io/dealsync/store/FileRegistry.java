package io.dealsync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The input files the engine took ({@code ingested_file}): their content hash (repeats), how they ended,
 * and the checkpoint a run killed mid-file resumes from.
 */
public final class FileRegistry {
    private static final int ERROR_WIDTH = 4000;

    private final Database db;

    FileRegistry(Database db) {
        this.db = db;
    }

    /** Where a file stands after a chunk: what the next resume skips, and the reject/warning file lengths. */
    public record Checkpoint(long line, long rejectOffset, long warningOffset, String ledgerJson, FileCounts counts) {
    }

    /** The name of a file already processed with this content, or null. */
    public String findDone(String sha256) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT name, source FROM ingested_file WHERE sha256 = ? AND status = 'done' ORDER BY id")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String source = rs.getString(2);
                    return source.isEmpty() ? rs.getString(1) : source + "/" + rs.getString(1);
                }
                return null;
            }
        } catch (SQLException e) {
            throw new StoreException("Looking up a file's hash failed", e);
        }
    }

    /**
     * Starts (or resumes) a file: an unfinished row with the same content is picked up again with its
     * checkpoint; otherwise a new row is created with the reject and warning file names chosen now, so a
     * resumed run keeps writing to the same ones.
     */
    public FileState beginFile(String name, String source, String sha256, String runId, String fingerprint,
            String rejectFile, String warningFile) {
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, checkpoint_line, reject_file, reject_offset,"
                    + " warning_file, warning_offset, ledger FROM ingested_file WHERE sha256 = ? AND status = 'in_progress'"
                    + " ORDER BY id")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new FileState(rs.getLong(1), name, source, sha256, rs.getLong(2), rs.getString(3),
                                rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getString(7), true);
                    }
                }
            }
            long id = db.nextValue(c, "ingested_file_id");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingested_file (id, name, source, sha256, status,"
                    + " run_id, started_at, rules_fingerprint, reject_file, warning_file) VALUES (?,?,?,?,'in_progress',?,?,?,?,?)")) {
                ps.setLong(1, id);
                ps.setString(2, name);
                ps.setString(3, source);
                ps.setString(4, sha256);
                ps.setString(5, runId);
                ps.setTimestamp(6, Timestamp.from(Instant.now()));
                ps.setString(7, fingerprint);
                ps.setString(8, rejectFile);
                ps.setString(9, warningFile);
                ps.executeUpdate();
            }
            return new FileState(id, name, source, sha256, 0, rejectFile, 0, warningFile, 0, null, false);
        } catch (SQLException e) {
            throw new StoreException("Registering the file failed", e);
        }
    }

    /** Moves the file's checkpoint, inside the chunk's own transaction. */
    void checkpoint(Connection c, long fileId, Checkpoint cp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ingested_file SET checkpoint_line = ?, reject_offset = ?,"
                + " warning_offset = ?, ledger = ?, records_read = ?, created = ?, updated = ?, unchanged = ?,"
                + " rejected = ?, skipped = ?, warnings = ?, expired = ? WHERE id = ?")) {
            ps.setLong(1, cp.line());
            ps.setLong(2, cp.rejectOffset());
            ps.setLong(3, cp.warningOffset());
            ps.setString(4, cp.ledgerJson());
            cp.counts().bind(ps, 5);
            ps.setLong(13, fileId);
            ps.executeUpdate();
        }
    }

    /** Records how a file ended (done or failed), its counts, and the error if any. */
    public void finishFile(long fileId, String status, String ledgerJson, FileCounts counts, String error) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE ingested_file SET status = ?, finished_at = ?, ledger = ?,"
                        + " records_read = ?, created = ?, updated = ?, unchanged = ?, rejected = ?, skipped = ?,"
                        + " warnings = ?, expired = ?, error = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, ledgerJson);
            counts.bind(ps, 4);
            ps.setString(12, clip(error));
            ps.setLong(13, fileId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Recording the end of the file failed", e);
        }
    }

    /** Records a file that could not be read at all (nothing of it was applied). */
    public void recordFailed(String name, String source, String sha256, String runId, String error) {
        try (Connection c = db.connection()) {
            long id = db.nextValue(c, "ingested_file_id");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingested_file (id, name, source, sha256, status,"
                    + " run_id, started_at, finished_at, error) VALUES (?,?,?,?,'failed',?,?,?,?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                ps.setLong(1, id);
                ps.setString(2, name);
                ps.setString(3, source);
                ps.setString(4, sha256 == null ? "" : sha256);
                ps.setString(5, runId);
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.setString(8, clip(error));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("Recording the failed file failed", e);
        }
    }

    private static String clip(String error) {
        return error == null || error.length() <= ERROR_WIDTH ? error : error.substring(0, ERROR_WIDTH);
    }
}
