package io.dealsync.rulecases;

import io.dealsync.rules.RuleBook;
import io.dealsync.rules.RuleProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The smoke run of {@code rules check}: every template of {@code tests/templates/} as a deal seen for the
 * first time, and as a record over every template as stored. A rule that fails on one (a column name that
 * is no column, a method that throws) is reported once, at the rule.
 */
public final class TemplateSmoke {
    private static final String FAILED = " failed: ";

    private TemplateSmoke() {
    }

    /** The rules that fail on a template, each once, at the line that names it. */
    public static List<RuleProblem> run(RuleBook book) {
        Path rulesDir = book.rulesDir();
        CaseTemplates templates = new CaseTemplates(rulesDir, new ArrayList<>());
        List<String> names = templates.list();
        List<RuleProblem> out = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        List<String> storedOptions = new ArrayList<>();
        storedOptions.add(null);
        storedOptions.addAll(names);
        for (String stored : storedOptions) {
            for (String record : names) {
                RuleCase c = new RuleCase("smoke", 0);
                c.name = "smoke";
                if (stored != null) {
                    c.stored.add(templates.get(stored).copy());
                }
                c.steps.add(new RuleCase.Step(2, templates.get(record).copy()));
                CaseRun.Result r = CaseRun.check(book, c);
                if (r.passed() || !r.differences().get(0).startsWith(CaseRun.RULE_FAILED)) {
                    continue;
                }
                String d = r.differences().get(0);
                String rule = d.substring(CaseRun.RULE_FAILED.length(), d.indexOf('"', CaseRun.RULE_FAILED.length()));
                if (failed.add(rule)) {
                    String reason = d.substring(d.indexOf(FAILED) + FAILED.length());
                    out.add(problem(book, rule, "the rule \"" + rule + "\" fails when run on the template "
                            + (stored == null ? "" : "\"" + stored + "\" as stored and ") + "\"" + record + "\": " + reason));
                }
            }
        }
        return out;
    }

    /** A problem at the line where the rule is written (the rules folder when no file names it). */
    private static RuleProblem problem(RuleBook book, String rule, String message) {
        String where = book.locate(rule);
        int colon = where.lastIndexOf(':');
        String file = colon < 0 ? RuleBook.display(book.rulesDir()) : where.substring(0, colon);
        int line = colon < 0 ? 0 : Integer.parseInt(where.substring(colon + 1));
        return new RuleProblem(file, line, 0, message);
    }
}
