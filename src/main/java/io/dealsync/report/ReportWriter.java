package io.dealsync.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's report: {@code reports/<runId>.json} for machines (the shape docs/formats.md fixes, plus a
 * few extra names) and {@code reports/<runId>.html} for the ops reviewer the next morning, and copies
 * both to {@code latest.json} / {@code latest.html} so the last run is always one name away.
 *
 * <p>Each file is written to a temporary name and moved into place, so a reader never sees half a report.
 * Reports carry ids, codes and counts only: nothing here reads contact data.
 */
public final class ReportWriter {

    /** Where the report of a run went. */
    public record Paths(Path json, Path html) {
    }

    public static final String LATEST = "latest";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes the run's reports with no reason-code meanings. */
    public static Paths write(RunLedger run, Path reportsDir) throws IOException {
        return write(run, reportsDir, Map.of());
    }

    /** Writes the run's reports; {@code codeMeanings} (code to text, may be null) explain the codes in HTML. */
    public static Paths write(RunLedger run, Path reportsDir, Map<String, String> codeMeanings) throws IOException {
        return write(run, reportsDir, codeMeanings, Path.of(""));
    }

    /**
     * Writes the run's reports.
     *
     * @param baseDir the folder the ledger's relative reject/warning file paths are relative to (the
     *                working dir by default); used for the HTML links, which are relative to {@code reportsDir}
     */
    public static Paths write(RunLedger run, Path reportsDir, Map<String, String> codeMeanings, Path baseDir)
            throws IOException {
        Files.createDirectories(reportsDir);
        String stem = fileStem(run.getRunId());
        Path json = reportsDir.resolve(stem + ".json");
        Path html = reportsDir.resolve(stem + ".html");
        byte[] jsonBytes = toJson(run);
        byte[] htmlBytes = Templates.render("report/run.jte", new RunPage(run, codeMeanings == null ? Map.of()
                : codeMeanings, reportsDir, baseDir)).getBytes(StandardCharsets.UTF_8);
        writeAtomically(json, jsonBytes);
        writeAtomically(html, htmlBytes);
        writeAtomically(reportsDir.resolve(LATEST + ".json"), jsonBytes);
        writeAtomically(reportsDir.resolve(LATEST + ".html"), htmlBytes);
        try {
            RunIndex.write(reportsDir); // the list of every run, with this one on top
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ReportWriter.class).warn("Writing {} failed: {}",
                    reportsDir.resolve(RunIndex.INDEX), e.getMessage());
        }
        return new Paths(json, html);
    }

    /** The JSON report of {@code run}, pretty printed, UTF-8. */
    public static byte[] toJson(RunLedger run) throws IOException {
        return MAPPER.writeValueAsBytes(toMap(run));
    }

    /** The JSON report of {@code run} as a tree (used by the terminal summary of a run not yet written). */
    public static JsonNode toJsonTree(RunLedger run) {
        return MAPPER.valueToTree(toMap(run));
    }

    /** The file name (without extension) a run's report has: the run id with unsafe characters as {@code _}. */
    public static String fileStem(String runId) {
        String s = runId == null || runId.isBlank() ? "run" : runId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        return s;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Names in the order docs/formats.md lists them, then the extras. */
    static Map<String, Object> toMap(RunLedger run) {
        List<FileLedger> files = run.getFiles();
        FileLedger totals = run.totals();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", run.getRunId());
        m.put("startedAt", ms(run.getStartedAt()));
        m.put("finishedAt", ms(finishedAt(run)));
        m.put("asOf", run.getAsOf());
        m.put("rulesFingerprint", run.getRulesFingerprint());
        m.put("reconciled", run.isReconciled());
        m.put("files", files.stream().map(ReportWriter::fileMap).toList());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("read", totals.getRead());
        t.put("created", totals.getCreated());
        t.put("updated", totals.getUpdated());
        t.put("unchanged", totals.getUnchanged());
        t.put("rejected", totals.getRejected());
        t.put("skipped", totals.getSkipped());
        t.put("warnings", totals.getWarnings());
        t.put("expired", totals.getExpired());
        t.put("expiredBySweep", run.getExpiredBySweep());
        t.put("notifications", run.getNotifications());
        t.put("repeats", run.repeats());
        t.put("files", (long) files.size());
        t.put("failed", files.stream().filter(f -> f.getStatus() == FileLedger.Status.failed).count());
        m.put("totals", t);
        m.put("rejectsByCode", run.rejectsByCode());
        m.put("rejectsByField", run.rejectsByField());
        // extras
        m.put("warningsByCode", run.warningsByCode());
        m.put("mode", run.getMode());
        m.put("durationMs", durationMs(run));
        m.put("ignoredFiles", run.getIgnoredFiles());
        m.put("unknownSources", run.getUnknownSources());
        if (run.getHandoff() != null) {
            m.put("handoff", run.getHandoff()); // issue 14
        }
        return m;
    }

    private static Map<String, Object> fileMap(FileLedger f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.getName());
        m.put("source", f.getSource());
        m.put("sha256", f.getSha256());
        m.put("status", f.getStatus().name());
        m.put("repeatOf", f.getRepeatOf());
        m.put("read", f.getRead());
        m.put("created", f.getCreated());
        m.put("updated", f.getUpdated());
        m.put("unchanged", f.getUnchanged());
        m.put("rejected", f.getRejected());
        m.put("skipped", f.getSkipped());
        m.put("warnings", f.getWarnings());
        m.put("expired", f.getExpired());
        m.put("rejectsByCode", f.getRejectsByCode());
        m.put("rejectFile", f.getRejectFile());
        m.put("rejectWorkbook", f.getRejectWorkbook());
        m.put("warningFile", f.getWarningFile());
        m.put("unknownColumns", f.getUnknownColumns());
        m.put("error", f.getError());
        m.put("notice", f.getNotice());
        m.put("durationMs", f.getDurationMs());
        // extras
        m.put("reconciled", f.isReconciled());
        m.put("rejectsByField", f.getRejectsByField());
        m.put("warningsByCode", f.getWarningsByCode());
        if (f.getPartnerCenter() != null) {
            m.put("partnerCenter", f.getPartnerCenter()); // issue 14
        }
        return m;
    }

    /** The run's end, or now for a report written before the engine set it. */
    static Instant finishedAt(RunLedger run) {
        return run.getFinishedAt() != null ? run.getFinishedAt() : Instant.now();
    }

    static long durationMs(RunLedger run) {
        if (run.getStartedAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(run.getStartedAt(), finishedAt(run)).toMillis());
    }

    private static Instant ms(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
    }

    /** "850 ms", "12.3 s", "4 min 05 s", "1 h 02 min". */
    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** 1234567 as "1,234,567", whatever the machine's locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * A link from {@code reportsDir} to a file the ledger names relative to {@code baseDir}: relative,
     * '/'-separated and percent-encoded per segment, so no file name can turn into a scheme or markup.
     */
    static String href(String ledgerPath, Path reportsDir, Path baseDir) {
        Path target = Path.of(ledgerPath);
        if (!target.isAbsolute()) {
            target = baseDir.toAbsolutePath().resolve(target);
        }
        target = target.normalize();
        Path from = reportsDir.toAbsolutePath().normalize();
        Path rel;
        try {
            rel = from.relativize(target);
        } catch (IllegalArgumentException e) {
            rel = target;
        }
        StringBuilder sb = new StringBuilder();
        for (Path seg : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            String s = seg.toString();
            sb.append(s.equals("..") ? s : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
