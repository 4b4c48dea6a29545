package io.dealsync.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a deal compares with another (the proposed deal with the stored one): the same content, or which
 * columns differ. Decides UNCHANGED against UPDATE and what a history row says changed.
 */
final class DealDifferences {
    private DealDifferences() {
    }

    /** Every column but the reported Sales Stage (the stored one is derived), and the same lists. */
    static boolean sameContent(Deal a, Deal b) {
        for (Field f : Field.values()) {
            if (f != Field.SALES_STAGE && !sameValue(a, f, b)) {
                return false;
            }
        }
        return a.getSolutions().equals(b.getSolutions()) && a.getTeam().equals(b.getTeam());
    }

    /** The columns whose value differs (Sales Stage by derived value), plus "Solutions"/"Team". */
    static List<String> columns(Deal a, Deal b) {
        List<String> changed = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f == Field.SALES_STAGE) {
                if (a.getDerivedStage() != b.getDerivedStage()) {
                    changed.add(f.header());
                }
            } else if (!sameValue(a, f, b)) {
                changed.add(f.header());
            }
        }
        if (!a.getSolutions().equals(b.getSolutions())) {
            changed.add("Solutions");
        }
        if (!a.getTeam().equals(b.getTeam())) {
            changed.add("Team");
        }
        return changed;
    }

    /**
     * One column as another deal's. A Received Date against an Incoming deal that has neither Received nor
     * Created Date is the same when it is the day that deal counts its answer window from (the day it was
     * first stored): what {@code deals export} writes for it, so re-importing an export changes nothing.
     */
    private static boolean sameValue(Deal a, Field f, Deal other) {
        String mine = a.get(f);
        if (mine.equals(other.get(f))) {
            return true;
        }
        return f == Field.RECEIVED_DATE && other.isIncoming() && other.get(f).isEmpty()
                && other.get(Field.CREATED_DATE).isEmpty() && other.getStoredOn() != null
                && other.getStoredOn().equals(Dates.parse(mine));
    }
}
