package io.dealsync.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The report's charts: per-file outcomes, counts by code or field, and the index's trend over runs. */
final class Charts {
    static final int MAX_ROWS = 40;
    static final int MAX_TREND_RUNS = 30;
    static final String[][] OUTCOMES = {
        {"created", "#2e7d32"}, {"updated", "#1565c0"}, {"unchanged", "#9e9e9e"},
        {"rejected", "#c62828"}, {"skipped", "#f9a825"}};
    static final String READ = "#90a4ae";
    static final String STORED = "#2e7d32";
    static final String REJECT_RATE = "#c62828";

    private Charts() {
    }

    /** A stacked bar per file (the first {@link #MAX_ROWS}): what its records became. */
    static Svg fileOutcomes(List<FileLedger> files) {
        List<FileLedger> shown = files.size() > MAX_ROWS ? files.subList(0, MAX_ROWS) : files;
        long max = Math.max(1, shown.stream().mapToLong(f -> f.getCreated() + f.getUpdated() + f.getUnchanged()
                + f.getRejected() + f.getSkipped()).max().orElse(1));
        int label = 260;
        int area = 480;
        int row = 24;
        Svg svg = new Svg(label + area + 90, shown.size() * row + 34, "Outcome of the records of each file");
        int y = 4;
        for (FileLedger f : shown) {
            svg.text(label - 8, y + 15, shorten(f.getName(), 32), "end", null, f.getName());
            double x = label;
            long[] values = {f.getCreated(), f.getUpdated(), f.getUnchanged(), f.getRejected(), f.getSkipped()};
            for (int i = 0; i < values.length; i++) {
                if (values[i] > 0) {
                    double w = Math.max(1.0, area * (double) values[i] / max);
                    svg.rect(x, y + 2, w, row - 6, OUTCOMES[i][1],
                            f.getName() + ": " + ReportWriter.count(values[i]) + " " + OUTCOMES[i][0]);
                    x += w;
                }
            }
            svg.text(x + 6, y + 15, f.getStatus() == FileLedger.Status.done
                    ? ReportWriter.count(f.getRead()) + " read" : f.getStatus().name(), "start");
            y += row;
        }
        int lx = label;
        for (String[] s : OUTCOMES) {
            svg.rect(lx, y + 10, 12, 12, s[1], null).text(lx + 16, y + 21, s[0], "start");
            lx += 92;
        }
        return svg;
    }

    /** A bar per key, largest first (the first {@link #MAX_ROWS}). */
    static Svg counts(Map<String, Long> counts, String colour, String label) {
        List<Map.Entry<String, Long>> rows = sorted(counts);
        if (rows.size() > MAX_ROWS) {
            rows = rows.subList(0, MAX_ROWS);
        }
        long max = Math.max(1, rows.isEmpty() ? 1 : rows.get(0).getValue());
        int left = 260;
        int area = 420;
        int row = 22;
        Svg svg = new Svg(left + area + 90, rows.size() * row + 8, label);
        int y = 4;
        for (Map.Entry<String, Long> e : rows) {
            double w = Math.max(1.0, area * (double) e.getValue() / max);
            svg.text(left - 8, y + 14, shorten(e.getKey(), 28), "end", null, e.getKey())
                    .rect(left, y + 2, w, row - 6, colour, e.getKey() + ": " + ReportWriter.count(e.getValue()))
                    .text(left + w + 6, y + 14, ReportWriter.count(e.getValue()), "start");
            y += row;
        }
        return svg;
    }

    /**
     * The trend over the last {@link #MAX_TREND_RUNS} runs, oldest left: records read and created + updated as bars
     * (left axis), the reject rate as a line (right axis, percent).
     */
    static Svg trend(List<RunSummary> newestFirst) {
        List<RunSummary> runs = new ArrayList<>(newestFirst.subList(0, Math.min(MAX_TREND_RUNS, newestFirst.size())));
        java.util.Collections.reverse(runs);
        int left = 64;
        int right = 56;
        int top = 16;
        int plot = 200;
        int width = 1180;
        Svg svg = new Svg(width, top + plot + 64, "Records read, created + updated, and reject rate per run");
        long max = niceCeiling(runs.stream().mapToLong(RunSummary::read).max().orElse(0));
        int ticks = Long.toString(max).startsWith("2") ? 4 : 5; // round numbers on the left axis
        double maxRate = rateCeiling(runs.stream().mapToDouble(RunSummary::rejectRate).max().orElse(0), ticks);
        double plotW = width - left - right;
        double base = top + plot;
        for (int i = 0; i <= ticks; i++) { // grid and both axes' ticks
            double y = base - plot * i / (double) ticks;
            svg.line(List.of(new double[] {left, y}, new double[] {width - right, y}), "#e0e0e0", 1, true)
                    .text(left - 6, y + 4, ReportWriter.count(max * i / ticks), "end", "axis", null)
                    .text(width - right + 6, y + 4, Math.round(maxRate * 100 * i / ticks) + "%", "start", "axis", null);
        }
        double slot = plotW / Math.max(1, runs.size());
        double bar = Math.min(28, slot * 0.36);
        int every = Math.max(1, (int) Math.ceil(runs.size() / 10.0));
        List<double[]> rate = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSummary r = runs.get(i);
            double cx = left + slot * (i + 0.5);
            double hRead = plot * (double) r.read() / max;
            double hStored = plot * (double) r.stored() / max;
            svg.rect(cx - bar, base - hRead, bar, hRead, READ, r.runId() + ": " + ReportWriter.count(r.read()) + " read")
                    .rect(cx, base - hStored, bar, hStored, STORED,
                            r.runId() + ": " + ReportWriter.count(r.stored()) + " created + updated");
            double ry = base - plot * Math.min(1, r.rejectRate() / maxRate);
            rate.add(new double[] {cx, ry});
            svg.dot(cx, ry, REJECT_RATE, r.runId() + ": " + r.rejectRateText() + " rejected");
            if (i % every == 0 || i == runs.size() - 1) {
                svg.text(cx, base + 16, r.when().length() >= 16 ? r.when().substring(5) : r.when(), "middle", "axis", r.runId());
            }
        }
        if (rate.size() > 1) {
            svg.line(rate, REJECT_RATE, 2, false);
        }
        double ly = base + 44;
        svg.rect(left, ly - 10, 12, 12, READ, null).text(left + 16, ly, "records read", "start")
                .rect(left + 130, ly - 10, 12, 12, STORED, null).text(left + 146, ly, "created + updated", "start")
                .line(List.of(new double[] {left + 290, ly - 4}, new double[] {left + 312, ly - 4}), REJECT_RATE, 2, false)
                .text(left + 318, ly, "reject rate (right axis)", "start");
        return svg;
    }

    /** The right axis' top: {@code ticks} steps of 1, 2, 5, 10, 20 or 25 percent, at least {@code rate}. */
    static double rateCeiling(double rate, int ticks) {
        for (int step : new int[] {1, 2, 5, 10, 20, 25}) {
            if (step * ticks >= 100 * rate - 1e-9) {
                return step * ticks / 100.0;
            }
        }
        return 1;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code n} (and at least 10). */
    static long niceCeiling(long n) {
        long p = 10;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * p >= n) {
                    return m * p;
                }
            }
            p *= 10;
        }
    }

    static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return rows;
    }

    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
