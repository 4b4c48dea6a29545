package io.dealsync.cli;

import io.dealsync.report.ReportSummary;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", description = "Print a run's summary (the last run by default).")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Parameters(arity = "0..1", paramLabel = "RUN-ID")
    String runId;

    @Override
    public Integer call() {
        return ReportSummary.print(parent.settings(Map.of()).path("dealsync.reports"), runId, System.out);
    }
}
