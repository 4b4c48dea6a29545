package io.dealsync.rules;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code rules check}: everything the nightly run would trip on in the rules folder, before it runs.
 * Errors (exit non-zero): a DRL that does not compile, a reference table that does not parse, two rules
 * with the same name (in any files), a rule raising a reason code that reason-codes.csv lacks, and a
 * column name a rule passes to the deal that is no column ({@link ColumnNameCheck}), a rule that fails when
 * run over the shipped templates (the smoke run), and a
 * file that looks like rules but that the engine would silently ignore (a decision table or spreadsheet
 * outside reference/ and tests/: this engine compiles .drl files only; a .DRL in capitals; DSL, guided or
 * flow files). Warnings (still exit 0): any other file the engine ignores, e.g. an extra table in
 * reference/ that no code reads.
 */
public final class RuleCheck {
    /** Tables ReferenceData reads; anything else in reference/ is ignored by the engine. */
    private static final Set<String> REFERENCE_FILES = Set.of(ReferenceData.CATALOGUE, ReferenceData.STAGE_NAMES,
            ReferenceData.REASON_CODES, ReferenceData.STATUS_REASONS, ReferenceData.SETTINGS, ReferenceData.CURRENCIES,
            ReferenceData.COUNTRIES);
    /** Spreadsheet or decision-table files: Drools would need .drl.csv/.drl.xlsx and a module this engine lacks. */
    private static final List<String> TABLE_EXTENSIONS = List.of(".csv", ".tsv", ".xls", ".xlsx", ".ods");
    /** Other Drools resource kinds this engine does not load. */
    private static final List<String> OTHER_RULE_EXTENSIONS =
            List.of(".dsl", ".dslr", ".rdrl", ".rdslr", ".gdst", ".scgd", ".dmn", ".pmml", ".bpmn", ".bpmn2", ".rf");

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern VIOLATES = Pattern.compile("violates\\s*\\(\\s*\"([^\"]*)\"");

    private RuleCheck() {
    }

    /** What the check found: errors (the rules are not fit to run), warnings, and the rule book's size. */
    public record Report(List<RuleProblem> errors, List<RuleProblem> warnings, int rules, int files, String fingerprint) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static void main(String[] args) {
        System.exit(run(Path.of(args.length > 0 ? args[0] : "rules"), System.out));
    }

    /**
     * Checks the rules folder and prints each problem as {@code file:line:column: message} (warnings as
     * {@code warning: file:line: message}), then {@code OK: N rules in M files, fingerprint X} or
     * {@code FAILED: N error(s)}. Returns 0 when there is no error, 1 otherwise.
     */
    public static int run(Path rulesDir, PrintStream out) {
        return run(rulesDir, out, null);
    }

    /**
     * The same, and when the rules compile, {@code smoke} runs the rule book over the shipped templates
     * ({@code rules/tests/templates/}) and returns the rules that failed on them.
     */
    public static int run(Path rulesDir, PrintStream out, Function<RuleBook, List<RuleProblem>> smoke) {
        Report r = check(rulesDir, smoke);
        r.warnings().forEach(w -> out.println("warning: " + w));
        r.errors().forEach(out::println);
        if (r.ok()) {
            out.println("OK: " + r.rules() + " rules in " + r.files() + " files, fingerprint " + r.fingerprint());
            return 0;
        }
        out.println("FAILED: " + r.errors().size() + " error(s) in " + RuleBook.display(rulesDir));
        return 1;
    }

    /** Runs every check; never throws for a problem in the folder. */
    public static Report check(Path rulesDir) {
        return check(rulesDir, null);
    }

    /** Runs every check, and the smoke run (when given) once the rules compile; never throws for a problem in the folder. */
    public static Report check(Path rulesDir, Function<RuleBook, List<RuleProblem>> smoke) {
        Set<RuleProblem> errors = new LinkedHashSet<>();
        List<RuleProblem> warnings = new ArrayList<>();
        Path dir = rulesDir.toAbsolutePath().normalize();
        String prefix = RuleBook.display(rulesDir);
        if (!Files.isDirectory(dir)) {
            return new Report(List.of(new RuleProblem(rulesDir.toString(), 0, 0, "the rules folder does not exist")),
                    List.of(), 0, 0, "");
        }

        int rules = 0;
        String fingerprint = "";
        List<RuleProblem> smokeProblems = new ArrayList<>();
        try {
            RuleBook book = RuleBook.compile(rulesDir);
            rules = book.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
            fingerprint = book.fingerprint();
            if (smoke != null) {
                smokeProblems.addAll(smoke.apply(book));
            }
        } catch (RulesException e) {
            errors.addAll(e.problems());
        }

        // reason codes: read again (cheap) so that the scan works even when a DRL does not compile
        List<RuleProblem> refProblems = new ArrayList<>();
        ReferenceData ref = ReferenceData.load(dir.resolve("reference"), prefix + "reference/", refProblems);
        errors.addAll(refProblems);

        List<Path> drls = RuleBook.drlFiles(dir);
        scanDrl(dir, prefix, drls, ref.reasonCodes().keySet(), errors);
        scanFiles(dir, prefix, errors, warnings);
        for (RuleProblem p : smokeProblems) {
            // a column name reported above is why its rule fails here: say it once
            if (errors.stream().noneMatch(e -> e.file().equals(p.file()) && p.message().endsWith(": " + e.message()))) {
                errors.add(p);
            }
        }
        return new Report(List.copyOf(errors), List.copyOf(warnings), rules, drls.size(), fingerprint);
    }

