package io.dealsync.it;

import static io.dealsync.it.Rows.outgoing;
import static io.dealsync.it.Rows.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.bench.DataGenerator;
import io.dealsync.rules.RuleBook;
import java.io.IOException;
import java.nio.file.Files;
import io.dealsync.rulecases.RuleCasesTest;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/quality.md "Bad rules": a DRL that does not compile stops {@code run --once} before any file is touched, naming
 * file and line; a running daemon picks up rules that compile, keeps its last good rules when they do not, and
 * every report names the rules fingerprint it used. docs/operations.md: the daemon stops on SIGTERM without losing the
 * file in hand.
 */
class RulesLifecycleTest {
    /** An analyst's new rule: raises an existing code for a Deal Name containing FORBIDDEN. */
    static final String FORBIDDEN_RULE = """
            package dealsync.rules;

            import io.dealsync.model.Deal;

            rule "Analyst: no FORBIDDEN deal names"
            when
                $d : Deal( text("Deal Name") matches ".*FORBIDDEN.*" )
            then
                $d.violates("INVALID_VALUE", "Deal Name", "FORBIDDEN is not allowed in a deal name");
            end
            """;
    /** The same rule, broken on its line 7 (the pattern's parenthesis never closes). */
    static final String FORBIDDEN_RULE_BROKEN = FORBIDDEN_RULE.replace("\".*FORBIDDEN.*\" )", "\".*FORBIDDEN.*\" ,, (");

    @TempDir
    Path tmp;

    @Test
    void aRuleThatFailsAtRunTimeFailsItsFilesAndTheRunExitsTwo() throws Exception {
        // issue 10: the run printed a stack trace, said OK and exited 0; the daemon left the file in the inbox
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("big.drl"), io.dealsync.rules.RuleFixtures.COLUMN_FROM_SETTING);
        Files.writeString(rules.resolve("reference/settings.properties"), "big.deal.column=Estimated Deal Vaule\n",
                java.nio.file.StandardOpenOption.APPEND);
        Harness h = new Harness(tmp.resolve("engine"));
        h.settings.put("dealsync.rules", rules.toString());
        h.drop("inbox/2026-11-01-partner-crm.csv", null);
        h.drop("inbox/2026-11-02-partner-crm.csv", null);

