package io.dealsync.rulecases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One analyst's test case of {@code rules/tests/*.case}: a name, an as-of date, the stored deals, and the
 * records of one file, each with what it must give ({@code rules/README.md}, "Test cases").
 */
public final class RuleCase {
    /** The as-of date of a case that names none. */
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 1);

    final String file;
    final int line;
    String name;
    LocalDate asOf = DEFAULT_AS_OF;
    final List<CaseDeal> stored = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();

    RuleCase(String file, int line) {
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }
    public int line() { return line; }
    public String name() { return name; }
    public LocalDate asOf() { return asOf; }

    /** {@code file:line  name}, as the report and JUnit show it. */
    public String title() {
        return file + ":" + line + "  " + name;
    }

    /** An expected finding: a reason code, and the column it names (null: any column, one or more findings). */
    public record Expected(String code, String field) {
        @Override
        public String toString() {
            return field == null ? code : code + "(" + field + ")";
        }
    }

    /** One record of a case (its line in the case file), with what it must give. */
    static final class Step {
        final int line;
        final CaseDeal record;
        boolean expectSet;
        boolean expectStored;
        boolean expectSkipped;
        final List<Expected> codes = new ArrayList<>();
        final Set<String> outcomes = new LinkedHashSet<>();
        String notify;

        Step(int line, CaseDeal record) {
            this.line = line;
            this.record = record;
        }
    }
}
