package io.dealsync.rulecases;

import io.dealsync.model.Dates;
import io.dealsync.rulecases.CaseFiles.Problem;
import io.dealsync.rulecases.RuleCase.Expected;
import io.dealsync.rulecases.RuleCase.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the text of one case file into cases: {@code keyword: value} lines, {@code Column: value} lines
 * into the current stored: or record: block, cases separated by {@code ---} ({@code rules/README.md}, "Test
 * cases"). A case with a problem is reported and left out; the others still run.
 */
final class CaseParser {
    private static final Set<String> KEYWORDS =
            Set.of("name", "as-of", "stored", "record", "expect", "outcome", "notify", "absent");
    private static final Set<String> OUTCOMES = Set.of("created", "updated", "unchanged", "rejected", "skipped", "expired");

    private final String file;
    private final CaseTemplates templates;
    private final List<RuleCase> cases;
    private final List<Problem> problems;

    private RuleCase c;
    private CaseDeal block; // the stored deal or record the column lines go into
    private Step step;
    private int problemsBefore;

    CaseParser(String file, CaseTemplates templates, List<RuleCase> cases, List<Problem> problems) {
        this.file = file;
        this.templates = templates;
        this.cases = cases;
        this.problems = problems;
    }

    /** Parses the lines; the cases that read go to the case list, the problems to the problem list. */
    void parse(List<String> lines) {
        problemsBefore = problems.size();
        for (int i = 0; i <= lines.size(); i++) {
            String raw = i < lines.size() ? lines.get(i).strip() : "---"; // the end of the file ends a case
            if (raw.equals("---")) {
                endCase();
            } else if (!raw.isEmpty() && !raw.startsWith("#")) {
                line(CaseLine.of(i + 1, raw));
            }
        }
    }

    private void line(CaseLine line) {
        int n = line.number();
        if (line.key() == null) {
            problem(n, "expected 'Column Name: value' or a keyword (name:, record:, expect:, ...)");
            return;
        }
        if (c == null) {
            c = new RuleCase(file, n);
        }
        if (!KEYWORDS.contains(line.keyword())) {
            column(line);
            return;
        }
        switch (line.keyword()) {
            case "name" -> {
                if (c.name != null) {
                    problem(n, "a second name: in one case; separate cases with a line ---");
                }
                c.name = line.value();
            }
            case "as-of" -> asOf(line);
            case "stored" -> stored(line);
            case "record" -> record(line);
            case "absent" -> absent(line);
            case "expect" -> {
                if (needsStep(line, "expect:")) {
                    expect(line);
                    block = null;
                }
            }
            case "outcome" -> {
                if (needsStep(line, "outcome:")) {
                    outcome(line);
                }
            }
            case "notify" -> {
                if (needsStep(line, "notify:")) {
                    notify(line);
                }
            }
            default -> throw new IllegalStateException(line.keyword());
        }
    }

    private void problem(int line, String message) {
        problems.add(new Problem(file, line, message));
    }

    /** A {@code Column: value} line, into the current block. */
    private void column(CaseLine line) {
        if (block == null) {
            problem(line.number(), "'" + line.key() + "' is not a keyword, and there is no stored: or record: block for a column");
            return;
        }
        try {
            block.set(line.key(), line.value());
        } catch (IllegalArgumentException e) {
            problem(line.number(), e.getMessage());
        }
    }

    private void asOf(CaseLine line) {
        LocalDate d = Dates.parse(line.value());
        if (d == null) {
            problem(line.number(), "as-of: '" + line.value() + "' is not a date (yyyy-mm-dd)");
        } else {
            c.asOf = d;
        }
    }

    private void stored(CaseLine line) {
        if (!c.steps.isEmpty()) {
            problem(line.number(), "stored: comes before the first record:");
        }
        block = start(line, null);
        c.stored.add(block);
        step = null;
    }

    private void record(CaseLine line) {
        if (step != null && !step.expectSet) {
            problem(step.line, "this record has no expect:");
        }
        block = start(line, c.stored.isEmpty() ? null : c.stored.get(c.stored.size() - 1));
        step = new Step(line.number(), block);
        c.steps.add(step);
    }

    private void absent(CaseLine line) {
        if (block == null) {
            problem(line.number(), "absent: belongs in a stored: or record: block");
            return;
        }
        for (String col : line.value().split(",")) {
            try {
                block.remove(col);
            } catch (IllegalArgumentException e) {
                problem(line.number(), e.getMessage());
            }
        }
    }

    /** True when a record: block came before this line; else a problem. */
    private boolean needsStep(CaseLine line, String keyword) {
        if (step == null) {
            problem(line.number(), keyword + " follows a record: block");
        }
        return step != null;
    }

    private void outcome(CaseLine line) {
        for (String o : line.value().toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (OUTCOMES.contains(o)) {
                step.outcomes.add(o);
            } else if (!o.isEmpty()) {
                problem(line.number(), "outcome '" + o + "' is none of " + new TreeSet<>(OUTCOMES));
            }
        }
    }

    private void notify(CaseLine line) {
        String v = line.value();
        if (!Set.of("declined", "expired", "none").contains(v.toLowerCase(Locale.ROOT))) {
            problem(line.number(), "notify is Declined, Expired or none");
        }
        step.notify = v;
    }

    /** A new stored/record block: empty, a copy of the stored deal ({@code record: stored}), or a template. */
    private CaseDeal start(CaseLine line, CaseDeal stored) {
        String from = line.value();
        if (from.isEmpty()) {
            return new CaseDeal();
        }
        if (line.keyword().equals("record") && from.equalsIgnoreCase("stored")) {
            if (stored == null) {
                problem(line.number(), "record: stored, but the case has no stored: deal");
                return new CaseDeal();
            }
            return stored.copy();
        }
        CaseDeal t = templates.get(from);
        if (t == null) {
            problem(line.number(), "no template '" + from + "' in tests/templates/ (" + templates.names() + ")");
            return new CaseDeal();
        }
        return t.copy();
    }

    /** {@code expect: stored}, {@code expect: skipped}, or reason codes, each with an optional (Column). */
    private void expect(CaseLine line) {
        if (step.expectSet) {
            problem(line.number(), "a second expect: for one record; start another record: first");
        }
        step.expectSet = true;
        String v = line.value();
        if (v.equalsIgnoreCase("stored")) {
            step.expectStored = true;
            return;
        }
        if (v.equalsIgnoreCase("skipped")) {
            step.expectSkipped = true;
            return;
        }
        int before = problems.size();
        for (String item : splitTopLevel(v)) {
            Expected e = expected(item.strip(), line.number());
            if (e != null) {
                step.codes.add(e);
            }
        }
        if (step.codes.isEmpty() && problems.size() == before) {
            problem(line.number(), "expect: needs reason codes, or 'stored', or 'skipped'");
        }
    }

    /** One item of an expect: line, {@code CODE} or {@code CODE(Column)}; null when empty or wrong (a problem). */
    private Expected expected(String s, int n) {
        if (s.isEmpty()) {
            return null;
        }
        int open = s.indexOf('(');
        String code = (open < 0 ? s : s.substring(0, open)).strip();
        String field = null;
        if (open >= 0) {
            if (!s.endsWith(")")) {
                problem(n, "'" + s + "': a column is written CODE(Column Name)");
                return null;
            }
            field = s.substring(open + 1, s.length() - 1).strip();
        }
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            problem(n, "'" + code + "' is not a reason code (CAPITALS_AND_UNDERSCORES)");
            return null;
        }
        return new Expected(code, field);
    }

    /** Splits on commas outside parentheses ("PartnerID (formerly MPN ID)" keeps its own). */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth = Math.max(0, depth - 1);
            } else if (ch == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The end of a case (a line --- or the end of the file): kept when it read without a problem. */
    private void endCase() {
        if (c != null) {
            finish();
        }
        c = null;
        block = null;
        step = null;
        problemsBefore = problems.size();
    }

    private void finish() {
        boolean ok = problems.size() == problemsBefore;
        if (c.name == null || c.name.isEmpty()) {
            problem(c.line, "the case has no name:");
            ok = false;
        }
        if (c.steps.isEmpty()) {
            problem(c.line, "the case has no record:");
            ok = false;
        }
        for (Step s : c.steps) {
            if (!s.expectSet) {
                problem(s.line, "this record has no expect:");
                ok = false;
            }
        }
        if (ok) {
            cases.add(c);
        }
    }
}
