package io.dealsync.rulecases;

import io.dealsync.rules.RuleBook;

import io.dealsync.rules.RuleFixtures;
import io.dealsync.rules.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped case of rules/tests/ as a JUnit test, and the case format's own behaviour. */
public class RuleCasesTest {
    private static final Path RULES = Path.of("rules");

    @TestFactory
    Stream<DynamicTest> everyShippedCasePasses() {
        CaseFiles.Loaded loaded = CaseFiles.load(RULES);
        DynamicTest readable = dynamicTest("the case files read without problems",
                () -> assertThat(loaded.problems()).isEmpty());
        return Stream.concat(Stream.of(readable), loaded.cases().stream().map(c -> dynamicTest(c.title(), () -> {
            CaseRun.Result r = CaseRun.check(RuleFixtures.book(), c);
            assertThat(r.passed()).as(r.report()).isTrue();
        })));
    }

    @Test
    void everyRuleOfTheDomainHasAShippedCase() {
        List<String> names = CaseFiles.load(RULES).cases().stream().map(RuleCase::name).toList();
        for (String rule : List.of("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R20", "R21", "R22", "R23", "R24",
                "R30", "R31", "R32", "R40", "R41", "R42", "R43", "R44", "R50", "R52", "R60", "R61")) {
            assertThat(names).as(rule).anyMatch(n -> n.startsWith(rule + " "));
        }
    }

    @Test
    void aFailingCaseShowsExpectedAgainstGot() {
        CaseFiles.Loaded l = CaseFiles.parse(RULES, "x.case", """
                name: wrong on purpose
                record: accepted
                  Notes:
                  Currency: EURO
                expect: REQUIRED_FIELD(Notes)
                """);
        assertThat(l.problems()).isEmpty();
        CaseRun.Result r = CaseRun.check(RuleFixtures.book(), l.cases().get(0));
        assertThat(r.passed()).isFalse();
        assertThat(r.report()).contains("FAIL  x.case:1  wrong on purpose", "expected: REQUIRED_FIELD(Notes)",
                "got:      INVALID_VALUE(Currency), REQUIRED_FIELD(Notes) -> rejected");
    }

    @Test
    void aBareCodeStandsForEveryFindingOfThatCode() {
        CaseFiles.Loaded l = CaseFiles.parse(RULES, "x.case", """
                name: bare code
                record: accepted
                  Notes:
                  Deal Name:
                expect: REQUIRED_FIELD
                ---
                name: a field names one finding only
                record: accepted
                  Notes:
                  Deal Name:
                expect: REQUIRED_FIELD(Notes)
                """);
        assertThat(CaseRun.check(RuleFixtures.book(), l.cases().get(0)).passed()).isTrue();
        assertThat(CaseRun.check(RuleFixtures.book(), l.cases().get(1)).passed()).isFalse();
    }

    @Test
    void parseProblemsNameFileAndLine() {
        CaseFiles.Loaded l = CaseFiles.parse(RULES, "bad.case", """
                # a comment
                name: unknown template and column
                record: nosuch
                  Colour: blue
                expect: REQUIRED_FIELD(Notes
                ---
                record: accepted
                ---
                name: no expect
                record: accepted
                ---
                name: bad date
                as-of: tomorrow
                record: accepted
                expect: stored
                outcome: approved
                """);
        assertThat(l.problems()).extracting(Object::toString).containsExactly(
                "bad.case:3: no template 'nosuch' in tests/templates/ (accepted, received, received-accepted, won)",
                "bad.case:4: no column is named 'Colour'",
                "bad.case:5: 'REQUIRED_FIELD(Notes': a column is written CODE(Column Name)",
                "bad.case:7: the case has no name:",
                "bad.case:7: this record has no expect:",
                "bad.case:10: this record has no expect:",
                "bad.case:13: as-of: 'tomorrow' is not a date (yyyy-mm-dd)",
                "bad.case:16: outcome 'approved' is none of [created, expired, rejected, skipped, unchanged, updated]");
        assertThat(l.cases()).isEmpty();
    }

    @Test
    void runPrintsPassFailAndASummary(@TempDir Path tmp) throws IOException {
        Path rules = copyRules(tmp);
        Files.writeString(rules.resolve("tests/zz-failing.case"), """
                name: expects the wrong thing
                record: accepted
                expect: REQUIRED_FIELD(Notes)
                """);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = RuleCases.run(rules, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(rc).isEqualTo(1);
        assertThat(out).contains("PASS  rules/tests/creation.case:4  A complete Outgoing deal is created",
                "FAIL  rules/tests/zz-failing.case:1  expects the wrong thing", "got:      no finding -> created");
        assertThat(out).containsPattern("\\d+ passed, 1 failed");
    }

    @Test
    void anOutcomeComparesExactly() {
        String text = """
                name: arrives Expired, past its window
                as-of: 2026-06-01
                record: received
                  Received Date: 2026-05-01
                  Partner Referral Status: Closed
                  Partner Referral Substatus: Expired
                expect: stored
                outcome: created
                ---
                name: the same, said in full
                as-of: 2026-06-01
                record: received
                  Received Date: 2026-05-01
                  Partner Referral Status: Closed
                  Partner Referral Substatus: Expired
                expect: stored
                outcome: created, expired
                """;
        CaseFiles.Loaded l = CaseFiles.parse(RULES, "x.case", text);
        CaseRun.Result subset = CaseRun.check(RuleFixtures.book(), l.cases().get(0));
        assertThat(subset.passed()).isFalse();
        assertThat(subset.differences()).containsExactly("expected outcome created, got created, expired");
        assertThat(CaseRun.check(RuleFixtures.book(), l.cases().get(1)).passed()).isTrue();
    }

    @Test
    void aRuleFailingAtRunTimeFailsItsCasesAndTheOthersStillRun(@TempDir Path tmp) throws IOException {
        Path rules = copyRules(tmp);
        Files.writeString(rules.resolve("big.drl"), RuleFixtures.COLUMN_FROM_SETTING);
        Files.writeString(rules.resolve("reference/settings.properties"), "big.deal.column=Estimated Deal Vaule\n",
                java.nio.file.StandardOpenOption.APPEND);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = RuleCases.run(rules, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(rc).isEqualTo(1);
        assertThat(out).contains("FAIL  rules/tests/creation.case:4  A complete Outgoing deal is created",
                "the rule \"Analyst: big deals\" (" + RuleBook.display(rules) + "big.drl:6) failed: \"Estimated Deal Vaule\""
                        + " is not a column (did you mean \"Estimated Deal Value\"?)");
        // every case ran: the summary counts them all (cases of records the rule never reaches still pass)
        int total = CaseFiles.load(rules).cases().size();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) passed, (\\d+) failed").matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))).isEqualTo(total);
        assertThat(Integer.parseInt(m.group(2))).isGreaterThan(1);
    }

    @Test
    void runOnTheShippedCasesSucceeds() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = RuleCases.run(RULES, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(rc).as(buf.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).containsPattern("\\d+ passed, 0 failed");
    }

    /** A copy of the real rules folder, to break on purpose. */
    public static Path copyRules(Path tmp) throws IOException {
        Path target = tmp.resolve("rules");
        try (Stream<Path> s = Files.walk(RULES)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(RULES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }
}
