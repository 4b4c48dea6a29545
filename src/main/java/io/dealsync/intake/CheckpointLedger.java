package io.dealsync.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealsync.report.FileLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The file's ledger as a checkpoint saves it with each chunk (JSON in {@code ingested_file.ledger}), and read back
 * by the run that resumes the file: its counts go on from the last committed chunk's (docs/architecture.md
 * "Crash safety").
 */
final class CheckpointLedger {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CheckpointLedger() {
    }

    static String toJson(FileLedger l) {
        try {
            return JSON.writeValueAsString(l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the counts a checkpoint saved ({@code json}; nothing when empty) to a resumed file's ledger. */
    static void restore(FileLedger ledger, String json) {
        if (json == null || json.isEmpty()) {
            return;
        }
        try {
            JsonNode n = JSON.readTree(json);
            FileLedger saved = new FileLedger(ledger.getName(), ledger.getSource());
            saved.setRead(n.path("read").asLong());
            saved.setCreated(n.path("created").asLong());
            saved.setUpdated(n.path("updated").asLong());
            saved.setUnchanged(n.path("unchanged").asLong());
            saved.setRejected(n.path("rejected").asLong());
            saved.setSkipped(n.path("skipped").asLong());
            saved.setWarnings(n.path("warnings").asLong());
            saved.setExpired(n.path("expired").asLong());
            readCounts(n.path("rejectsByCode"), saved.getRejectsByCode());
            readCounts(n.path("rejectsByField"), saved.getRejectsByField());
            readCounts(n.path("warningsByCode"), saved.getWarningsByCode());
            ledger.add(saved);
        } catch (IOException e) {
            throw new UncheckedIOException("The checkpoint of " + ledger.getName() + " cannot be read back", e);
        }
    }

    private static void readCounts(JsonNode counts, Map<String, Long> into) {
        counts.fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue().asLong()));
    }
}
