package io.dealsync.rules;

import io.dealsync.rulecases.RuleCasesTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules check, on the real folder and on copies broken on purpose. */
class RuleCheckTest {

    private static String run(Path rules, int expectedRc) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = RuleCheck.run(rules, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(out).isEqualTo(expectedRc);
        return out;
    }

    @Test
    void theShippedRulesAreOk() {
        String out = run(Path.of("rules"), 0);
        assertThat(out).containsPattern("OK: \\d+ rules in 7 files, fingerprint [0-9a-f]{16}");
        assertThat(out).doesNotContain("warning");
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("broken.drl"), """
                package dealsync.rules;
                import io.dealsync.model.Deal;
                rule "Broken"
                when
                    $d : Deal( blank("Notes")
                then
                end
                """);
        String out = run(rules, 1);
        assertThat(out).containsPattern("rules/broken\\.drl:\\d+(:\\d+)?: ");
        assertThat(out).contains("FAILED:");
    }

    @Test
    void twoRulesWithTheSameNameAcrossFiles(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("more.drl"), """
                package other.rules;
                import io.dealsync.model.Deal;

                rule "R8 Referral ID or CRM ID is present"
                when
                    $d : Deal()
                then
                end
                """);
        String out = run(rules, 1);
        assertThat(out).contains("rules/more.drl:4:7: rule \"R8 Referral ID or CRM ID is present\" is already defined at "
                + tmp.resolve("rules") + "/creation.drl:");
    }

    @Test
    void aReasonCodeMissingFromTheTable(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("more.drl"), """
                package dealsync.rules;
                import io.dealsync.model.Deal;
                rule "Deal Name is short"
                when
                    $d : Deal( text("Deal Name").length() > 100 )
                then
                    $d.violates("DEAL_NAME_TOO_LONG", "Deal Name");
                end
                """);
        String out = run(rules, 1);
        assertThat(out).contains("more.drl:7:18: reason code \"DEAL_NAME_TOO_LONG\" is not in reference/reason-codes.csv");
        // adding the code makes it pass
        Files.writeString(rules.resolve("reference/reason-codes.csv"),
                "DEAL_NAME_TOO_LONG,ERROR,{field} is longer than 100 characters\n", StandardOpenOption.APPEND);
        run(rules, 0);
    }

    @Test
    void aReferenceTableThatDoesNotParse(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("reference/stage-names.csv"), "Discovery,many\n", StandardOpenOption.APPEND);
        Files.writeString(rules.resolve("reference/reason-codes.csv"), "ODD_CODE,FATAL,whatever\n", StandardOpenOption.APPEND);
        String out = run(rules, 1);
        assertThat(out).contains("reference/stage-names.csv:14: 'many' is not a whole number");
        assertThat(out).contains("reference/reason-codes.csv:30: severity 'FATAL' of ODD_CODE is neither ERROR nor WARNING");
    }

    @Test
    void filesTheEngineWouldSilentlyIgnore(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("limits.drl.csv"), "RuleSet,dealsync.rules\n");
        Files.writeString(rules.resolve("limits.xlsx"), "not really a workbook");
        Files.writeString(rules.resolve("Shouting.DRL"), "package dealsync.rules;\n");
        Files.writeString(rules.resolve("old.drl.bak"), "x");
        Files.writeString(rules.resolve("reference/regions.csv"), "code,name\n");
        String out = run(rules, 1);
        assertThat(out).contains("rules/limits.drl.csv: a decision table or spreadsheet",
                "rules/limits.xlsx: a decision table or spreadsheet",
                "rules/Shouting.DRL: ignored: the engine compiles only files ending in lower-case .drl",
                "warning: " + rules + "/old.drl.bak: ignored by the engine",
                "warning: " + rules + "/reference/regions.csv: no rule reads this file");
    }

    @Test
    void warningsAloneDoNotFail(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("reference/regions.csv"), "code,name\n");
        assertThat(run(rules, 0)).contains("warning: ", "OK: ");
    }

    @Test
    void itIsFast() {
        long start = System.nanoTime();
        run(Path.of("rules"), 0);
        // JVM start excluded; the B6 bar (6 s with JVM start) leaves room
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
    }
}
