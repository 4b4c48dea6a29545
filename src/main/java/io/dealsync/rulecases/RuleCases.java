package io.dealsync.rulecases;

import io.dealsync.rules.RuleBook;
import io.dealsync.rules.RulesException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code rules test}: the analysts' rule test cases in {@code rules/tests/*.case}, run through the engine's
 * own path with the rules of the folder. The format is described in {@code rules/README.md}; in short:
 *
 * <pre>
 * name: Notes are required when a deal is accepted
 * as-of: 2026-06-01
 * stored: received                  (a template of rules/tests/templates/, then Column: value lines)
 * record: stored                    (start from the stored deal; or a template; or nothing)
 *   Partner Referral Status: Active
 *   Notes:                          (present and empty)
 *   absent: Currency                (the file has no such column: the stored value stays)
 * expect: REQUIRED_FIELD(Notes), TEAM_REQUIRED     (or: stored / skipped)
 * outcome: rejected                 (optional: created, updated, unchanged, rejected, skipped, expired)
 * notify: none                      (optional: Declined, Expired, none)
 * ---
 * </pre>
 *
 * Several {@code record:} blocks in one case are one file, in order (the first is line 2, as under a CSV
 * header), each followed by its own {@code expect:}. {@link CaseFiles} reads the files, {@link CaseRun} runs
 * a case, {@link CaseVerdict} compares what came with what was expected.
 */
public final class RuleCases {
    private RuleCases() {
    }

    public static void main(String[] args) {
        System.exit(run(Path.of(args.length > 0 ? args[0] : "rules"), System.out));
    }

    /**
     * Compiles the rules folder, runs every case of {@code rulesDir/tests}, prints PASS/FAIL per case and
     * {@code N passed, M failed}. Returns 0 when every case passed and every case file read, 1 otherwise,
     * 2 when the rules themselves do not compile.
     */
    public static int run(Path rulesDir, PrintStream out) {
        RuleBook book;
        try {
            book = RuleBook.compile(rulesDir);
        } catch (RulesException e) {
            e.problems().forEach(out::println);
            out.println("The rules do not compile: no case was run (see rules check).");
            return 2;
        }
        CaseFiles.Loaded loaded = CaseFiles.load(rulesDir);
        loaded.problems().forEach(out::println);
        int passed = 0;
        int failed = 0;
        for (RuleCase c : loaded.cases()) {
            CaseRun.Result r = CaseRun.check(book, c);
            out.println(r.report());
            if (r.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.println(passed + " passed, " + failed + " failed"
                + (loaded.problems().isEmpty() ? "" : ", " + loaded.problems().size() + " problem(s) in the case files"));
        return failed == 0 && loaded.problems().isEmpty() ? 0 : 1;
    }
}
