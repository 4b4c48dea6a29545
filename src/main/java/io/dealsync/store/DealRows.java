package io.dealsync.store;

import io.dealsync.model.Dates;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.ListColumn;
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
    /** Every column of the catalogue is a column of the row, in catalogue order. */
    private static final Field[] FIELDS = Field.values();

    /** Columns besides the catalogue's, in this order after them; the last is the row's key. */
    private static final List<String> EXTRA = List.of(ListColumn.SOLUTION.column().name(), ListColumn.TEAM.column().name(),
            "team_size", "content_hash", "stored_on", "updated_at", "last_file_id", "last_line", "version", "id");
    /** The creation, recorded on the row (the {@code deal_history} view shows it as the deal's first entry): insert only. */
    private static final List<String> CREATED = List.of("created_at", "created_file_id", "created_line", "created_action",
            "created_status");

    static final String SELECT_LIST;
    static final String INSERT;
    static final String UPDATE;

    static {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner sets = new StringJoiner(", ");
        for (Field f : FIELDS) {
            names.add(f.column().name());
            sets.add(f.column().name() + " = ?");
        }
        SELECT_LIST = names + ", " + ListColumn.SOLUTION.column().name() + ", " + ListColumn.TEAM.column().name()
                + ", stored_on, version, id";
        StringJoiner q = new StringJoiner(", ");
        for (int i = 0; i < FIELDS.length + EXTRA.size() + CREATED.size(); i++) {
            q.add("?");
        }
        INSERT = "INSERT INTO deal (" + names + ", " + String.join(", ", EXTRA) + ", " + String.join(", ", CREATED)
                + ") VALUES (" + q + ")";
        for (String extra : EXTRA.subList(0, EXTRA.size() - 1)) {
            sets.add(extra + " = ?");
        }
        UPDATE = "UPDATE deal SET " + sets + " WHERE id = ? AND version = ?";
    }

    /** The parameter index of the expected version in {@link #UPDATE}. */
    static final int UPDATE_EXPECTED_VERSION = FIELDS.length + EXTRA.size() + 1;

    private DealRows() {
    }

    /** Binds the mapped columns, then solution, team, team_size, content_hash, stored_on, updated_at, last_file_id, last_line, version, id. */
    static int bind(PreparedStatement ps, Deal d, long print, java.sql.Timestamp now, Long fileId, long line, int version)
            throws SQLException {
        int i = 1;
        for (Field f : FIELDS) {
            String v = d.get(f);
            switch (f.column().type()) {
                case TEXT -> {
                    if (v.isEmpty()) {
                        ps.setNull(i, Types.VARCHAR);
                    } else {
                        ps.setString(i, v);
                    }
                }
                case DATE -> setDate(ps, i, Dates.parse(v));
                case INTEGER -> ps.setInt(i, d.getDerivedStage()); // the Sales Stage: derived from the marks
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

    /**
     * Binds the creation's columns of {@link #INSERT}, from {@code i} (what {@link #bind} returned): when, the file and
     * line, the action ("created" or "created-expired") and the status it was created in.
     */
    static void bindCreated(PreparedStatement ps, int i, java.sql.Timestamp at, long fileId, long line, String action,
            String status) throws SQLException {
        ps.setTimestamp(i, at);
        ps.setLong(i + 1, fileId);
        ps.setLong(i + 2, line);
        ps.setString(i + 3, action);
        ps.setString(i + 4, status);
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
        for (Field f : FIELDS) {
            switch (f.column().type()) {
                case TEXT -> d.set(f, rs.getString(i));
                case DATE -> {
                    Date date = rs.getDate(i);
                    d.set(f, date == null ? "" : date.toLocalDate().toString());
                }
                case INTEGER -> d.set(f, Integer.toString(rs.getInt(i)));
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
