package io.dealsync.rulecases;

import io.dealsync.rules.*;
import io.dealsync.ingest.SourceRecord;
import io.dealsync.model.Dates;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Violation;
import io.dealsync.sync.ChunkJudge;
import io.dealsync.sync.Decision;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code rules test}: the analysts' rule test cases in {@code rules/tests/*.case}, run through the engine's
 * own path ({@link ChunkJudge#decide}) with the rules of the folder. The format is described in
 * {@code rules/README.md}; in short:
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
 * header), each followed by its own {@code expect:}.
 */
public final class RuleCases {
    /** The as-of date of a case that names none. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 1);
    /** The configured partner id the cases run with (a record without PartnerID takes it). */
    public static final String DEFAULT_PARTNER_ID = "4001234";
    public static final String TEMPLATES = "templates";

    private static final Set<String> OUTCOMES = Set.of("created", "updated", "unchanged", "rejected", "skipped", "expired");

    private RuleCases() {
    }

    /** A problem in a case or template file: {@code file:line: message}. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    /** An expected finding: a reason code, and the column it names (null: any column, one or more findings). */
    public record Expected(String code, String field) {
        @Override
        public String toString() {
            return field == null ? code : code + "(" + field + ")";
        }
    }

    /** One record of a case, with what it must give. */
    public static final class Step {
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

    /** One test case: a name, an as-of date, stored deals, and records with their expectations. */
    public static final class Case {
        final String file;
        final int line;
        String name;
        LocalDate asOf = DEFAULT_AS_OF;
        final List<CaseDeal> stored = new ArrayList<>();
        final List<Step> steps = new ArrayList<>();

        Case(String file, int line) {
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
    }

    /** The cases of a folder and the problems found reading them. */
    public record Loaded(List<Case> cases, List<Problem> problems) {
    }

    /** The verdict on one case: passed, or the differences between what was expected and what came. */
    public record Result(Case testCase, List<String> differences) {
        public boolean passed() {
            return differences.isEmpty();
        }

        /** PASS/FAIL line with the differences under it. */
        public String report() {
            StringBuilder sb = new StringBuilder(passed() ? "PASS  " : "FAIL  ").append(testCase.title());
            for (String d : differences) {
                sb.append(System.lineSeparator()).append("        ").append(d.replace("\n", System.lineSeparator() + "        "));
            }
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------------------------------ running

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
        Loaded loaded = load(rulesDir);
        loaded.problems().forEach(out::println);
        int passed = 0;
        int failed = 0;
        for (Case c : loaded.cases()) {
            Result r = check(book, c);
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

    /** Runs one case through the engine's path and compares what came with what it expects. */
    public static Result check(RuleBook book, Case c) {
        List<String> diffs = new ArrayList<>();
        Map<String, Deal> stored = new HashMap<>();
        List<SourceRecord> records = new ArrayList<>();
        try {
            for (CaseDeal s : c.stored) {
                Deal d = s.toDeal();
                for (String k : CaseDeal.keys(d)) {
                    stored.put(k, d);
                }
            }
            for (int i = 0; i < c.steps.size(); i++) {
                records.add(c.steps.get(i).record.toRecord(i + 2L));
            }
        } catch (IllegalArgumentException e) {
            return new Result(c, List.of(e.getMessage()));
        }
        List<Decision> decisions;
        try {
            decisions = new ChunkJudge(book).decide(records, io.dealsync.sync.StoredDeals.of(stored),
                    new ChunkJudge.FileContext(c.asOf, DEFAULT_PARTNER_ID, Map.of()));
        } catch (RuleFailedException e) {
            // the case fails, the other cases still run
            return new Result(c, List.of("the rule \"" + e.rule() + "\"" + (e.where().isEmpty() ? "" : " (" + e.where() + ")")
                    + " failed: " + e.reason()));
        }
        for (int i = 0; i < c.steps.size(); i++) {
            Step step = c.steps.get(i);
            List<String> own = compare(book, step, decisions.get(i));
            String where = c.steps.size() > 1 ? "record " + (i + 1) + " (line " + step.line + "): " : "";
            own.forEach(d -> diffs.add(where + d));
        }
        return new Result(c, diffs);
    }

    /**
     * The smoke run of {@code rules check}: every template of {@code tests/templates/} as a deal seen for the
     * first time, and as a record over every template as stored. A rule that fails on one (a column name that
     * is no column, a method that throws) is reported once, at the rule.
     */
    public static List<RuleProblem> smoke(RuleBook book) {
        Path rulesDir = book.rulesDir();
        Templates templates = new Templates(rulesDir, rulesDir.resolve("tests").resolve(TEMPLATES), new ArrayList<>());
        List<String> names = templates.list();
        List<RuleProblem> out = new ArrayList<>();
        Set<String> failed = new java.util.HashSet<>();
        List<String> storedOptions = new ArrayList<>();
        storedOptions.add(null);
        storedOptions.addAll(names);
        for (String stored : storedOptions) {
            for (String record : names) {
                Case c = new Case("smoke", 0);
                c.name = "smoke";
                if (stored != null) {
                    c.stored.add(templates.get(stored).copy());
                }
                c.steps.add(new Step(2, templates.get(record).copy()));
                Result r = check(book, c);
                if (r.passed() || !r.differences().get(0).startsWith("the rule")) {
                    continue;
                }
                String d = r.differences().get(0);
                String rule = d.substring("the rule \"".length(), d.indexOf('"', "the rule \"".length()));
                if (failed.add(rule)) {
                    String where = book.locate(rule);
                    int colon = where.lastIndexOf(':');
                    String file = colon < 0 ? RuleBook.display(rulesDir) : where.substring(0, colon);
                    int line = colon < 0 ? 0 : Integer.parseInt(where.substring(colon + 1));
                    String reason = d.substring(d.indexOf(" failed: ") + " failed: ".length());
                    out.add(new RuleProblem(file, line, 0, "the rule \"" + rule + "\" fails when run on the template "
                            + (stored == null ? "" : "\"" + stored + "\" as stored and ") + "\"" + record + "\": " + reason));
                }
            }
        }
        return out;
    }

    private static List<String> compare(RuleBook book, Step step, Decision decision) {
        List<String> diffs = new ArrayList<>();
        List<Violation> got = decision.violations();
        String outcome = outcomeWord(decision.outcome());
        for (Expected e : step.codes) {
            if (!book.reference().reasonCodes().containsKey(e.code())) {
                diffs.add("expect names " + e.code() + ", which is not a code of reason-codes.csv");
            }
        }
        boolean codesOk;
        String expectedText;
        if (step.expectStored) {
            codesOk = got.isEmpty() && Set.of("created", "updated", "unchanged").contains(outcome);
            expectedText = "stored (no finding)";
        } else if (step.expectSkipped) {
            codesOk = "skipped".equals(outcome);
            expectedText = "skipped";
        } else {
            codesOk = matches(step.codes, got);
            expectedText = String.join(", ", step.codes.stream().map(Expected::toString).toList());
        }
        if (!codesOk) {
            StringBuilder sb = new StringBuilder();
            sb.append("expected: ").append(expectedText).append('\n');
            sb.append("got:      ").append(got.isEmpty() ? "no finding" : String.join(", ", got.stream()
                    .map(v -> v.field().isEmpty() ? v.code() : v.code() + "(" + v.field() + ")").sorted().toList()));
            sb.append(" -> ").append(outcome);
            for (Violation v : got) {
                sb.append('\n').append("  ").append(v.code()).append(": ").append(v.message());
            }
            diffs.add(sb.toString());
        }
        if (!step.outcomes.isEmpty()) {
            // exactly: "created" does not pass for a deal created and expired
            Set<String> came = new LinkedHashSet<>(List.of(outcome));
            if (decision.expired() || decision.expireStored()) {
                came.add("expired");
            }
            if (!came.equals(step.outcomes)) {
                diffs.add("expected outcome " + String.join(", ", step.outcomes) + ", got " + String.join(", ", came));
            }
        }
        if (step.notify != null) {
            String got2 = decision.notifyEvent() == null ? "none" : decision.notifyEvent();
            if (!step.notify.equalsIgnoreCase(got2)) {
                diffs.add("expected notify " + step.notify + ", got " + got2);
            }
        }
        return diffs;
    }

    /** Every expected item finds its findings, and every finding is expected. */
    static boolean matches(List<Expected> expected, List<Violation> got) {
        boolean[] used = new boolean[got.size()];
        for (Expected e : expected) {
            boolean found = false;
            for (int i = 0; i < got.size(); i++) {
                Violation v = got.get(i);
                if (v.code().equals(e.code()) && (e.field() == null || sameColumn(e.field(), v.field()))) {
                    found = true;
                    used[i] = true;
                    if (e.field() != null) {
                        break; // CODE(field) is one finding; a bare CODE stands for all of that code
                    }
                }
            }
            if (!found) {
                return false;
            }
        }
        for (boolean u : used) {
            if (!u) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameColumn(String a, String b) {
        return Field.key(canonicalOr(a)).equals(Field.key(canonicalOr(b)));
    }

    private static String canonicalOr(String column) {
        try {
            return CaseDeal.canonical(column);
        } catch (IllegalArgumentException e) {
            return column;
        }
    }

    private static String outcomeWord(Decision.Outcome o) {
        return switch (o) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case UNCHANGED -> "unchanged";
            case REJECT -> "rejected";
            case SKIP -> "skipped";
        };
    }

    // ------------------------------------------------------------------------------------------ reading

    /** Reads every {@code .case} file under {@code rulesDir/tests} (not under templates/), in path order. */
    public static Loaded load(Path rulesDir) {
        Path tests = rulesDir.resolve("tests");
        List<Case> cases = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(tests)) {
            problems.add(new Problem(display(rulesDir, tests), 0, "no tests folder"));
            return new Loaded(cases, problems);
        }
        Templates templates = new Templates(rulesDir, tests.resolve(TEMPLATES), problems);
        List<Path> files;
        try (Stream<Path> s = Files.walk(tests)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".case"))
                    .filter(p -> !tests.relativize(p).startsWith(TEMPLATES)).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(display(rulesDir, tests), 0, "cannot be read: " + e.getMessage()));
            return new Loaded(cases, problems);
        }
        for (Path f : files) {
            parse(display(rulesDir, f), lines(f, display(rulesDir, f), problems), templates, cases, problems);
        }
        return new Loaded(cases, problems);
    }

    /** Parses the text of one case file (exposed for tests). */
    public static Loaded parse(Path rulesDir, String displayName, String text) {
        List<Case> cases = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Templates templates = new Templates(rulesDir, rulesDir.resolve("tests").resolve(TEMPLATES), problems);
        parse(displayName, List.of(text.split("\\R", -1)), templates, cases, problems);
        return new Loaded(cases, problems);
    }

    private static String display(Path rulesDir, Path p) {
        return (rulesDir.getFileName() == null ? "" : rulesDir.getFileName() + "/")
                + rulesDir.relativize(p).toString().replace('\\', '/');
    }

    private static List<String> lines(Path f, String display, List<Problem> problems) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(display, 0, "cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    /** A {@code key: value} line; key is null when the line has no colon. */
    private record Line(int number, String key, String value) {
        static Line of(int number, String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Line(number, null, text) : new Line(number, text.substring(0, colon).strip(),
                    text.substring(colon + 1).strip());
        }

        String keyword() {
            return key == null ? "" : key.toLowerCase(Locale.ROOT);
        }
    }

    private static final Set<String> KEYWORDS =
            Set.of("name", "as-of", "stored", "record", "expect", "outcome", "notify", "absent");

    private static void parse(String file, List<String> lines, Templates templates, List<Case> cases,
            List<Problem> problems) {
        Case c = null;
        CaseDeal block = null; // the stored deal or record the column lines go into
        Step step = null;
        int problemsBefore = problems.size();
        for (int i = 0; i <= lines.size(); i++) {
            String raw = i < lines.size() ? lines.get(i).strip() : "---";
            int n = i + 1;
            if (raw.equals("---")) {
                if (c != null) {
                    finish(file, c, cases, problems, problemsBefore);
                }
                c = null;
                block = null;
                step = null;
                problemsBefore = problems.size();
                continue;
            }
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            Line line = Line.of(n, raw);
            if (line.key() == null) {
                problems.add(new Problem(file, n, "expected 'Column Name: value' or a keyword (name:, record:, expect:, ...)"));
                continue;
            }
            if (c == null) {
                c = new Case(file, n);
            }
            String kw = line.keyword();
            if (!KEYWORDS.contains(kw)) {
                if (block == null) {
                    problems.add(new Problem(file, n, "'" + line.key() + "' is not a keyword, and there is no stored: or record: block for a column"));
                    continue;
                }
                try {
                    block.set(line.key(), line.value());
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file, n, e.getMessage()));
                }
                continue;
            }
            switch (kw) {
                case "name" -> {
                    if (c.name != null) {
                        problems.add(new Problem(file, n, "a second name: in one case; separate cases with a line ---"));
                    }
                    c.name = line.value();
                }
                case "as-of" -> {
                    LocalDate d = Dates.parse(line.value());
                    if (d == null) {
                        problems.add(new Problem(file, n, "as-of: '" + line.value() + "' is not a date (yyyy-mm-dd)"));
                    } else {
                        c.asOf = d;
                    }
                }
                case "stored" -> {
                    if (!c.steps.isEmpty()) {
                        problems.add(new Problem(file, n, "stored: comes before the first record:"));
                    }
                    block = start(line, templates, null, file, problems);
                    c.stored.add(block);
                    step = null;
                }
                case "record" -> {
                    if (step != null && !step.expectSet) {
                        problems.add(new Problem(file, step.line, "this record has no expect:"));
                    }
                    CaseDeal from = c.stored.isEmpty() ? null : c.stored.get(c.stored.size() - 1);
                    block = start(line, templates, from, file, problems);
                    step = new Step(n, block);
                    c.steps.add(step);
                }
                case "absent" -> {
                    if (block == null) {
                        problems.add(new Problem(file, n, "absent: belongs in a stored: or record: block"));
                        continue;
                    }
                    for (String col : line.value().split(",")) {
                        try {
                            block.remove(col);
                        } catch (IllegalArgumentException e) {
                            problems.add(new Problem(file, n, e.getMessage()));
                        }
                    }
                }
                case "expect" -> {
                    if (step == null) {
                        problems.add(new Problem(file, n, "expect: follows a record: block"));
                        continue;
                    }
                    expect(step, line, file, problems);
                    block = null;
                }
                case "outcome" -> {
                    if (step == null) {
                        problems.add(new Problem(file, n, "outcome: follows a record: block"));
                        continue;
                    }
                    for (String o : line.value().toLowerCase(Locale.ROOT).split("[,\\s]+")) {
                        if (OUTCOMES.contains(o)) {
                            step.outcomes.add(o);
                        } else if (!o.isEmpty()) {
                            problems.add(new Problem(file, n, "outcome '" + o + "' is none of " + new java.util.TreeSet<>(OUTCOMES)));
                        }
                    }
                }
                case "notify" -> {
                    if (step == null) {
                        problems.add(new Problem(file, n, "notify: follows a record: block"));
                        continue;
                    }
                    String v = line.value();
                    if (!Set.of("declined", "expired", "none").contains(v.toLowerCase(Locale.ROOT))) {
                        problems.add(new Problem(file, n, "notify is Declined, Expired or none"));
                    }
                    step.notify = v;
                }
                default -> throw new IllegalStateException(kw);
            }
        }
    }

    /** A new stored/record block: empty, a copy of the stored deal ({@code record: stored}), or a template. */
    private static CaseDeal start(Line line, Templates templates, CaseDeal stored, String file,
            List<Problem> problems) {
        String from = line.value();
        if (from.isEmpty()) {
            return new CaseDeal();
        }
        if (line.keyword().equals("record") && from.equalsIgnoreCase("stored")) {
            if (stored == null) {
                problems.add(new Problem(file, line.number(), "record: stored, but the case has no stored: deal"));
                return new CaseDeal();
            }
            return stored.copy();
        }
        CaseDeal t = templates.get(from);
        if (t == null) {
            problems.add(new Problem(file, line.number(), "no template '" + from + "' in tests/templates/ (" + templates.names() + ")"));
            return new CaseDeal();
        }
        return t.copy();
    }

    private static void expect(Step step, Line line, String file, List<Problem> problems) {
        if (step.expectSet) {
            problems.add(new Problem(file, line.number(), "a second expect: for one record; start another record: first"));
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
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int open = s.indexOf('(');
            String code = (open < 0 ? s : s.substring(0, open)).strip();
            String field = null;
            if (open >= 0) {
                if (!s.endsWith(")")) {
                    problems.add(new Problem(file, line.number(), "'" + s + "': a column is written CODE(Column Name)"));
                    continue;
                }
                field = s.substring(open + 1, s.length() - 1).strip();
            }
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                problems.add(new Problem(file, line.number(), "'" + code + "' is not a reason code (CAPITALS_AND_UNDERSCORES)"));
                continue;
            }
            step.codes.add(new Expected(code, field));
        }
        if (step.codes.isEmpty() && problems.size() == before) {
            problems.add(new Problem(file, line.number(), "expect: needs reason codes, or 'stored', or 'skipped'"));
        }
    }

    /** Splits on commas outside parentheses ("PartnerID (formerly MPN ID)" keeps its own). */
    private static List<String> splitTopLevel(String s) {
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

    private static void finish(String file, Case c, List<Case> cases, List<Problem> problems, int problemsBefore) {
        boolean ok = problems.size() == problemsBefore;
        if (c.name == null || c.name.isEmpty()) {
            problems.add(new Problem(file, c.line, "the case has no name:"));
            ok = false;
        }
        if (c.steps.isEmpty()) {
            problems.add(new Problem(file, c.line, "the case has no record:"));
            ok = false;
        }
        for (Step s : c.steps) {
            if (!s.expectSet) {
                problems.add(new Problem(file, s.line, "this record has no expect:"));
                ok = false;
            }
        }
        if (ok) {
            cases.add(c);
        }
    }

    /** The shipped valid deals of tests/templates/NAME.deal, read once per run. */
    private static final class Templates {
        private final Path rulesDir;
        private final Path dir;
        private final List<Problem> problems;
        private final Map<String, CaseDeal> read = new HashMap<>();

        Templates(Path rulesDir, Path dir, List<Problem> problems) {
            this.rulesDir = rulesDir;
            this.dir = dir;
            this.problems = problems;
        }

        CaseDeal get(String name) {
            if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
                return null; // a name, not a path
            }
            return read.computeIfAbsent(name, this::load);
        }

        private CaseDeal load(String name) {
            Path f = dir.resolve(name + ".deal");
            if (!Files.isRegularFile(f)) {
                return null;
            }
            String file = display(rulesDir, f);
            CaseDeal d = new CaseDeal();
            List<String> lines = lines(f, file, problems);
            for (int i = 0; i < lines.size(); i++) {
                String raw = lines.get(i).strip();
                if (raw.isEmpty() || raw.startsWith("#")) {
                    continue;
                }
                Line line = Line.of(i + 1, raw);
                try {
                    if (line.key() == null) {
                        throw new IllegalArgumentException("expected 'Column Name: value'");
                    }
                    d.set(line.key(), line.value());
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file, i + 1, e.getMessage()));
                }
            }
            return d;
        }

        /** The template names, sorted. */
        List<String> list() {
            try (Stream<Path> s = Files.list(dir)) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".deal"))
                        .map(n -> n.substring(0, n.length() - 5)).filter(n -> get(n) != null).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        String names() {
            try (Stream<Path> s = Files.list(dir)) {
                return String.join(", ", s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".deal"))
                        .map(n -> n.substring(0, n.length() - 5)).sorted().toList());
            } catch (IOException e) {
                return "none";
            }
        }
    }
}
