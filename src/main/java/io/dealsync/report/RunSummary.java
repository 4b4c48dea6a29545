package io.dealsync.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** One line of the run list ({@code reports/index.html}, {@code report --list}): read back from a run's JSON report. */
public record RunSummary(String runId, Instant startedAt, String asOf, String mode, long files, long read, long created,
        long updated, long rejected, long failed, boolean reconciled) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The summary of a JSON report, or null when it is not one (no runId). */
    static RunSummary of(JsonNode r) {
        if (r == null || !r.isObject() || !r.hasNonNull("runId")) {
            return null;
        }
        JsonNode t = r.path("totals");
        return new RunSummary(r.get("runId").asText(), instant(r.path("startedAt").asText(null)),
                r.path("asOf").asText(""), r.path("mode").asText(""), t.path("files").asLong(r.path("files").size()), t.path("read").asLong(),
                t.path("created").asLong(), t.path("updated").asLong(), t.path("rejected").asLong(),
                t.path("failed").asLong(), r.path("reconciled").asBoolean(false));
    }

    /** ok, "N failed" (files that could not be read) or unreconciled. */
    public String status() {
        if (!reconciled) {
            return "unreconciled";
        }
        return failed > 0 ? failed + " failed" : "ok";
    }

    public boolean ok() {
        return reconciled && failed == 0;
    }

    public long stored() {
        return created + updated;
    }

    /** Rejected records as a share of those read (0 when none were read). */
    public double rejectRate() {
        return read == 0 ? 0 : (double) rejected / read;
    }

    public String rejectRateText() {
        return read == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * rejectRate());
    }

    /** "2026-11-26 02:00" (UTC). */
    public String when() {
        return startedAt == null ? "" : WHEN.format(startedAt);
    }

    /** The run's HTML page, relative to the reports folder. */
    public String page() {
        return ReportWriter.fileStem(runId) + ".html";
    }

    private static Instant instant(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
