package io.dealsync.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The width checks: a value wider than its column ({@link Field#column()}, {@link ListColumn}) cannot be
 * written, so the record must be rejected before the write, with a reason naming the column, or the whole
 * batch fails (and was retried as if the database were down). Kept with the facts, not in store/, so the
 * judge checks them without depending on the store (which depends on the judge).
 */
public final class ColumnLimits {
    /** The most team members a deal keeps: that many, each at the customer contact's widths, fit the team column. */
    public static final int MAX_TEAM = 100;

    private static final Field[] TEXT_FIELDS = java.util.Arrays.stream(Field.values())
            .filter(f -> f.column().type() == DbColumn.Type.TEXT).toArray(Field[]::new);

    /** A value too wide for its column; the message names the column and the widths, never the value (it may be personal data). */
    public record Overlong(String column, String message) {
    }

    private ColumnLimits() {
    }

    /** Every value of the deal wider than its column. */
    public static List<Overlong> overlong(Deal d) {
        List<Overlong> out = null;
        for (Field f : TEXT_FIELDS) {
            out = check(out, f.header(), d.get(f), f.column().width());
        }
        List<Solution> sols = d.getSolutions();
        if (!sols.isEmpty()) {
            out = check(out, ListColumn.SOLUTION.firstHeader(), sols.get(0).toCell(), ListColumn.SOLUTION.column().width());
        }
        List<TeamMember> team = d.getTeam();
        if (team.size() > MAX_TEAM) {
            out = out == null ? new ArrayList<>(1) : out;
            out.add(new Overlong(Field.TEAM_PREFIX + (MAX_TEAM + 1), "at most " + MAX_TEAM + " team members are stored"));
        }
        for (int i = 0; i < team.size(); i++) {
            TeamMember m = team.get(i);
            String column = Field.TEAM_PREFIX + (i + 1);
            out = check(out, column, m.getFirstName(), Field.CONTACT_FIRST_NAME.column().width());
            out = check(out, column, m.getLastName(), Field.CONTACT_LAST_NAME.column().width());
            out = check(out, column, m.getPhone(), Field.CONTACT_PHONE.column().width());
            out = check(out, column, m.getEmail(), Field.CONTACT_EMAIL.column().width());
        }
        return out == null ? List.of() : out;
    }

    private static List<Overlong> check(List<Overlong> out, String column, String v, int max) {
        if (v == null || v.length() <= max) {
            return out;
        }
        int chars = v.codePointCount(0, v.length()); // the database counts characters, not UTF-16 units
        if (chars <= max) {
            return out;
        }
        if (out == null) {
            out = new ArrayList<>(1);
        }
        out.add(new Overlong(column, "it is " + chars + " characters long; at most " + max + " are stored"));
        return out;
    }
}
