package io.dealsync.store;

import io.dealsync.model.Dates;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * How a deal maps to its row of the {@code deal} table: one row holds the whole deal, its four stage marks
 * and its team included, so storing a deal is one row insert (docs/architecture.md, "The store").
 */
final class DealRows {
    enum Kind { TEXT, DATE, INT }

    record Col(String name, Field field, Kind kind) {
    }

    static final List<Col> COLS = List.of(
            new Col("referral_id", Field.REFERRAL_ID, Kind.TEXT),
            new Col("engagement_id", Field.ENGAGEMENT_ID, Kind.TEXT),
            new Col("crm_id", Field.CRM_ID, Kind.TEXT),
            new Col("partner_id", Field.PARTNER_ID, Kind.TEXT),
            new Col("deal_name", Field.DEAL_NAME, Kind.TEXT),
            new Col("deal_type", Field.DEAL_TYPE, Kind.TEXT),
            new Col("direction", Field.DIRECTION, Kind.TEXT),
            new Col("location", Field.LOCATION, Kind.TEXT),
            new Col("customer_name", Field.CUSTOMER_NAME, Kind.TEXT),
            new Col("customer_address_1", Field.CUSTOMER_ADDRESS_1, Kind.TEXT),
            new Col("customer_address_2", Field.CUSTOMER_ADDRESS_2, Kind.TEXT),
            new Col("customer_city", Field.CUSTOMER_CITY, Kind.TEXT),
            new Col("customer_state", Field.CUSTOMER_STATE, Kind.TEXT),
            new Col("customer_postal_code", Field.CUSTOMER_POSTAL_CODE, Kind.TEXT),
            new Col("customer_country", Field.CUSTOMER_COUNTRY, Kind.TEXT),
            new Col("customer_duns", Field.CUSTOMER_DUNS, Kind.TEXT),
            new Col("contact_first_name", Field.CONTACT_FIRST_NAME, Kind.TEXT),
            new Col("contact_last_name", Field.CONTACT_LAST_NAME, Kind.TEXT),
            new Col("contact_phone", Field.CONTACT_PHONE, Kind.TEXT),
            new Col("contact_email", Field.CONTACT_EMAIL, Kind.TEXT),
            new Col("status", Field.STATUS, Kind.TEXT),
            new Col("substatus", Field.SUBSTATUS, Kind.TEXT),
            new Col("reason_code", Field.REASON_CODE, Kind.TEXT),
            new Col("status_reason", Field.STATUS_REASON, Kind.TEXT),
            new Col("sales_stage", Field.SALES_STAGE, Kind.INT),
            new Col("estimated_value", Field.ESTIMATED_VALUE, Kind.TEXT),
            new Col("currency", Field.CURRENCY, Kind.TEXT),
            new Col("estimated_close_date", Field.ESTIMATED_CLOSE_DATE, Kind.DATE),
            new Col("marketing_campaign_id", Field.MARKETING_CAMPAIGN_ID, Kind.TEXT),
            new Col("notes", Field.NOTES, Kind.TEXT),
            new Col("consent", Field.CONSENT, Kind.TEXT),
            new Col("assessment_location", Field.ASSESSMENT_LOCATION, Kind.TEXT),
            new Col("received_date", Field.RECEIVED_DATE, Kind.DATE),
            new Col("created_date", Field.CREATED_DATE, Kind.DATE),
            new Col("invited_by", Field.INVITED_BY, Kind.TEXT),
            new Col("mark_1", Field.STAGE_SECURE_LOE, Kind.DATE),
            new Col("mark_2", Field.STAGE_COLLECT_DATA, Kind.DATE),
            new Col("mark_3", Field.STAGE_PREPARE_REPORT, Kind.DATE),
            new Col("mark_4", Field.STAGE_PRESENT, Kind.DATE));

    /** Columns besides the mapped ones, in this order after them. */
    static final List<String> EXTRA = List.of("solution", "team", "team_size", "content_hash", "stored_on", "updated_at", "last_file_id",
            "last_line", "version", "id");

