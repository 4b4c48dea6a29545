package io.dealsync.read;

import io.dealsync.model.Amounts;
import io.dealsync.model.Dates;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A row of cells (a CSV line, a sheet row) as a {@link SourceRecord}, through the file's
 * {@link HeaderColumns} and its source's profile (docs/formats.md): dates become ISO text, amounts plain
 * numbers, the profile's Yes/No words Yes/No. A value the profile cannot read is kept as written for the
 * rules to judge (INVALID_VALUE); where that raw text would pass as a canonical value it was never meant
 * to be (a {@code 2/13/2030} under a dd/MM/yyyy profile), the record gets an INVALID_VALUE read problem.
 * Stage names stay text: the engine maps them with {@link SourceProfile#stageMapping()}.
 */
final class RowDealMapper {
    private final HeaderColumns columns;
    private final SourceProfile profile;

    RowDealMapper(HeaderColumns columns, SourceProfile profile) {
        this.columns = columns;
        this.profile = profile;
    }

    /**
     * The record of a row at {@code line}; {@code cells} is the row as read, taken over (padded here):
     * more cells than the header has columns make it MALFORMED, missing trailing cells are empty.
     */
    SourceRecord record(long line, List<String> cells) {
        int width = columns.width();
        if (cells.size() > width) {
            return SourceRecord.malformedCsv(line, "The row has " + cells.size() + " cells but the header has "
                    + width + " columns", Collections.unmodifiableList(cells));
        }
        padToHeader(cells);
        return toRecord(line, Collections.unmodifiableList(cells));
    }

    /** Empty cells added up to the header's width. */
    void padToHeader(List<String> cells) {
        while (cells.size() < columns.width()) {
            cells.add("");
        }
    }

    /** A deal holding only these fields, read from these cells as {@link #record} reads them (the row fast path's keys). */
    Deal only(Field[] fields, String[] cells) {
        Deal deal = new Deal();
        for (int k = 0; k < fields.length; k++) {
            String value = profile.isCanonical() ? null : profile.toCanonical(fields[k], cells[k]);
            deal.set(fields[k], value == null ? cells[k] : value);
        }
        return deal;
    }

    private SourceRecord toRecord(long line, List<String> cells) {
        Deal deal = new Deal();
        List<Field> misread = null;
        for (int i = 0; i < cells.size(); i++) {
            Field f = columns.fieldOf(i);
            if (f == null) {
                continue;
            }
            String raw = cells.get(i);
            String value = raw;
            if (!profile.isCanonical()) {
                value = profile.toCanonical(f, raw);
                if (value == null) {
                    value = raw;
                    if (wouldPassAsCanonical(f, raw)) {
                        if (misread == null) {
                            misread = new ArrayList<>(1);
                        }
                        misread.add(f);
                    }
                }
            }
            deal.set(f, value);
        }
        if (columns.solutionColumns().length > 0) {
            deal.setSolutions(listOf(cells, columns.solutionColumns(), Solution::parse));
        }
        if (columns.teamColumns().length > 0) {
            deal.setTeam(listOf(cells, columns.teamColumns(), TeamMember::parse));
        }
        SourceRecord rec = SourceRecord.csv(line, deal, cells, columns.presentColumns());
        if (misread != null) {
            for (Field f : misread) {
                rec.addProblem("INVALID_VALUE", f.header(), notInSourceForm(f));
            }
        }
        return rec;
    }

    /** The non-blank cells of a Solution N / Team member N list, in N order. */
    private static <T> List<T> listOf(List<String> cells, int[] listColumns, Function<String, T> parse) {
        List<T> out = new ArrayList<>(1);
        for (int c : listColumns) {
            String v = cells.get(c);
            if (!v.isBlank()) {
                out.add(parse.apply(v));
            }
        }
        return out;
    }

    /** Raw text the profile rejected but the canonical reading would accept as a (different) value. */
    private static boolean wouldPassAsCanonical(Field f, String raw) {
        if (Field.DATES.contains(f)) {
            return Dates.parse(raw) != null;
        }
        if (f == Field.ESTIMATED_VALUE) {
            return Amounts.parse(raw) != null;
        }
        return false;
    }

    private String notInSourceForm(Field f) {
        if (f == Field.ESTIMATED_VALUE) {
            return f.header() + " is not an amount in this source's form (decimal separator '"
                    + profile.decimalSeparator() + "')";
        }
        return f.header() + " is not a date in this source's form (" + profile.datePattern() + ")";
    }
}