    /** Duplicate rule names across files, and reason codes no table row defines. */
    private static void scanDrl(Path dir, String prefix, List<Path> drls, Set<String> codes, Set<RuleProblem> errors) {
        Map<String, String> firstSeen = new HashMap<>();
        for (Path drl : drls) {
            String file = prefix + dir.relativize(drl).toString().replace('\\', '/');
            List<String> lines;
            try {
                lines = Files.readAllLines(drl, StandardCharsets.UTF_8);
            } catch (IOException e) {
                errors.add(new RuleProblem(file, 0, 0, "cannot be read: " + e.getMessage()));
                continue;
            }
            ColumnNameCheck.check(file, String.join("\n", lines), errors);
            boolean inComment = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                // skip /* ... */ blocks and // or # comment lines: a rule named in a comment is no rule
                if (inComment) {
                    int end = line.indexOf("*/");
                    if (end < 0) {
                        continue;
                    }
                    line = line.substring(end + 2);
                    inComment = false;
                }
                int start = line.indexOf("/*");
                if (start >= 0 && line.indexOf("*/", start) < 0) {
                    line = line.substring(0, start);
                    inComment = true;
                }
                String t = line.strip();
                if (t.startsWith("//") || t.startsWith("#")) {
                    continue;
                }
                Matcher m = RULE.matcher(line);
                if (m.find()) {
                    int g = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
                    String name = m.group(g);
                    String before = firstSeen.putIfAbsent(name, file + ":" + (i + 1));
                    if (before != null) {
                        errors.add(new RuleProblem(file, i + 1, m.start(g) + 1,
                                "rule \"" + name + "\" is already defined at " + before + ": rule names must be unique"));
                    }
                }
                Matcher v = VIOLATES.matcher(line);
                while (v.find()) {
                    if (!codes.contains(v.group(1))) {
                        errors.add(new RuleProblem(file, i + 1, v.start(1) + 1,
                                "reason code \"" + v.group(1) + "\" is not in reference/reason-codes.csv (add it there, or fix the spelling)"));
                    }
                }
            }
        }
    }

    /** Files the engine would silently ignore. */
    private static void scanFiles(Path dir, String prefix, Set<RuleProblem> errors, List<RuleProblem> warnings) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            errors.add(new RuleProblem(prefix, 0, 0, "cannot be listed: " + e.getMessage()));
            return;
        }
        for (Path p : files) {
            Path rel = dir.relativize(p);
            String name = p.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            String file = prefix + rel.toString().replace('\\', '/');
            if (rel.startsWith("tests") || name.startsWith(".") || lower.startsWith("readme") || lower.endsWith(".md")) {
                continue; // tests/ is `rules test`'s; hidden files and notes are not rules
            }
            if (name.endsWith(".drl")) {
                continue;
            }
            if (rel.getNameCount() == 2 && rel.startsWith("reference")) {
                if (!REFERENCE_FILES.contains(name)) {
                    warnings.add(new RuleProblem(file, 0, 0, "no rule reads this file: the engine reads only "
                            + String.join(", ", REFERENCE_FILES.stream().sorted().toList())));
                }
                continue;
            }
            if (lower.endsWith(".drl")) {
                errors.add(new RuleProblem(file, 0, 0, "ignored: the engine compiles only files ending in lower-case .drl"));
            } else if (TABLE_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
                errors.add(new RuleProblem(file, 0, 0, "a decision table or spreadsheet: this engine compiles only .drl files,"
                        + " so the nightly run would silently ignore it. Write the rule in a .drl file; tables of values"
                        + " belong in reference/"));
            } else if (OTHER_RULE_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
                errors.add(new RuleProblem(file, 0, 0, "ignored: this engine compiles only .drl files"));
            } else if (!lower.endsWith(".txt")) {
                warnings.add(new RuleProblem(file, 0, 0, "ignored by the engine (not a .drl file)"));
            }
        }
    }
}
