package io.dealsync.cli;

import io.dealsync.app.RunService;
import io.dealsync.intake.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "expire", description = "The expiry sweep alone: Incoming deals still Received past their window become Closed/Expired.")
final class ExpireCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Mixin
    AsOfOptions asOf;

    @Override
    public Integer call() throws Exception {
        return DealsyncCommand.withEngine(asOf.settings(parent), false, engine -> {
            RunService runs = new RunService(engine, "expire", Progress.none());
            long n = runs.sweep();
            runs.finishRun();
            System.out.println("Expired " + n + " deal(s) as of " + engine.settings().asOf()
                    + "; notifications are delivered by the next run.");
            return 0;
        });
    }
}