    static final String SELECT_LIST;
    static final String INSERT;
    static final String UPDATE;

    static {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner sets = new StringJoiner(", ");
        for (Col c : COLS) {
            names.add(c.name());
            sets.add(c.name() + " = ?");
        }
        SELECT_LIST = names + ", solution, team, stored_on, version, id";
        StringJoiner q = new StringJoiner(", ");
        for (int i = 0; i < COLS.size() + EXTRA.size(); i++) {
            q.add("?");
        }
        INSERT = "INSERT INTO deal (" + names + ", " + String.join(", ", EXTRA) + ") VALUES (" + q + ")";
        UPDATE = "UPDATE deal SET " + sets + ", solution = ?, team = ?, team_size = ?, content_hash = ?, stored_on = ?, updated_at = ?,"
                + " last_file_id = ?, last_line = ?, version = ? WHERE id = ? AND version = ?";
    }

    /** The parameter index of the expected version in {@link #UPDATE}. */
    static final int UPDATE_EXPECTED_VERSION = COLS.size() + EXTRA.size() + 1;

    private DealRows() {
    }

    /** Binds the mapped columns, then solution, team, team_size, content_hash, stored_on, updated_at, last_file_id, last_line, version, id. */
    static int bind(PreparedStatement ps, Deal d, long print, java.sql.Timestamp now, Long fileId, long line, int version)
            throws SQLException {
        int i = 1;
        for (Col c : COLS) {
            String v = d.get(c.field());
            switch (c.kind()) {
                case TEXT -> {
                    if (v.isEmpty()) {
                        ps.setNull(i, Types.VARCHAR);
                    } else {
                        ps.setString(i, v);
                    }
                }
                case DATE -> setDate(ps, i, Dates.parse(v));
                case INT -> ps.setInt(i, d.getDerivedStage());
            }
            i++;
        }
        List<Solution> sol = d.getSolutions();
        if (sol.isEmpty()) {
            ps.setNull(i++, Types.VARCHAR);
        } else {
            ps.setString(i++, sol.get(0).toCell());
        }
        String team = TeamCodec.encode(d.getTeam());
        if (team == null) {
            ps.setNull(i++, Types.VARCHAR);
        } else {
            ps.setString(i++, team);
        }
        ps.setInt(i++, d.getTeam().size()); // the export's number of Team member columns, without reading every team
        ps.setLong(i++, print); // the key index is rebuilt from the rows: they keep the fingerprint too
        setDate(ps, i++, d.getStoredOn());
        ps.setTimestamp(i++, now);
        if (fileId == null) {
            ps.setNull(i++, Types.BIGINT);
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, fileId);
            ps.setLong(i++, line);
        }
        ps.setInt(i++, version);
        ps.setLong(i++, d.getId());
        return i;
    }

    static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    /** The day an Incoming deal awaiting an answer was received (the sweep's index), or null for any other deal. */
    static LocalDate awaitingSince(Deal d) {
        return d.isIncoming() && d.isReceived() ? d.getReceivedOn() : null;
    }

    /** Reads a row selected with {@link #SELECT_LIST}; with its id and version. */
    static Deal read(ResultSet rs) throws SQLException {
        Deal d = new Deal();
        int i = 1;
        for (Col c : COLS) {
            switch (c.kind()) {
                case TEXT -> d.set(c.field(), rs.getString(i));
                case DATE -> {
                    Date date = rs.getDate(i);
                    d.set(c.field(), date == null ? "" : date.toLocalDate().toString());
                }
                case INT -> d.set(c.field(), Integer.toString(rs.getInt(i)));
            }
            i++;
        }
        String sol = rs.getString(i++);
        d.setSolutions(sol == null ? List.of() : new ArrayList<>(List.of(Solution.parse(sol))));
        d.setTeam(TeamCodec.decode(rs.getString(i++)));
        d.setStoredOn(rs.getDate(i++).toLocalDate());
        d.setVersion(rs.getInt(i++));
        d.setId(rs.getLong(i));
        return d;
    }
}
