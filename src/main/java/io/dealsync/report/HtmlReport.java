package io.dealsync.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML run report: one self-contained page (inline CSS, inline SVG charts, no script, no external
 * asset; a Content-Security-Policy forbids loading any), readable offline the morning after. Every piece
 * of text that comes from outside (file names, sources, columns, errors, codes) is escaped.
 */
final class HtmlReport {

    private static final String[][] SEGMENTS = {
        {"created", "#2e7d32"}, {"updated", "#1565c0"}, {"unchanged", "#9e9e9e"},
        {"rejected", "#c62828"}, {"skipped", "#f9a825"}};
    private static final int MAX_CHART_ROWS = 40;

    private HtmlReport() {
    }

    static String render(RunLedger run, Map<String, String> codeMeanings, Path reportsDir, Path baseDir) {
        List<FileLedger> files = run.getFiles();
        FileLedger t = run.totals();
        boolean ok = run.isReconciled();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>dealsync run ").append(esc(run.getRunId())).append("</title>\n")
                .append("<style>").append(CSS).append("</style></head><body>\n");

        // Header
        h.append("<header><h1>dealsync run <code>").append(esc(run.getRunId())).append("</code></h1>\n<dl class=\"meta\">");
        meta(h, "As of", String.valueOf(run.getAsOf()));
        meta(h, "Mode", run.getMode());
        meta(h, "Started", instant(run.getStartedAt()));
        meta(h, "Finished", run.getFinishedAt() == null ? "(not finished)" : instant(run.getFinishedAt()));
        meta(h, "Duration", ReportWriter.duration(ReportWriter.durationMs(run)));
        meta(h, "Rules fingerprint", run.getRulesFingerprint());
        h.append("</dl></header>\n");
        if (ok) {
            h.append("<div class=\"banner ok\">&#10004; All records accounted for: read = created + updated"
                    + " + unchanged + rejected + skipped, in every file and in total.</div>\n");
        } else {
            h.append("<div class=\"banner bad\">&#10008; Counts do not reconcile: some records are not accounted"
                    + " for (see the files marked below).</div>\n");
        }
        if (run.hasFailures()) {
            long failed = files.stream().filter(f -> f.getStatus() == FileLedger.Status.failed).count();
            h.append("<div class=\"banner warn\">").append(failed)
                    .append(failed == 1 ? " file" : " files").append(" could not be processed (see below).</div>\n");
        }

        // Totals
        h.append("<section><h2>Totals</h2><div class=\"totals\">");
        big(h, "read", t.getRead(), "");
        big(h, "created", t.getCreated(), "c-created");
        big(h, "updated", t.getUpdated(), "c-updated");
        big(h, "unchanged", t.getUnchanged(), "c-unchanged");
        big(h, "rejected", t.getRejected(), "c-rejected");
        big(h, "skipped", t.getSkipped(), "c-skipped");
        big(h, "warnings", t.getWarnings(), "");
        big(h, "expired in files", t.getExpired(), "");
        big(h, "expired by sweep", run.getExpiredBySweep(), "");
        big(h, "notifications", run.getNotifications(), "");
        big(h, "files", files.size(), "");
        big(h, "repeats", run.repeats(), "");
        h.append("</div></section>\n");

        // Files
        h.append("<section><h2>Files</h2>\n");
        if (files.isEmpty()) {
            h.append("<p class=\"none\">No files in this run.</p>");
        } else {
            fileChart(h, files);
            fileTable(h, files, reportsDir, baseDir);
        }
        h.append("</section>\n");

        // Rejects and warnings
        h.append("<section><h2>Rejects by reason code</h2>\n");
        Map<String, Long> byCode = run.rejectsByCode();
        if (byCode.isEmpty()) {
            h.append("<p class=\"none\">No rejects.</p>");
        } else {
            barChart(h, byCode, "#c62828", "Rejects by reason code");
            codeTable(h, byCode, codeMeanings, t.getRejected(), "rejects");
        }
        h.append("</section>\n<section><h2>Rejects by field</h2>\n");
        Map<String, Long> byField = run.rejectsByField();
        if (byField.isEmpty()) {
            h.append("<p class=\"none\">No rejects.</p>");
        } else {
            barChart(h, byField, "#ef6c00", "Rejects by field");
        }
        h.append("</section>\n<section><h2>Warnings by code</h2>\n");
        Map<String, Long> warnings = run.warningsByCode();
        if (warnings.isEmpty()) {
            h.append("<p class=\"none\">No warnings.</p>");
        } else {
            codeTable(h, warnings, codeMeanings, t.getWarnings(), "warnings");
        }
        h.append("</section>\n");

        // Housekeeping
        h.append("<section><h2>Unknown columns</h2>\n");
        List<FileLedger> withUnknown = files.stream().filter(f -> !f.getUnknownColumns().isEmpty()).toList();
        if (withUnknown.isEmpty()) {
            h.append("<p class=\"none\">None: every column was recognised.</p>");
        } else {
            h.append("<table><thead><tr><th>File</th><th>Columns ignored</th></tr></thead><tbody>");
            for (FileLedger f : withUnknown) {
                h.append("<tr><td>").append(esc(f.getName())).append("</td><td>");
                List<String> cols = f.getUnknownColumns();
                for (int i = 0; i < cols.size(); i++) {
                    h.append(i > 0 ? ", " : "").append("<code>").append(esc(cols.get(i))).append("</code>");
                }
                h.append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");
        list(h, "Ignored files", run.getIgnoredFiles(),
                "None.", "Left in the inbox: not a .csv, .xlsx, .json, .ndjson or .jsonl file.");
        list(h, "Unknown sources", run.getUnknownSources(),
                "None.", "Inbox folders with no source profile: their files were not read.");

        h.append("<footer>Generated ").append(esc(instant(Instant.now())))
                .append(". This report carries ids, reason codes and counts only.</footer>\n</body></html>\n");
        return h.toString();
    }

    private static void fileChart(StringBuilder h, List<FileLedger> files) {
        List<FileLedger> shown = files.size() > MAX_CHART_ROWS ? files.subList(0, MAX_CHART_ROWS) : files;
        long max = Math.max(1, shown.stream().mapToLong(f -> segmentTotal(f)).max().orElse(1));
        int label = 230;
        int area = 480;
        int row = 24;
        int height = shown.size() * row + 34;
        h.append("<svg class=\"chart\" role=\"img\" aria-label=\"Outcome of the records of each file\" viewBox=\"0 0 ")
                .append(label + area + 90).append(' ').append(height).append("\" width=\"").append(label + area + 90)
                .append("\" height=\"").append(height).append("\">");
        int y = 4;
        for (FileLedger f : shown) {
            h.append("<text x=\"").append(label - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(esc(shorten(f.getName(), 34))).append("<title>")
                    .append(esc(f.getName())).append("</title></text>");
            double x = label;
            long[] values = {f.getCreated(), f.getUpdated(), f.getUnchanged(), f.getRejected(), f.getSkipped()};
            for (int i = 0; i < values.length; i++) {
                if (values[i] <= 0) {
                    continue;
                }
                double w = Math.max(1.0, area * (double) values[i] / max);
                h.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 2).append("\" width=\"")
                        .append(fmt(w)).append("\" height=\"").append(row - 6).append("\" fill=\"")
                        .append(SEGMENTS[i][1]).append("\"><title>").append(esc(f.getName())).append(": ")
                        .append(ReportWriter.count(values[i])).append(' ').append(SEGMENTS[i][0])
                        .append("</title></rect>");
                x += w;
            }
            h.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 15).append("\">")
                    .append(f.getStatus() == FileLedger.Status.done ? ReportWriter.count(f.getRead()) + " read"
                            : f.getStatus().name())
                    .append("</text>");
            y += row;
        }
        int lx = label;
        for (String[] s : SEGMENTS) {
            h.append("<rect x=\"").append(lx).append("\" y=\"").append(y + 10).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(s[1]).append("\"/><text x=\"").append(lx + 16).append("\" y=\"").append(y + 21)
                    .append("\">").append(s[0]).append("</text>");
            lx += 92;
        }
        h.append("</svg>\n");
        if (shown.size() < files.size()) {
            h.append("<p class=\"note\">Chart shows the first ").append(shown.size()).append(" of ")
                    .append(files.size()).append(" files; the table lists all.</p>\n");
        }
    }

    private static long segmentTotal(FileLedger f) {
        return f.getCreated() + f.getUpdated() + f.getUnchanged() + f.getRejected() + f.getSkipped();
    }

    private static void fileTable(StringBuilder h, List<FileLedger> files, Path reportsDir, Path baseDir) {
        h.append("<table class=\"files\"><thead><tr><th>File</th><th>Source</th><th>Status</th>"
                + "<th class=\"n\">Read</th><th class=\"n\">Created</th><th class=\"n\">Updated</th>"
                + "<th class=\"n\">Unchanged</th><th class=\"n\">Rejected</th><th class=\"n\">Skipped</th>"
                + "<th class=\"n\">Warnings</th><th class=\"n\">Expired</th><th>Reconciled</th>"
                + "<th class=\"n\">Time</th><th>Reviewer files</th></tr></thead><tbody>\n");
        for (FileLedger f : files) {
            h.append("<tr").append(f.isReconciled() ? "" : " class=\"unreconciled\"").append("><td><code>")
                    .append(esc(f.getName())).append("</code>");
            if (f.getSha256() != null && !f.getSha256().isEmpty()) {
                h.append("<div class=\"sha\" title=\"SHA-256\">").append(esc(shorten(f.getSha256(), 16))).append("</div>");
            }
            h.append("</td><td>").append(esc(f.getSource() == null || f.getSource().isEmpty() ? "(inbox)" : f.getSource()))
                    .append("</td><td class=\"st-").append(f.getStatus().name()).append("\">").append(f.getStatus().name());
            if (f.getStatus() == FileLedger.Status.repeat && f.getRepeatOf() != null) {
                h.append("<div class=\"detail\">repeat of <code>").append(esc(f.getRepeatOf())).append("</code></div>");
            }
            if (f.getError() != null && !f.getError().isEmpty()) {
                h.append("<div class=\"detail\">").append(esc(f.getError())).append("</div>");
            }
            h.append("</td>");
            for (long n : new long[] {f.getRead(), f.getCreated(), f.getUpdated(), f.getUnchanged(), f.getRejected(),
                    f.getSkipped(), f.getWarnings(), f.getExpired()}) {
                h.append("<td class=\"n\">").append(ReportWriter.count(n)).append("</td>");
            }
            h.append("<td>").append(f.isReconciled() ? "&#10004;" : "&#10008; no").append("</td><td class=\"n\">")
                    .append(ReportWriter.duration(f.getDurationMs())).append("</td><td>");
            link(h, "rejects", f.getRejectFile(), reportsDir, baseDir);
            link(h, "workbook", f.getRejectWorkbook(), reportsDir, baseDir);
            link(h, "warnings", f.getWarningFile(), reportsDir, baseDir);
            if (!f.getRejectsByCode().isEmpty()) {
                h.append("<div class=\"detail\">");
                boolean first = true;
                for (Map.Entry<String, Long> e : sorted(f.getRejectsByCode())) {
                    h.append(first ? "" : ", ").append("<code>").append(esc(e.getKey())).append("</code>&nbsp;")
                            .append(ReportWriter.count(e.getValue()));
                    first = false;
                }
                h.append("</div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void link(StringBuilder h, String label, String ledgerPath, Path reportsDir, Path baseDir) {
        if (ledgerPath == null || ledgerPath.isBlank()) {
            return;
        }
        String href;
        try {
            href = ReportWriter.href(ledgerPath, reportsDir, baseDir);
        } catch (RuntimeException e) {
            href = null;
        }
        h.append("<div>");
        if (href != null) {
            h.append("<a href=\"").append(esc(href)).append("\">").append(label).append("</a> ");
        } else {
            h.append(label).append(": ");
        }
        h.append("<code class=\"path\">").append(esc(ledgerPath)).append("</code></div>");
    }

    private static void barChart(StringBuilder h, Map<String, Long> counts, String colour, String label) {
        List<Map.Entry<String, Long>> rows = sorted(counts);
        boolean cut = rows.size() > MAX_CHART_ROWS;
        if (cut) {
            rows = rows.subList(0, MAX_CHART_ROWS);
        }
        long max = Math.max(1, rows.get(0).getValue());
        int left = 230;
        int area = 420;
        int row = 22;
        int height = rows.size() * row + 8;
        h.append("<svg class=\"chart\" role=\"img\" aria-label=\"").append(esc(label)).append("\" viewBox=\"0 0 ")
                .append(left + area + 90).append(' ').append(height).append("\" width=\"").append(left + area + 90)
                .append("\" height=\"").append(height).append("\">");
        int y = 4;
        for (Map.Entry<String, Long> e : rows) {
            double w = Math.max(1.0, area * (double) e.getValue() / max);
            h.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + 14).append("\" text-anchor=\"end\">")
                    .append(esc(shorten(e.getKey(), 34))).append("</text><rect x=\"").append(left).append("\" y=\"")
                    .append(y + 2).append("\" width=\"").append(fmt(w)).append("\" height=\"").append(row - 6)
                    .append("\" fill=\"").append(colour).append("\"><title>").append(esc(e.getKey())).append(": ")
                    .append(ReportWriter.count(e.getValue())).append("</title></rect><text x=\"")
                    .append(fmt(left + w + 6)).append("\" y=\"").append(y + 14).append("\">")
                    .append(ReportWriter.count(e.getValue())).append("</text>");
            y += row;
        }
        h.append("</svg>\n");
        if (cut) {
            h.append("<p class=\"note\">Chart shows the ").append(MAX_CHART_ROWS).append(" largest of ")
                    .append(counts.size()).append(".</p>\n");
        }
    }

    private static void codeTable(StringBuilder h, Map<String, Long> counts, Map<String, String> meanings,
            long records, String what) {
        h.append("<table><thead><tr><th>Code</th><th>Meaning</th><th class=\"n\">Count</th><th class=\"n\">Share of ")
                .append(what).append(" records</th></tr></thead><tbody>");
        for (Map.Entry<String, Long> e : sorted(counts)) {
            String meaning = meanings.get(e.getKey());
            h.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td>")
                    .append(meaning == null ? "" : esc(meaning)).append("</td><td class=\"n\">")
                    .append(ReportWriter.count(e.getValue())).append("</td><td class=\"n\">")
                    .append(records > 0 ? String.format(Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / records) : "")
                    .append("</td></tr>");
        }
        h.append("</tbody></table>\n<p class=\"note\">A record may carry several codes, so shares can add up to"
                + " more than 100%.</p>\n");
    }

    private static void list(StringBuilder h, String title, List<String> items, String none, String note) {
        h.append("<section><h2>").append(esc(title)).append("</h2>\n");
        if (items.isEmpty()) {
            h.append("<p class=\"none\">").append(esc(none)).append("</p>");
        } else {
            h.append("<p class=\"note\">").append(esc(note)).append("</p><ul>");
            for (String s : items) {
                h.append("<li><code>").append(esc(s)).append("</code></li>");
            }
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    private static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return rows;
    }

    private static void meta(StringBuilder h, String k, String v) {
        h.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>");
    }

    private static void big(StringBuilder h, String label, long n, String cls) {
        h.append("<div class=\"big ").append(cls).append("\"><span>").append(ReportWriter.count(n))
                .append("</span><small>").append(esc(label)).append("</small></div>");
    }

    private static String instant(Instant i) {
        return i == null ? "" : i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** HTML text and attribute escaping; null reads as empty. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null && c < 0x20 && c != '\n' && c != '\t') {
                r = "&#xFFFD;";
            }
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;\
            max-width:1280px;padding:16px 24px;color:#212121;background:#fff}
            h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;\
            padding-bottom:4px}
            code{font-family:ui-monospace,Consolas,monospace;font-size:13px}
            dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0}
            dl.meta dt{color:#616161}dl.meta dd{margin:0;word-break:break-all}
            .banner{padding:12px 16px;border-radius:6px;font-weight:600;margin:12px 0;font-size:16px}
            .banner.ok{background:#e8f5e9;color:#1b5e20;border:1px solid #66bb6a}
            .banner.bad{background:#ffebee;color:#b71c1c;border:1px solid #e57373}
            .banner.warn{background:#fff8e1;color:#e65100;border:1px solid #ffb74d}
            .totals{display:flex;flex-wrap:wrap;gap:10px}
            .big{border:1px solid #e0e0e0;border-radius:6px;padding:8px 14px;min-width:110px}
            .big span{display:block;font-size:26px;font-weight:700}.big small{color:#616161}
            .c-created span{color:#2e7d32}.c-updated span{color:#1565c0}.c-unchanged span{color:#757575}
            .c-rejected span{color:#c62828}.c-skipped span{color:#f57f17}
            table{border-collapse:collapse;margin:8px 0;width:100%}
            th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#fafafa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.unreconciled td{background:#ffebee}
            .st-failed{color:#b71c1c;font-weight:600}.st-repeat{color:#6a1b9a}.st-done{color:#1b5e20}
            .detail{font-size:12px;color:#616161;font-weight:normal}.sha{font-size:11px;color:#9e9e9e}
            .path{font-size:11px;color:#616161;word-break:break-all}
            svg.chart{max-width:100%;height:auto;font-size:12px;fill:#212121}
            .none,.note{color:#757575}footer{margin-top:32px;color:#9e9e9e;font-size:12px}
            """;
}
