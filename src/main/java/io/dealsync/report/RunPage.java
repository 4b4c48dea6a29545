package io.dealsync.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code report/run.jte} shows of one run: the ledger's values, formatted, plus the charts' geometry. Text
 * that comes from outside (file names, sources, columns, errors, codes) is only cleaned of control characters
 * here; the template escapes it.
 */
public final class RunPage {
    /** A count in the totals row. */
    public record Tile(String label, String value, String css) {
    }

    /** A code with its count, for a folded list. */
    public record Code(String code, String count) {
    }

    /** A reviewer file of a file: rejects or warnings. */
    public record Link(String label, String href, String path) {
    }

    /** A line of the per-file table. */
    public record FileRow(String name, String sha, String source, String status, String repeatOf, String error,
            List<String> counts, boolean reconciled, String time, List<Link> links, List<Code> codes) {
    }

    /** A line of a code table: code, meaning, count and share of the records. */
    public record CodeRow(String code, String meaning, String count, String share) {
    }

    /** A file with the columns the reader ignored. */
    public record Unknown(String file, List<String> columns) {
    }

    private final RunLedger run;
    private final Map<String, String> meanings;
    private final Path reportsDir;
    private final Path baseDir;
    private final FileLedger totals;

    RunPage(RunLedger run, Map<String, String> meanings, Path reportsDir, Path baseDir) {
        this.run = run;
        this.meanings = meanings;
        this.reportsDir = reportsDir;
        this.baseDir = baseDir;
        this.totals = run.totals();
    }

    public String runId() { return clean(run.getRunId()); }
    public String asOf() { return String.valueOf(run.getAsOf()); }
    public String mode() { return clean(run.getMode()); }
    public String started() { return instant(run.getStartedAt()); }
    public String finished() { return run.getFinishedAt() == null ? "(not finished)" : instant(run.getFinishedAt()); }
    public String duration() { return ReportWriter.duration(ReportWriter.durationMs(run)); }
    public String rulesFingerprint() { return clean(run.getRulesFingerprint()); }
    public String generated() { return instant(Instant.now()); }
    public String index() { return RunIndex.INDEX; }
    public boolean reconciled() { return run.isReconciled(); }

    public long failedFiles() {
        return run.getFiles().stream().filter(f -> f.getStatus() == FileLedger.Status.failed).count();
    }

    public List<Tile> tiles() {
        return List.of(tile("read", totals.getRead(), ""), tile("created", totals.getCreated(), "c-created"),
                tile("updated", totals.getUpdated(), "c-updated"), tile("unchanged", totals.getUnchanged(), "c-unchanged"),
                tile("rejected", totals.getRejected(), "c-rejected"), tile("skipped", totals.getSkipped(), "c-skipped"),
                tile("warnings", totals.getWarnings(), ""), tile("expired in files", totals.getExpired(), ""),
                tile("expired by sweep", run.getExpiredBySweep(), ""), tile("notifications", run.getNotifications(), ""),
                tile("files", run.getFiles().size(), ""), tile("repeats", run.repeats(), ""));
    }

    public boolean hasFiles() { return !run.getFiles().isEmpty(); }
    public Svg fileChart() { return Charts.fileOutcomes(run.getFiles()); }
    public int fileCount() { return run.getFiles().size(); }
    public int chartRows() { return Math.min(Charts.MAX_ROWS, run.getFiles().size()); }

    public List<FileRow> files() {
        List<FileRow> rows = new ArrayList<>();
        for (FileLedger f : run.getFiles()) {
            List<String> counts = new ArrayList<>();
            for (long n : new long[] {f.getRead(), f.getCreated(), f.getUpdated(), f.getUnchanged(), f.getRejected(),
                    f.getSkipped(), f.getWarnings(), f.getExpired()}) {
                counts.add(ReportWriter.count(n));
            }
            List<Link> links = new ArrayList<>();
            link(links, "rejects", f.getRejectFile());
            link(links, "workbook", f.getRejectWorkbook());
            link(links, "warnings", f.getWarningFile());
            List<Code> codes = Charts.sorted(f.getRejectsByCode()).stream()
                    .map(e -> new Code(clean(e.getKey()), ReportWriter.count(e.getValue()))).toList();
            String sha = f.getSha256() == null ? "" : Charts.shorten(f.getSha256(), 16);
            rows.add(new FileRow(clean(f.getName()), sha,
                    f.getSource() == null || f.getSource().isEmpty() ? "(inbox)" : clean(f.getSource()),
                    f.getStatus().name(), f.getStatus() == FileLedger.Status.repeat ? clean(f.getRepeatOf()) : null,
                    f.getError() == null || f.getError().isEmpty() ? null : clean(f.getError()), counts,
                    f.isReconciled(), ReportWriter.duration(f.getDurationMs()), links, codes));
        }
        return rows;
    }

    public Map<String, Long> rejectsByCode() { return run.rejectsByCode(); }
    public Map<String, Long> rejectsByField() { return run.rejectsByField(); }
    public Map<String, Long> warningsByCode() { return run.warningsByCode(); }
    public Svg codeChart() { return Charts.counts(run.rejectsByCode(), "#c62828", "Rejects by reason code"); }
    public Svg fieldChart() { return Charts.counts(run.rejectsByField(), "#ef6c00", "Rejects by field"); }
    public List<CodeRow> rejectCodes() { return codeRows(run.rejectsByCode(), totals.getRejected()); }
    public List<CodeRow> warningCodes() { return codeRows(run.warningsByCode(), totals.getWarnings()); }
    public int maxChartRows() { return Charts.MAX_ROWS; }

    public List<Unknown> unknownColumns() {
        return run.getFiles().stream().filter(f -> !f.getUnknownColumns().isEmpty())
                .map(f -> new Unknown(clean(f.getName()), f.getUnknownColumns().stream().map(RunPage::clean).toList()))
                .toList();
    }

    public List<String> ignoredFiles() { return run.getIgnoredFiles().stream().map(RunPage::clean).toList(); }
    public List<String> unknownSources() { return run.getUnknownSources().stream().map(RunPage::clean).toList(); }

    private List<CodeRow> codeRows(Map<String, Long> counts, long records) {
        return Charts.sorted(counts).stream().map(e -> new CodeRow(clean(e.getKey()),
                clean(meanings.getOrDefault(e.getKey(), "")), ReportWriter.count(e.getValue()),
                records > 0 ? String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / records) : "")).toList();
    }

    private void link(List<Link> links, String label, String ledgerPath) {
        if (ledgerPath == null || ledgerPath.isBlank()) {
            return;
        }
        String href;
        try {
            href = ReportWriter.href(ledgerPath, reportsDir, baseDir);
        } catch (RuntimeException e) {
            href = null;
        }
        links.add(new Link(label, href, clean(ledgerPath)));
    }

    private static Tile tile(String label, long n, String css) {
        return new Tile(label, ReportWriter.count(n), css);
    }

    private static String instant(Instant i) {
        return i == null ? "" : i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Control characters (other than tab and newline) as U+FFFD: they have no business in a page. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 && c != '\n' && c != '\t';
            if (bad && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(bad ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }
}
