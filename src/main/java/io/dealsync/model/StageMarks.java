package io.dealsync.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four middle sales stages of a deal as its stage date columns mark them (docs/domain.md R40-R43):
 * which are marked, in what order, and what changed since the stored deal. The rules reach these through
 * the deal's vocabulary ({@code markedCount}, {@code stageOrderProblem(column)}, ...).
 */
final class StageMarks {
    private StageMarks() {
    }

    /** The marking dates in stage order (null where unmarked or not a date). */
    static List<LocalDate> dates(Deal d) {
        List<LocalDate> marks = new ArrayList<>(4);
        for (Field f : Field.STAGE_MARKS) {
            marks.add(Dates.parse(d.get(f)));
        }
        return Collections.unmodifiableList(marks);
    }

    static int markedCount(Deal d) {
        int n = 0;
        for (Field f : Field.STAGE_MARKS) {
            if (!d.get(f).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** The percentage of the highest marked stage, or 0 when none is marked. */
    static int highestMarked(Deal d) {
        for (int i = Field.STAGE_MARKS.size() - 1; i >= 0; i--) {
            if (!d.get(Field.STAGE_MARKS.get(i)).isEmpty()) {
                return Field.STAGE_MARK_PERCENT[i];
            }
        }
        return 0;
    }

    /** The stage date columns left empty, in stage order (R41: Won needs all four). */
    static List<String> unmarkedColumns(Deal d) {
        List<String> out = new ArrayList<>(4);
        for (Field f : Field.STAGE_MARKS) {
            if (d.get(f).isEmpty()) {
                out.add(f.header());
            }
        }
        return out;
    }

    /** A stage is marked while an earlier one is not, or a marking date is before an earlier stage's (R40). */
    static boolean outOfOrder(Deal d) {
        boolean gap = false;
        LocalDate previous = null;
        for (Field f : Field.STAGE_MARKS) {
            String text = d.get(f);
            if (text.isEmpty()) {
                gap = true;
                continue;
            }
            if (gap) {
                return true;
            }
            LocalDate date = Dates.parse(text);
            if (date != null && previous != null && date.isBefore(previous)) {
                return true;
            }
            if (date != null) {
                previous = date;
            }
        }
        return false;
    }

    /**
     * The stage date columns out of order (R40), each with why: marked while an earlier stage is not, or
     * dated before an earlier stage. The other column is written {@code {column:Name}}, so the message names
     * it as the reviewer's file does.
     */
    static Map<String, String> orderProblems(Deal d) {
        Map<String, String> out = new LinkedHashMap<>();
        Field firstGap = null;
        Field previous = null;
        LocalDate previousDate = null;
        for (Field f : Field.STAGE_MARKS) {
            String text = d.get(f);
            if (text.isEmpty()) {
                firstGap = firstGap == null ? f : firstGap;
                continue;
            }
            LocalDate date = Dates.parse(text);
            if (firstGap != null) {
                out.put(f.header(), "is marked while {column:" + firstGap.header() + "} is empty");
                firstGap = null; // once per gap: the later marks follow from this one
            } else if (date != null && previousDate != null && date.isBefore(previousDate)) {
                out.put(f.header(), "(" + date + ") is before {column:" + previous.header() + "} (" + previousDate + ")");
            }
            if (date != null) {
                previous = f;
                previousDate = date;
            }
        }
        return out;
    }

    /** A stage marked in the stored deal is unmarked or redated here (R43); false when nothing is stored. */
    static boolean regressed(Deal d, Deal stored) {
        if (stored == null) {
            return false;
        }
        for (Field f : Field.STAGE_MARKS) {
            String before = stored.get(f);
            if (!before.isEmpty() && !before.equals(d.get(f))) {
                return true;
            }
        }
        return false;
    }

    /** The stage date columns marked in the stored deal and now empty or redated (R43), each with what changed. */
    static Map<String, String> regressions(Deal d, Deal stored) {
        Map<String, String> out = new LinkedHashMap<>();
        if (stored == null) {
            return out;
        }
        for (Field f : Field.STAGE_MARKS) {
            String before = stored.get(f);
            String now = d.get(f);
            if (!before.isEmpty() && !before.equals(now)) {
                out.put(f.header(), "was marked on " + before + (now.isEmpty() ? ", now empty" : ", now " + now));
            }
        }
        return out;
    }
}
