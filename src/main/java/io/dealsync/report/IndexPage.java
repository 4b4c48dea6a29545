package io.dealsync.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What {@code report/index.jte} shows: every run, newest first, and the trend of the last ones. */
public final class IndexPage {
    private final List<RunSummary> runs;

    IndexPage(List<RunSummary> newestFirst) {
        this.runs = newestFirst;
    }

    public List<RunSummary> runs() { return runs; }
    public boolean empty() { return runs.isEmpty(); }
    public RunSummary latest() { return runs.isEmpty() ? null : runs.get(0); }
    public Svg trend() { return Charts.trend(runs); }
    public int trendRuns() { return Math.min(Charts.MAX_TREND_RUNS, runs.size()); }
    public long notOk() { return runs.stream().filter(r -> !r.ok()).count(); }
    public String generated() { return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(); }
    public String count(long n) { return ReportWriter.count(n); }
}
