package db.migration;

import io.dealsync.model.Deal;
import io.dealsync.model.Hash64;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The store rewrite (docs/architecture.md, "The store"): a deal is one row (its four stage marks as columns,
 * its team as one column, the fingerprint of the record last applied to it), found through a narrow key
 * index (PostgreSQL: the {@code deal_key} table of 64-bit key hashes; the embedded database: a file beside
 * its own, rebuilt from the rows when it is missing, see store/MappedKeyIndex), and the sweep reads a small index of
 * the deals awaiting an answer ({@code awaiting_answer}). The wide row then carries only its primary key,
 * which grows in order: an insert no longer walks index pages made of whole deals.
 *
 * <p>Java, not SQL, because the key hashes are computed by the engine's own function, and the team is
 * gathered into the engine's encoding, the same way on HSQLDB and PostgreSQL.
 */
public class V3__One_row_per_deal extends BaseJavaMigration {
    private static final int PAGE = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE deal ADD COLUMN team VARCHAR(100000)");
            s.execute("ALTER TABLE deal ADD COLUMN team_size INTEGER DEFAULT 0 NOT NULL");
            s.execute("ALTER TABLE deal ADD COLUMN content_hash BIGINT DEFAULT 0 NOT NULL");
            // the embedded database's key index file is in step with the rows of this generation
            s.execute("CREATE TABLE store_generation (generation BIGINT NOT NULL)");
            s.execute("INSERT INTO store_generation (generation) VALUES (0)");
            for (int m = 1; m <= 4; m++) {
                s.execute("ALTER TABLE deal ADD COLUMN mark_" + m + " DATE");
            }
            s.execute("CREATE TABLE deal_key (key_hash BIGINT PRIMARY KEY, deal_id BIGINT NOT NULL, content_hash BIGINT NOT NULL)");
            s.execute("CREATE TABLE awaiting_answer (deal_id BIGINT PRIMARY KEY, received_on DATE NOT NULL)");
            s.execute("CREATE INDEX awaiting_by_date ON awaiting_answer (received_on)");
        }
        copyDeals(c, !c.getMetaData().getDatabaseProductName().startsWith("HSQL"));
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO awaiting_answer (deal_id, received_on) SELECT id, received_on FROM deal WHERE received_on IS NOT NULL");
            s.execute("DROP INDEX deal_by_referral");
            s.execute("DROP INDEX deal_by_crm");
            s.execute("DROP INDEX deal_awaiting_answer");
            s.execute("ALTER TABLE deal DROP COLUMN received_on");
            s.execute("UPDATE deal SET team_size = (SELECT COUNT(*) FROM team_member t WHERE t.deal_id = deal.id)");
            s.execute("DROP TABLE team_member");
            s.execute("DROP TABLE stage_mark");
        }
    }

    /** Keys, stage marks and team of every stored deal, a page at a time. */
    private static void copyDeals(Connection c, boolean keyTable) throws SQLException {
        long after = Long.MIN_VALUE;
        try (PreparedStatement page = c.prepareStatement("SELECT id, referral_id, partner_id, crm_id FROM deal WHERE id > ?"
                + " ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY");
                PreparedStatement team = c.prepareStatement("SELECT first_name, last_name, phone, email FROM team_member"
                        + " WHERE deal_id = ? ORDER BY position");
                PreparedStatement marks = c.prepareStatement("SELECT stage, marked_on FROM stage_mark WHERE deal_id = ?");
                PreparedStatement key = c.prepareStatement("INSERT INTO deal_key (key_hash, deal_id, content_hash) VALUES (?,?,0)");
                PreparedStatement set = c.prepareStatement("UPDATE deal SET team = ?, mark_1 = ?, mark_2 = ?, mark_3 = ?,"
                        + " mark_4 = ? WHERE id = ?")) {
            while (true) {
                page.setLong(1, after);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), text(rs.getString(2)), text(rs.getString(3)), text(rs.getString(4))});
                    }
                }
                if (rows.isEmpty()) {
                    return;
                }
                for (Object[] r : rows) {
                    long id = (Long) r[0];
                    for (String k : keyTable ? Deal.keysOf((String) r[1], (String) r[2], (String) r[3]) : List.<String>of()) {
                        key.setLong(1, Hash64.of(k));
                        key.setLong(2, id);
                        key.addBatch();
                    }
                    set.setString(1, teamOf(team, id));
                    java.sql.Date[] m = marksOf(marks, id);
                    for (int i = 0; i < 4; i++) {
                        set.setDate(2 + i, m[i]);
                    }
                    set.setLong(6, id);
                    set.addBatch();
                    after = id;
                }
                key.executeBatch();
                set.executeBatch();
            }
        }
    }

    private static String teamOf(PreparedStatement team, long id) throws SQLException {
        team.setLong(1, id);
        StringBuilder json = new StringBuilder();
        try (ResultSet rs = team.executeQuery()) {
            while (rs.next()) {
                json.append(json.length() == 0 ? "[" : ",").append('[');
                for (int i = 1; i <= 4; i++) {
                    json.append(i == 1 ? "" : ",").append(quote(rs.getString(i)));
                }
                json.append(']');
            }
        }
        return json.length() == 0 ? null : json.append(']').toString();
    }

    private static java.sql.Date[] marksOf(PreparedStatement marks, long id) throws SQLException {
        marks.setLong(1, id);
        java.sql.Date[] out = new java.sql.Date[4];
        try (ResultSet rs = marks.executeQuery()) {
            while (rs.next()) {
                int stage = rs.getInt(1);
                if (stage >= 1 && stage <= 4) {
                    out[stage - 1] = rs.getDate(2);
                }
            }
        }
        return out;
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s == null ? "" : s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
