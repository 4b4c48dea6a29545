package io.dealsync.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The collector a deal's {@code violates(...)} reports to: what the rules raised, in firing order. The
 * rules' only output; the engine reads it once the session has fired ({@code rules/Judge}).
 */
public final class Findings {
    private List<Finding> raised = List.of(); // most records raise nothing: no list until the first finding

    /**
     * Records a finding.
     *
     * @throws IllegalArgumentException when {@code column} names no column of the reject row (a typo in a rule)
     */
    public void add(String code, String column, String detail) {
        if (column != null && !Field.isReportable(column)) {
            throw new IllegalArgumentException(Deal.noSuchColumn(column));
        }
        if (raised.isEmpty()) {
            raised = new ArrayList<>(2);
        }
        raised.add(new Finding(code, column == null ? "" : column, detail == null ? "" : detail));
    }

    /** What was raised, in firing order (a rule may repeat what another said). */
    public List<Finding> list() {
        return raised;
    }

    /** A rule raised this reason code. */
    public boolean has(String code) {
        for (Finding f : raised) {
            if (f.code().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
