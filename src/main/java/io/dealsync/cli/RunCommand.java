package io.dealsync.cli;

import io.dealsync.app.CamelApp;
import io.dealsync.app.RunService;
import io.dealsync.intake.Progress;
import io.dealsync.report.ReportSummary;
import io.dealsync.report.RunLedger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", description = {"Process the inbox.",
        "With --once: every file, then the expiry sweep, notifications and the run report; then exit (the nightly job).",
        "Without: stay up, take files as they land, sweep on schedule, reload changed rules; stop on SIGTERM."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Option(names = "--once", description = "Drain the inbox once and exit.")
    boolean once;

    @Mixin
    AsOfOptions asOf;

    @Override
    public Integer call() throws Exception {
        io.dealsync.config.EngineSettings settings = asOf.settings(parent);
        io.dealsync.app.DemoSamples.seedIfFresh(settings);
        return DealsyncCommand.withEngineRulesCompiling(settings, engine -> {
            RunService runs = new RunService(engine, once ? "once" : "daemon", Progress.forConsole(settings.get("dealsync.progress")));
            new CamelApp(engine, once, runs).run();
            if (runs.databaseDown()) {
                System.err.println("dealsync: " + runs.fatalError());
                System.err.println("The file in hand stays in the inbox; nothing of its unfinished batch was applied.");
                return DealsyncCommand.DATABASE_DOWN;
            }
            RunLedger last = runs.lastRun();
            if (once && last != null) {
                ReportSummary.print(last, System.out);
                if (runs.rulesFailed()) {
                    System.err.println("dealsync: a rule failed while judging a file (see its .reason.txt in .failed/)."
                            + " Fix the rules (./dealsync rules check) and put the file back in the inbox.");
                    return DealsyncCommand.RULES_BROKEN;
                }
                if (last.hasFailures() && runs.fatalError() == null) {
                    return DealsyncCommand.FILE_FAILED;
                }
            }
            if (runs.fatalError() != null) {
                System.err.println("dealsync: " + runs.fatalError()); // e.g. a folder that cannot be written
                return DealsyncCommand.FILE_FAILED;
            }
            return 0;
        });
    }
}
