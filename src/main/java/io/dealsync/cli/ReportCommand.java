package io.dealsync.cli;

import io.dealsync.report.ReportSummary;
import io.dealsync.report.RunIndex;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", description = {"Print a run's summary (the last run by default).",
        "With --list: every run the reports folder holds, newest first (reports/index.html shows the same with a trend)."})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Option(names = "--list", description = "List the runs: id, start, mode, files, records read, rejected, status.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "RUN-ID")
    String runId;

    @Override
    public Integer call() {
        Path reports = parent.settings(Map.of()).path("dealsync.reports");
        if (list) {
            return RunIndex.print(reports, System.out);
        }
        return ReportSummary.print(reports, runId, System.out);
    }
}
