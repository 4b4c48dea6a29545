package io.dealsync.read;

import io.dealsync.model.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the columns of a header row stand for, matched as docs/formats.md says for CSV files and
 * workbooks alike: through the profile's column mapping, case-insensitively, spaces ignored; the
 * columns a reject or warning file adds are ignored, so it reads back as input; a name given twice: the
 * first column wins, the later ones are ignored and listed (with the unknown columns, for the run report).
 */
final class HeaderColumns {
    /** The columns of a reject or warning file that are not data ({@link Field#key} form). */
    private static final Set<String> IGNORED = Set.of("errors", "reason codes", "line", "warnings", "warning codes",
            "source file");

    /** What one header cell names: a field, or the number of a Solution N / Team member N column. */
    private record Target(Field field, int solution, int team) {
        /** A column left out on purpose: a reject-file column, or one the profile maps to "". */
        static final Target SKIPPED = new Target(null, 0, 0);
        /** A column no canonical header matches. */
        static final Target UNKNOWN = new Target(null, -1, -1);
    }

    /** No header row (a JSON file): no columns. */
    static final HeaderColumns NONE = new HeaderColumns(List.of(), SourceProfile.canonical());

    private final List<String> header;
    /** Per input column: the field it fills, or null. */
    private final Field[] fieldOf;
    /** Input columns of Solution N / Team member N, in N order. */
    private final int[] solutionColumns;
    private final int[] teamColumns;
    private final Set<String> presentColumns;
    private final List<String> unknown = new ArrayList<>();
    private final List<String> duplicates = new ArrayList<>();
    private boolean namesAKnownColumn;

    /**
     * The columns of {@code header} (the file's first non-blank row; empty for an empty file).
     *
     * @throws UnreadableFileException when the row is not a header: all its cells empty, control
     *     characters in it, or no cell naming a column this profile knows
     */
    static HeaderColumns match(List<String> header, String fileName, SourceProfile profile)
            throws UnreadableFileException {
        if (header.isEmpty()) {
            return new HeaderColumns(header, profile);
        }
        if (header.stream().allMatch(String::isBlank)) {
            throw notAHeader(fileName, "all its cells are empty");
        }
        for (String c : header) {
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') {
                    throw notAHeader(fileName, "it holds control characters (binary data?)");
                }
            }
        }
        HeaderColumns columns = new HeaderColumns(header, profile);
        if (!columns.namesAKnownColumn) {
            throw notAHeader(fileName, "none of its " + header.size() + " cells names a known column"
                    + (profile.isCanonical() ? "" : " of profile '" + profile.name() + "'"));
        }
        return columns;
    }

    static UnreadableFileException notAHeader(String fileName, String why) {
        return new UnreadableFileException("The first line of " + fileName + " is not a header: " + why);
    }

    private HeaderColumns(List<String> header, SourceProfile profile) {
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
        this.fieldOf = new Field[header.size()];
        Map<Integer, Integer> solutions = new TreeMap<>();
        Map<Integer, Integer> team = new TreeMap<>();
        Map<Target, Integer> seen = new HashMap<>();
        Set<String> present = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            Target t = target(cell, profile);
            if (t == null) {
                continue;
            }
            if (t == Target.UNKNOWN) {
                unknown.add(cell.strip());
                continue;
            }
            namesAKnownColumn = true;
            if (t == Target.SKIPPED) {
                continue;
            }
            Integer first = seen.putIfAbsent(t, i);
            if (first != null) {
                String d = cell.strip() + " (column " + (i + 1) + ", same as column " + (first + 1) + ", ignored)";
                duplicates.add(d);
                unknown.add(d);
            } else if (t.field() != null) {
                fieldOf[i] = t.field();
                present.add(t.field().header());
            } else if (t.solution() > 0) {
                solutions.put(t.solution(), i);
                present.add(SourceRecord.SOLUTIONS);
            } else {
                team.put(t.team(), i);
                present.add(SourceRecord.TEAM);
            }
        }
        solutionColumns = solutions.values().stream().mapToInt(Integer::intValue).toArray();
        teamColumns = team.values().stream().mapToInt(Integer::intValue).toArray();
        presentColumns = Collections.unmodifiableSet(present);
    }

    /** What a header cell names; null for an empty cell. */
    private static Target target(String cell, SourceProfile profile) {
        String k = Field.key(Spaces.toPlain(cell));
        if (k.isEmpty()) {
            return null;
        }
        if (IGNORED.contains(k)) {
            return Target.SKIPPED;
        }
        String mapped = profile.mapColumn(cell);
        if (mapped.isEmpty()) {
            return Target.SKIPPED;
        }
        mapped = Spaces.toPlain(mapped);
        Field f = Field.byHeader(mapped);
        if (f != null) {
            return new Target(f, 0, 0);
        }
        int solution = Field.listIndex(mapped, Field.SOLUTION_PREFIX);
        if (solution > 0) {
            return new Target(null, solution, 0);
        }
        int team = Field.listIndex(mapped, Field.TEAM_PREFIX);
        return team > 0 ? new Target(null, 0, team) : Target.UNKNOWN;
    }

    /** A field's header (or alias), or "Solution N" / "Team member N". */
    static boolean isCanonicalHeader(String header) {
        return Field.byHeader(Spaces.toPlain(header)) != null
                || Field.listIndex(Spaces.toPlain(header), Field.SOLUTION_PREFIX) > 0
                || Field.listIndex(Spaces.toPlain(header), Field.TEAM_PREFIX) > 0;
    }

    /** The header row as read. */
    List<String> header() {
        return header;
    }

    /** How many columns the header has: a row may have fewer cells, not more. */
    int width() {
        return header.size();
    }

    /** The column that fills {@code f} (the first, when the header names it twice), or -1. */
    int columnOf(Field f) {
        for (int i = 0; i < fieldOf.length; i++) {
            if (fieldOf[i] == f) {
                return i;
            }
        }
        return -1;
    }

    /** The field column {@code i} fills, or null. */
    Field fieldOf(int i) {
        return fieldOf[i];
    }

    int[] solutionColumns() {
        return solutionColumns;
    }

    int[] teamColumns() {
        return teamColumns;
    }

    /** Canonical headers of the file's columns (plus the list markers), shared by all its records. */
    Set<String> presentColumns() {
        return presentColumns;
    }

    /** Header names the profile does not map to any canonical column, and those given twice. */
    List<String> unknownColumns() {
        return Collections.unmodifiableList(unknown);
    }

    /** Header names given twice (the first column wins), described with their column numbers. */
    List<String> duplicateColumns() {
        return Collections.unmodifiableList(duplicates);
    }

    /** The first column that is not a reject-file column: where a row that cannot be split goes whole. */
    int firstDataColumn() {
        for (int i = 0; i < header.size(); i++) {
            if (!IGNORED.contains(Field.key(Spaces.toPlain(header.get(i))))) {
                return i;
            }
        }
        return 0;
    }
}
