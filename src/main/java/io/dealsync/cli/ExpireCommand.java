package io.dealsync.cli;

import io.dealsync.app.Engine;
import io.dealsync.app.RunService;
import io.dealsync.intake.Progress;
import io.dealsync.rules.RulesException;
import io.dealsync.store.DatabaseUnavailableException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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
    public Integer call() {
        Map<String, String> more = new HashMap<>();
        if (asOf != null) {
            more.put("dealsync.as-of", asOf.toString());
        }
        try (Engine engine = Engine.start(parent.settings(more))) {
            RunService runs = new RunService(engine, "expire", Progress.none());
            long n = runs.sweep();
            runs.finishRun();
            System.out.println("Expired " + n + " deal(s) as of " + engine.settings().asOf()
                    + "; notifications are delivered by the next run.");
            return 0;
        } catch (RulesException e) {
            System.err.println(e.getMessage());
            return DealsyncCommand.RULES_BROKEN;
        } catch (DatabaseUnavailableException e) {
            System.err.println("dealsync: " + e.getMessage());
            return DealsyncCommand.DATABASE_DOWN;
        }
    }
}
