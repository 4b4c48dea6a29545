package io.dealsync.cli;

import io.dealsync.rulecases.RuleCases;
import io.dealsync.rulecases.TemplateSmoke;
import io.dealsync.rules.RuleCheck;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "rules", description = "For analysts: check and test the rules in rules/.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand {
    @ParentCommand
    DealsyncCommand parent;

    @Command(name = "check", description = {"Compile every DRL and reference table, check every column name a rule uses, and run the rules",
            "over the shipped templates; print file:line:column: message for each problem (exit 2)."})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        RulesCommand rules;

        @Override
        public Integer call() {
            int rc = RuleCheck.run(rules.parent.settings(Map.of()).path("dealsync.rules"), System.out, TemplateSmoke::run);
            return rc == 0 ? 0 : DealsyncCommand.RULES_BROKEN;
        }
    }

    @Command(name = "test", description = "Run the analysts' test cases in rules/tests/ and print pass/fail per case.")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        RulesCommand rules;

        @Override
        public Integer call() {
            int rc = RuleCases.run(rules.parent.settings(Map.of()).path("dealsync.rules"), System.out);
            return rc == 0 ? 0 : 1;
        }
    }
}
