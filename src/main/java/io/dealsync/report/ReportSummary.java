package io.dealsync.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The terminal summary of a run ({@code dealsync report [RUN-ID]}): read back from the JSON report, so it
 * shows what was recorded at the time, whatever changed since. A few aligned lines: the run, whether the
 * counts reconcile, one line per file and the totals, the top reject codes.
 */
public final class ReportSummary {

    private static final int TOP_CODES = 10;
    private static final String[] COUNTS = {"read", "created", "updated", "unchanged", "rejected", "skipped",
        "warnings"};

    private ReportSummary() {
    }

    /**
     * Prints the summary of run {@code runIdOrNull}, or of the last run ({@code latest.json}, else the
     * newest report) when null or blank.
     *
     * @return 0, or 1 (with a message saying what is missing) when there is no such report or it cannot be read
     */
    public static int print(Path reportsDir, String runIdOrNull, PrintStream out) {
        Path file;
        if (runIdOrNull == null || runIdOrNull.isBlank()) {
            file = latest(reportsDir);
            if (file == null) {
                out.println("No run report in " + reportsDir + ": no run has written one yet.");
                return 1;
            }
        } else {
            file = reportsDir.resolve(ReportWriter.fileStem(runIdOrNull.strip()) + ".json");
            if (!Files.isRegularFile(file)) {
                out.println("No report for run " + runIdOrNull.strip() + " in " + reportsDir + ".");
                return 1;
            }
        }
        JsonNode report;
        try {
            report = ReportWriter.mapper().readTree(file.toFile());
        } catch (IOException e) {
            out.println("Cannot read report " + file + ": " + e.getMessage());
            return 1;
        }
        if (report == null || !report.isObject()) {
            out.println("Cannot read report " + file + ": not a JSON object.");
            return 1;
        }
        print(report, out);
        Path html = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.json$", ".html"));
        if (Files.isRegularFile(html)) {
            out.println("Full report: " + html);
        }
        return 0;
    }

    /** The summary of a run still in memory (e.g. {@code validate}, which writes no report). */
    public static void print(RunLedger run, PrintStream out) {
        print(ReportWriter.toJsonTree(run), out);
    }

    /** The summary of a JSON report tree: header, a line per file, the notes, the top reject codes. */
    public static void print(JsonNode r, PrintStream out) {
        printHeader(r, out);
        List<String> notes = new ArrayList<>();
        printFiles(r, notes, out);
        JsonNode t = r.path("totals");
        out.println("Expired " + ReportWriter.count(t.path("expired").asLong()) + " in files, "
                + ReportWriter.count(t.path("expiredBySweep").asLong()) + " by sweep; notifications "
                + ReportWriter.count(t.path("notifications").asLong()) + "; repeats "
                + ReportWriter.count(t.path("repeats").asLong())
                + (r.path("ignoredFiles").size() > 0 ? "; ignored files " + r.path("ignoredFiles").size() : "")
                + (r.path("unknownSources").size() > 0 ? "; unknown sources " + r.path("unknownSources").size() : ""));
        for (String n : notes) {
            out.println("  " + n);
        }
        printTopCodes(r, out);
    }

    private static void printHeader(JsonNode r, PrintStream out) {
        out.println("Run " + text(r, "runId") + "  as of " + text(r, "asOf")
                + (r.hasNonNull("mode") ? "  (" + text(r, "mode") + ")" : ""));
        out.println("  started " + text(r, "startedAt") + "  finished " + text(r, "finishedAt")
                + (r.hasNonNull("durationMs") ? "  (" + ReportWriter.duration(r.get("durationMs").asLong()) + ")" : ""));
        if (!text(r, "rulesFingerprint").isEmpty()) {
            out.println("  rules " + text(r, "rulesFingerprint"));
        }
        out.println(r.path("reconciled").asBoolean(false)
                ? "OK: all records accounted for (read = created + updated + unchanged + rejected + skipped)"
                : "ERROR: counts do not reconcile (files whose status ends with ! below)");
        out.println();
    }

