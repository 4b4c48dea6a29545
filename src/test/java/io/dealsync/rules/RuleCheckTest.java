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

    private static String runWithSmoke(Path rules, int expectedRc) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = RuleCheck.run(rules, new PrintStream(buf, true, StandardCharsets.UTF_8), io.dealsync.rulecases.TemplateSmoke::run);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(out).isEqualTo(expectedRc);
        return out;
    }


    @Test
    void aColumnNameThatIsNoColumnIsFoundInEveryForm(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("typo.drl"), """
                package dealsync.rules;

                import io.dealsync.model.Deal;
                import io.dealsync.rules.Settings;

                rule "Analyst: a big deal keeps its location"
                when
                    Settings( $max : number("big.deal.max"), $note : text("big.deal.note") )
                    $d : Deal( amount("Estimated Deal Vaule") != null, changed("Locaton"), !$d.getStored().blank("Notes") )
                then
                    $d.violates("INVALID_VALUE", "Estimated Deal Vaule", "too big");
                end

                rule "Analyst: details of a big deal"
                when
                    $d : Deal()
                    $column : String( $d.blank(this) ) from [ "Notes", "Deal Nme" ]
                then
                    $d.violates("REQUIRED_FIELD", $column);
                end

                rule "Analyst: dates of a big deal"
                when
                    $d : Deal()
                    $column : String() from $d.invalidDatesAmong([ "Received Date", "Closing Date" ])
                then
                    $d.violates("INVALID_VALUE", $column);
                end
                """);
        String out = runWithSmoke(rules, 1);
        String f = rules + "/typo.drl:";
        assertThat(out).contains(
                f + "9:23: \"Estimated Deal Vaule\" is not a column (did you mean \"Estimated Deal Value\"?)",
                f + "9:64: \"Locaton\" is not a column (did you mean \"Location\"?)",
                f + "11:34: \"Estimated Deal Vaule\" is not a column (did you mean \"Estimated Deal Value\"?)",
                f + "17:56: \"Deal Nme\" is not a column (did you mean \"Deal Name\"?)",
                f + "25:69: \"Closing Date\" is not a column");
        // a setting's key is no column; each problem once; the smoke run does not repeat what was said
        assertThat(out).doesNotContain("big.deal.max", "big.deal.note", "fails when run");
        assertThat(out.lines().filter(l -> l.contains("is not a column")).count()).isEqualTo(5);
        // the engine refuses these rules too, before any night
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleBook.compile(rules))
                .isInstanceOf(RulesException.class).hasMessageContaining("\"Locaton\" is not a column");
    }

    @Test
    void theSmokeRunFindsARuleThatFailsOnTheTemplates(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("big.drl"), RuleFixtures.COLUMN_FROM_SETTING);
        Files.writeString(rules.resolve("reference/settings.properties"), "big.deal.column=Estimated Deal Vaule\n",
                StandardOpenOption.APPEND);
        String out = runWithSmoke(rules, 1);
        assertThat(out).containsOnlyOnce(rules + "/big.drl:6: the rule \"Analyst: big deals\" fails when run on the"
                + " template \"accepted\": \"Estimated Deal Vaule\" is not a column (did you mean \"Estimated Deal Value\"?)");
        assertThat(out).contains("FAILED: 1 error(s)");
    }

    @Test
    void aCommaInAReasonCodeMessageIsALineWithTooManyCells(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("reference/reason-codes.csv"),
                "BIG_DEAL,WARNING,{field} is over 10,000,000: check it\n", StandardOpenOption.APPEND);
        String out = run(rules, 1);
        assertThat(out).contains(rules + "/reference/reason-codes.csv:30: this line has 5 cells, the table has 3"
                + " (code, severity, message): a text holding a comma goes in double quotes");
    }

    @Test
    void aMessagePlaceholderThatIsNoSetting(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Files.writeString(rules.resolve("reference/reason-codes.csv"),
                "BIG_DEAL,WARNING,{field} is over {big.deal.limit}\n", StandardOpenOption.APPEND);
        assertThat(run(rules, 1)).contains("the message of BIG_DEAL uses {big.deal.limit}, which is neither");
    }

    @Test
    void drools_ownWordsDoNotReachTheAnalyst(@TempDir Path tmp) throws IOException {
        Path rules = RuleCasesTest.copyRules(tmp);
        Path expiry = rules.resolve("expiry.drl");
        Files.writeString(expiry, Files.readString(expiry).replace("substatus in (\"Accepted\", \"Declined\") )",
                "substatuss in (\"Accepted\", \"Declined\") )"));
        Files.writeString(rules.resolve("syntax.drl"), """
                package dealsync.rules;
                import io.dealsync.model.Deal;
                rule "Analyst: half written"
                when
                    $d : Deal( substatus in ("Accepted", "Declined" )
                then
                    $d.violates("REQUIRED_FIELD", "Notes");
                end
                """);
        Files.writeString(rules.resolve("typo-fact.drl"), """
                package dealsync.rules;
                import io.dealsync.model.Deal;
                rule "Analyst: misspelt fact"
                when
                    $d : Dael( blank("Notes") )
                then
                    $d.violates("REQUIRED_FIELD", "Notes");
                end
                """);
        String out = run(rules, 1);
        assertThat(out).contains(
                rules + "/expiry.drl:11:46: Deal has no property \"substatuss\" (did you mean \"substatus\"?)",
                rules + "/expiry.drl:19:54: Deal has no property \"substatuss\" (did you mean \"substatus\"?)",
                rules + "/syntax.drl:6:1: unexpected 'then' in rule \"Analyst: half written\"",
                rules + "/typo-fact.drl:5:10: there is no fact \"Dael\" (did you mean \"Deal\"?)");
        assertThat(out).doesNotContain("Unable to Analyse", "strict-mode", "mismatched input", "Parser returned a null Package",
                "cannot be resolved", "[Near");
        assertThat(out.lines().toList()).doesNotHaveDuplicates();
    }

    @Test
    void pathsAreShownRelativeToTheProject() {
        assertThat(RuleBook.display(Path.of("rules").toAbsolutePath())).isEqualTo("rules/");
        assertThat(RuleBook.display(Path.of("rules"))).isEqualTo("rules/");
    }

    @Test
    void theShippedRulesAreOk() {
        String out = runWithSmoke(Path.of("rules"), 0);
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
