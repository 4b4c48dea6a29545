package io.dealsync.cli;

import io.dealsync.app.RunService;
import io.dealsync.intake.Progress;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "expire", description = "The expiry sweep alone: Incoming deals still Received past their window become Closed/Expired.")
final class ExpireCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Option(names = "--as-of", description = "The sweep's date (yyyy-mm-dd); default today.")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        return DealsyncCommand.withEngine(parent.settingsAsOf(asOf), engine -> {
            RunService runs = new RunService(engine, "expire", Progress.none());
            long n = runs.sweep();
            runs.finishRun();
            System.out.println("Expired " + n + " deal(s) as of " + engine.settings().asOf()
                    + "; notifications are delivered by the next run.");
            return 0;
        });
    }
}