        Harness.Output run = h.runCaptured("run", "--once", "--as-of", "2026-11-26");

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat org.drools", "ConstraintEvaluationException");
        Path failed = h.inbox().resolve(".failed");
        for (String name : List.of("2026-11-01-partner-crm.csv", "2026-11-02-partner-crm.csv")) {
            assertThat(failed.resolve(name)).exists(); // both files: the run went on after the first
            List<String> reason = Files.readAllLines(failed.resolve(name + ".reason.txt"));
            assertThat(reason).hasSize(1);
            assertThat(reason.get(0)).contains("the rule \"Analyst: big deals\"", "big.drl:6",
                    "\"Estimated Deal Vaule\" is not a column (did you mean \"Estimated Deal Value\"?)");
        }
        assertThat(Harness.files(h.inbox()).stream().filter(p -> p.getParent().equals(h.inbox()))).isEmpty();
    }

    @Test
    void aBrokenReferenceTableStopsTheSweepToo() throws Exception {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("reference/settings.properties"), "expiry.window.days=fourteen\n",
                java.nio.file.StandardOpenOption.APPEND);
        Harness h = new Harness(tmp.resolve("engine"));
        h.settings.put("dealsync.rules", rules.toString());
        Harness.Output expire = h.runCaptured("expire", "--as-of", "2026-11-26");
        assertThat(expire.code()).as(expire.out() + expire.err()).isEqualTo(2);
        assertThat(expire.err()).contains("settings.properties");
    }

    @Test
    void aBrokenDrlStopsRunOnceBeforeAnyFileIsTouched() throws Exception {
        Path rules = RuleCasesTest.copyRules(tmp);
        Path drl = rules.resolve("lifecycle.drl");
        long before = Files.readAllLines(drl).size();
        Files.writeString(drl, Files.readString(drl) + "\nrule \"half written\"\nwhen\n    $d : Deal( substatus == )\nthen\nend\n");
        // the broken condition is on line before + 4 (the appended text starts with a newline)
        long brokenLine = before + 4;

        Harness h = new Harness(tmp.resolve("engine"));
        h.settings.put("dealsync.rules", rules.toString());
        h.drop("inbox/2026-11-01-partner-crm.csv", null);
        // left in progress by a killed run: Camel starts before the rules have compiled, yet this stays put too
        h.write(".inprogress/2026-10-31-crm.csv", Files.readString(Harness.sample("inbox/2026-11-01-partner-crm.csv")));
        List<Path> inboxBefore = Harness.files(h.inbox());

        Harness.Output run = h.runCaptured("run", "--once", "--as-of", "2026-11-26");
        assertThat(run.code()).isEqualTo(2);
        assertThat(errorLines(run.err(), "lifecycle.drl")).as(run.err()).anyMatch(l -> l >= brokenLine - 1 && l <= brokenLine + 1);
        assertThat(run.err()).contains("No file was touched");
        assertThat(Harness.files(h.inbox())).isEqualTo(inboxBefore);
        assertThat(Harness.files(h.reports())).isEmpty();
        assertThat(Harness.files(h.rejects())).isEmpty();
        assertThat(Harness.files(h.outbox())).isEmpty();
        if (Files.exists(h.dir.resolve("data"))) { // the database may have been opened side by side: it holds nothing
            assertThat(h.count("SELECT COUNT(*) FROM deal")).isZero();
            assertThat(h.count("SELECT COUNT(*) FROM ingested_file")).isZero();
        }

        // the sweep judges no record: it needs the reference settings, not the DRL, and runs
        Harness.Output expire = h.runCaptured("expire", "--as-of", "2026-11-26");
        assertThat(expire.code()).as(expire.err()).isZero();
        assertThat(expire.out()).contains("Expired 0 deal(s)");
        assertThat(Harness.files(h.inbox())).isEqualTo(inboxBefore);

        Harness.Output check = h.runCaptured("rules", "check");
        assertThat(check.code()).isNotZero();
        assertThat(errorLines(check.out(), "lifecycle.drl")).as(check.out()).anyMatch(l -> l >= brokenLine - 1 && l <= brokenLine + 1);
        assertThat(check.out()).contains("FAILED");

        // the shipped rules check clean, and the same copy once repaired runs
        Files.copy(Path.of("rules/lifecycle.drl"), drl, StandardCopyOption.REPLACE_EXISTING);
        assertThat(h.runCaptured("rules", "check").code()).isZero();
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM deal")).isPositive();
    }

    @Test
    void rulesThatCompiledBeforeHoldNoFileBackChangedRulesThatDoNotCompileStillStopTheRun() throws Exception {
        // the tests' classes come from a folder, which has no build identity: name one, as the engine's jar has
        String was = System.getProperty("io.dealsync.build-id");
        System.setProperty("io.dealsync.build-id", "rules-lifecycle-test");
        try {
            Path rules = RuleCasesTest.copyRules(tmp);
            Harness h = new Harness(tmp.resolve("engine"));
            h.settings.put("dealsync.rules", rules.toString());
            h.drop("inbox/2026-11-01-partner-crm.csv", null);
            Harness.Output first = h.runCaptured("run", "--once", "--as-of", "2026-11-26");
            assertThat(first.code()).as(first.err()).isZero();
            String fingerprint = RuleBook.fingerprint(rules);
            assertThat(Files.readString(h.dir.resolve("data/rules-compiled.txt")))
                    .contains(fingerprint + " rules-lifecycle-test");

            // the same file again, the rules unchanged: a repeat, the run's report names the rules
            h.drop("inbox/2026-11-01-partner-crm.csv", null);
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            assertThat(h.latestReport().path("rulesFingerprint").asText()).isEqualTo(fingerprint);
            assertThat(h.latestReport().path("files").get(0).path("status").asText()).isEqualTo("repeat");

            // a rule saved half written: a fingerprint never compiled, so the run waits for the compile and stops
            Path drl = rules.resolve("lifecycle.drl");
            String good = Files.readString(drl);
            Files.writeString(drl, good + "\nrule \"half written\"\nwhen\n    $d : Deal( substatus == )\nthen\nend\n");
            h.drop("inbox/2026-11-01-partner-crm.csv", null);
            List<Path> inboxBefore = Harness.files(h.inbox());
            Harness.Output broken = h.runCaptured("run", "--once", "--as-of", "2026-11-26");
            assertThat(broken.code()).isEqualTo(2);
            assertThat(broken.err()).contains("No file was touched");
            assertThat(Harness.files(h.inbox())).isEqualTo(inboxBefore);

            // repaired, the rules are those that compiled before: the file is taken as a repeat
            Files.writeString(drl, good);
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            assertThat(h.latestReport().path("files").get(0).path("status").asText()).isEqualTo("repeat");
        } finally {
            if (was == null) {
                System.clearProperty("io.dealsync.build-id");
            } else {
                System.setProperty("io.dealsync.build-id", was);
            }
        }
    }

    @Test
    void theDaemonReloadsGoodRulesKeepsTheLastGoodOnesAndStopsGracefully() throws Exception {
        Path rules = RuleCasesTest.copyRules(tmp);
        Harness h = new Harness(tmp.resolve("engine"));
        h.settings.put("dealsync.rules", rules.toString());
        h.settings.put("dealsync.rules.reload-ms", "500");
        h.settings.put("dealsync.inbox.poll-ms", "300");
        h.settings.put("dealsync.outbox.period-ms", "500");
        h.settings.put("dealsync.as-of", "2026-11-26");
        h.settings.put("dealsync.batch-size", "500");
        Files.createDirectories(h.inbox());
        String f0 = RuleBook.fingerprint(rules);

        ChildEngine daemon = ChildEngine.start(h.settings, Map.of("DEALSYNC_LOG_LEVEL", "DEBUG"), "run");
        try {
            // 1. the shipped rules: a FORBIDDEN name is fine
            h.write("2026-11-26-a.csv", new Rows().add(with(outgoing("CRM-D1"), "Deal Name", "FORBIDDEN one")).csv());
            JsonNode r1 = awaitReportOf(h, daemon, "2026-11-26-a.csv");
            assertThat(r1.get("rulesFingerprint").asText()).isEqualTo(f0);
            assertThat(DayByDayTest.file(r1, "2026-11-26-a.csv").get("created").asLong()).isEqualTo(1);

            // 2. an analyst adds a rule that compiles: swapped in, the next file is judged by it
            Files.writeString(rules.resolve("forbidden.drl"), FORBIDDEN_RULE);
            String f1 = RuleBook.fingerprint(rules);
            assertThat(f1).isNotEqualTo(f0);
            assertThat(daemon.awaitLine(l -> l.contains("Rules reloaded: fingerprint " + f1), 30_000)).as(daemon.output()).isTrue();
            h.write("2026-11-26-b.csv", new Rows().add(with(outgoing("CRM-D2"), "Deal Name", "FORBIDDEN two"))
                    .add(outgoing("CRM-D3")).csv());
            JsonNode r2 = awaitReportOf(h, daemon, "2026-11-26-b.csv");
            assertThat(r2.get("rulesFingerprint").asText()).isEqualTo(f1);
            JsonNode b = DayByDayTest.file(r2, "2026-11-26-b.csv");
            assertThat(b.get("rejected").asLong()).isEqualTo(1);
            assertThat(b.get("created").asLong()).isEqualTo(1);
            assertThat(b.get("rejectsByCode").get("INVALID_VALUE").asLong()).isEqualTo(1);

            // 3. the rule is then broken: the error is logged (file and line), the last good rules stay
            Files.writeString(rules.resolve("forbidden.drl"), FORBIDDEN_RULE_BROKEN);
            assertThat(daemon.awaitLine(l -> l.contains("Changed rules do not compile; keeping the last good rules"), 30_000))
                    .as(daemon.output()).isTrue();
            assertThat(daemon.awaitLine(l -> l.contains("forbidden.drl:"), 5_000)).as(daemon.output()).isTrue();
            assertThat(errorLines(daemon.output(), "forbidden.drl")).anyMatch(l -> l >= 6 && l <= 8);
            h.write("2026-11-26-c.csv", new Rows().add(with(outgoing("CRM-D4"), "Deal Name", "FORBIDDEN three")).csv());
            JsonNode r3 = awaitReportOf(h, daemon, "2026-11-26-c.csv");
            assertThat(r3.get("rulesFingerprint").asText()).isEqualTo(f1);
            assertThat(DayByDayTest.file(r3, "2026-11-26-c.csv").get("rejectsByCode").get("INVALID_VALUE").asLong()).isEqualTo(1);
            assertThat(daemon.process.isAlive()).isTrue();

            // 4. SIGTERM while a larger file is in hand: the daemon lets it finish, closes its run (report), ends
            Path big = tmp.resolve("2026-11-26-d.csv");
            DataGenerator.day1Csv(big, 20_000, 11);
            long records;
            try (Stream<String> lines = Files.lines(big)) {
                records = lines.count() - 1;
            }
            Files.move(big, h.inbox().resolve(big.getFileName()));
            assertThat(daemon.awaitLine(l -> l.contains("2026-11-26-d.csv: batch up to line"), 60_000)).as(daemon.output()).isTrue();
            // SIGTERM (Process.destroy() would also close our end of the child's output, and we read its log after)
            daemon.process.toHandle().destroy();
            assertThat(daemon.process.waitFor(60, TimeUnit.SECONDS)).as(daemon.output()).isTrue();
            assertThat(daemon.process.exitValue()).as(daemon.output()).isIn(0, 143); // 143: ended by SIGTERM, hooks run
            assertThat(h.inboxListing())
                    .as("the file in hand was finished, not left in hand").contains(".done/2026-11-26-d.csv")
                    .noneMatch(p -> p.startsWith(".inprogress") || p.startsWith(".failed") || p.equals("2026-11-26-d.csv"));
            assertThat(h.query("SELECT status, records_read FROM ingested_file WHERE name = '2026-11-26-d.csv'"))
                    .containsExactly(List.of("done", Long.toString(records)));
            JsonNode r4 = awaitReportOf(h, daemon, "2026-11-26-d.csv"); // its run was closed on the way out
            assertThat(DayByDayTest.file(r4, "2026-11-26-d.csv").get("read").asLong()).isEqualTo(records);
            assertThat(r4.get("reconciled").asBoolean()).isTrue();
            assertThat(h.query("SELECT name, rules_fingerprint FROM ingested_file ORDER BY name")).containsExactly(
                    List.of("2026-11-26-a.csv", f0), List.of("2026-11-26-b.csv", f1), List.of("2026-11-26-c.csv", f1),
                    List.of("2026-11-26-d.csv", f1));

            // a broken rule book stops run --once; repaired, the next run finds nothing left to do
            assertThat(h.run("run", "--once")).isEqualTo(2);
            Files.writeString(rules.resolve("forbidden.drl"), FORBIDDEN_RULE);
            assertThat(h.run("run", "--once")).isZero();
            assertThat(h.latestReport().get("files")).isEmpty();
            assertThat(h.count("SELECT COUNT(*) FROM ingested_file")).isEqualTo(4);
        } finally {
            if (daemon.process.isAlive()) {
                daemon.kill();
            }
        }
    }

    /** Waits until a report (JSON) that lists the file is written (or the daemon ended without one); returns it. */
    static JsonNode awaitReportOf(Harness h, ChildEngine daemon, String name) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            boolean ended = !daemon.process.isAlive();
            JsonNode found = reportListing(h, name);
            if (found != null) {
                return found;
            }
            if (ended) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No report lists " + name + ":\n" + daemon.output());
    }

    private static JsonNode reportListing(Harness h, String name) throws IOException {
        if (!Files.isDirectory(h.reports())) {
            return null;
        }
        try (Stream<Path> s = Files.list(h.reports())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("latest"))
                    .toList()) {
                JsonNode r = readQuietly(p);
                if (r != null) {
                    for (JsonNode f : r.path("files")) {
                        if (f.path("name").asText().equals(name)) {
                            return r;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode readQuietly(Path p) {
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            return null; // being written
        }
    }

    /** The line numbers named as FILE:LINE in a text. */
    static List<Long> errorLines(String text, String file) {
        Matcher m = Pattern.compile(Pattern.quote(file) + ":(\\d+)").matcher(text);
        List<Long> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
