package io.dealsync.rulecases;

import io.dealsync.read.SourceRecord;
import io.dealsync.model.Dates;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deal written as {@code Column Name: value} lines, as in a rule test case or a template: the columns a
 * record carries (absent ones are absent), by their canonical names, with {@code Solution N} and
 * {@code Team member N} as in the CSV template, and for a stored deal {@code Stored On} (the day the engine
 * first stored it). Turns into the record or stored deal the engine sees.
 */
public final class CaseDeal {
    /** Pseudo-column of a stored deal: the day the engine first stored it. */
    public static final String STORED_ON = "Stored On";

    private final Map<String, String> columns = new LinkedHashMap<>();

    public CaseDeal copy() {
        CaseDeal c = new CaseDeal();
        c.columns.putAll(columns);
        return c;
    }

    /**
     * Sets a column (an empty value is a present, empty cell).
     *
     * @throws IllegalArgumentException when no column has that name
     */
    public CaseDeal set(String column, String value) {
        columns.put(canonical(column), value == null ? "" : value.strip());
        return this;
    }

    /** Makes a column absent, as if the file had no such column. */
    public CaseDeal remove(String column) {
        columns.remove(canonical(column));
        return this;
    }

    public String get(String column) {
        return columns.get(canonical(column));
    }

    public Map<String, String> columns() {
        return java.util.Collections.unmodifiableMap(columns);
    }

    /** The canonical spelling of a column name ("partnerid" gives "PartnerID (formerly MPN ID)"). */
    public static String canonical(String column) {
        String c = column == null ? "" : column.strip();
        Field f = Field.byHeader(c);
        if (f != null) {
            return f.header();
        }
        int s = Field.listIndex(c, Field.SOLUTION_PREFIX);
        if (s > 0) {
            return Field.SOLUTION_PREFIX + s;
        }
        int t = Field.listIndex(c, Field.TEAM_PREFIX);
        if (t > 0) {
            return Field.TEAM_PREFIX + t;
        }
        if (Field.key(c).equals(Field.key(STORED_ON))) {
            return STORED_ON;
        }
        throw new IllegalArgumentException("no column is named '" + c + "'");
    }

    /** The deal these columns describe (as the engine would store it, or as a reader would read it). */
    public Deal toDeal() {
        Deal d = new Deal();
        Map<Integer, String> solutions = new TreeMap<>();
        Map<Integer, String> team = new TreeMap<>();
        for (Map.Entry<String, String> e : columns.entrySet()) {
            String c = e.getKey();
            int s = Field.listIndex(c, Field.SOLUTION_PREFIX);
            int t = Field.listIndex(c, Field.TEAM_PREFIX);
            if (s > 0) {
                solutions.put(s, e.getValue());
            } else if (t > 0) {
                team.put(t, e.getValue());
            } else if (c.equals(STORED_ON)) {
                LocalDate on = Dates.parse(e.getValue());
                if (on == null) {
                    throw new IllegalArgumentException("Stored On: '" + e.getValue() + "' is not a date");
                }
                d.setStoredOn(on);
            } else {
                d.set(Field.byHeader(c), e.getValue());
            }
        }
        // an empty list cell is no entry, as the CSV reader reads it
        List<Solution> sol = new ArrayList<>();
        solutions.values().stream().filter(v -> !v.isEmpty()).forEach(v -> sol.add(Solution.parse(v)));
        List<TeamMember> members = new ArrayList<>();
        team.values().stream().filter(v -> !v.isEmpty()).forEach(v -> members.add(TeamMember.parse(v)));
        return d.setSolutions(sol).setTeam(members);
    }

    /** The canonical headers this record carries, with the list markers the engine expects. */
    public Set<String> presentColumns() {
        Set<String> present = new HashSet<>();
        for (String c : columns.keySet()) {
            if (Field.listIndex(c, Field.SOLUTION_PREFIX) > 0) {
                present.add(SourceRecord.SOLUTIONS);
            } else if (Field.listIndex(c, Field.TEAM_PREFIX) > 0) {
                present.add(SourceRecord.TEAM);
            } else if (!c.equals(STORED_ON)) {
                present.add(c);
            }
        }
        return present;
    }

    /** These columns as one CSV record on {@code line} of its file. */
    public SourceRecord toRecord(long line) {
        return SourceRecord.csv(line, toDeal(), List.of(), presentColumns());
    }
}