    /** The table: a row per file and the totals; each file's notes go to {@code notes}. */
    private static void printFiles(JsonNode r, List<String> notes, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(countsRow("FILE", "SOURCE", "STATUS", null));
        for (JsonNode f : r.path("files")) {
            String name = text(f, "name");
            rows.add(countsRow(name, text(f, "source").isEmpty() ? "-" : text(f, "source"),
                    text(f, "status") + (f.path("reconciled").asBoolean(true) ? "" : "!"), f));
            notes.addAll(fileNotes(name, f));
        }
        rows.add(countsRow("TOTAL", "", "", r.path("totals")));
        table(rows, out);
    }

    /** Three leading cells, then the counts of {@code counts} (null: the counts' names, for the head). */
    private static String[] countsRow(String first, String second, String third, JsonNode counts) {
        String[] row = new String[COUNTS.length + 3];
        row[0] = first;
        row[1] = second;
        row[2] = third;
        for (int i = 0; i < COUNTS.length; i++) {
            row[i + 3] = counts == null ? COUNTS[i].toUpperCase(java.util.Locale.ROOT)
                    : ReportWriter.count(counts.path(COUNTS[i]).asLong());
        }
        return row;
    }

    private static List<String> fileNotes(String name, JsonNode f) {
        List<String> notes = new ArrayList<>();
        if (f.hasNonNull("repeatOf") && !text(f, "repeatOf").isEmpty()) {
            notes.add(name + ": repeat of " + text(f, "repeatOf"));
        }
        if (f.hasNonNull("error") && !text(f, "error").isEmpty()) {
            notes.add(name + ": " + text(f, "error"));
        }
        if (f.hasNonNull("notice")) {
            notes.add(name + ": warning: " + text(f, "notice"));
        }
        if (f.path("unknownColumns").size() > 0) {
            List<String> cols = new ArrayList<>();
            f.path("unknownColumns").forEach(c -> cols.add(c.asText()));
            notes.add(name + ": unknown columns, not read: " + String.join(", ", cols));
        }
        if (f.path("warningsByCode").size() > 0) {
            List<String> codes = new ArrayList<>();
            f.path("warningsByCode").properties().forEach(e -> codes.add(e.getKey() + " " + e.getValue().asLong()));
            notes.add(name + ": warning codes: " + String.join(", ", codes));
        }
        if (f.hasNonNull("rejectFile")) {
            notes.add(name + ": rejects in " + text(f, "rejectFile"));
        }
        if (f.hasNonNull("warningFile")) {
            notes.add(name + ": warnings in " + text(f, "warningFile"));
        }
        return notes;
    }

    private static void printTopCodes(JsonNode r, PrintStream out) {
        List<Map.Entry<String, JsonNode>> codes = new ArrayList<>(r.path("rejectsByCode").properties());
        if (codes.isEmpty()) {
            return;
        }
        codes.sort(Comparator.<Map.Entry<String, JsonNode>>comparingLong(e -> -e.getValue().asLong())
                .thenComparing(Map.Entry::getKey));
        out.println("Top reject codes:");
        int width = codes.stream().limit(TOP_CODES).mapToInt(e -> e.getKey().length()).max().orElse(0);
        codes.stream().limit(TOP_CODES).forEach(e -> out.println("  " + pad(e.getKey(), width) + "  "
                + ReportWriter.count(e.getValue().asLong())));
        if (codes.size() > TOP_CODES) {
            out.println("  ... and " + (codes.size() - TOP_CODES) + " more codes");
        }
    }

    /** The last run's report: latest.json, else the newest run report by modification time. */
    private static Path latest(Path reportsDir) {
        Path latest = reportsDir.resolve(ReportWriter.LATEST + ".json");
        if (Files.isRegularFile(latest)) {
            return latest;
        }
        if (!Files.isDirectory(reportsDir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(reportsDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .max(Comparator.comparingLong(ReportSummary::mtime)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Text columns left-aligned (first three), numbers right-aligned. */
    private static void table(List<String[]> rows, PrintStream out) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                if (i > 0) {
                    sb.append("  ");
                }
                sb.append(i < 3 ? pad(row[i], w[i]) : padLeft(row[i], w[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String padLeft(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }
}
