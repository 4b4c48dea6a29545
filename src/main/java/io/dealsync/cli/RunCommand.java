package io.dealsync.cli;

import io.dealsync.app.CamelApp;
import io.dealsync.app.RunService;
import io.dealsync.intake.Progress;
import io.dealsync.report.ReportSummary;
import io.dealsync.report.RunLedger;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--as-of", description = "The run's date (yyyy-mm-dd); default today.")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        return DealsyncCommand.withEngine(parent.settingsAsOf(asOf), engine -> {
            RunService runs = new RunService(engine, once ? "once" : "daemon", Progress.forConsole());
            new CamelApp(engine, once, runs).run();
            if (runs.databaseDown()) {
                System.err.println("dealsync: " + runs.fatalError());
                System.err.println("The file in hand stays in the inbox; nothing of its unfinished batch was applied.");
                return DealsyncCommand.DATABASE_DOWN;
            }
            RunLedger last = runs.lastRun();
            if (once && last != null) {
                ReportSummary.print(last, System.out);
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
