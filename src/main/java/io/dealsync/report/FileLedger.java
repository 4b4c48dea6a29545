package io.dealsync.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to one input file: every record read ends up created, updated, unchanged, rejected or
 * skipped, so {@code read = created + updated + unchanged + rejected + skipped} (see {@link #isReconciled()}).
 * Warnings and expiries are counted beside (a warned or expired record is also created or updated).
 */
public final class FileLedger {
    public enum Status { done, failed, repeat }

    private final String name;
    private final String source;
    private String sha256 = "";
    private Status status = Status.done;
    private String repeatOf;
    private long read, created, updated, unchanged, rejected, skipped, warnings, expired;
    private final Map<String, Long> rejectsByCode = new TreeMap<>();
    private final Map<String, Long> rejectsByField = new TreeMap<>();
    private final Map<String, Long> warningsByCode = new TreeMap<>();
    private String rejectFile;
    /** The reviewer workbook beside the reject CSV (formats.md "Reviewer workbook"), or null. */
    private String rejectWorkbook;
    private String warningFile;
    private List<String> unknownColumns = new ArrayList<>();
    private String error;
    private String notice; // a warning about the file as a whole, e.g. empty (issue 11)
    private long durationMs;
    // for the metrics only (not in the JSON report): database writes of this file's chunks
    private long chunkWrites;
    private long chunkWriteNanos;
    /** Issue 14: Partner Center's answers, for a processed hand-off file (null for deal files). */
    private Object partnerCenter;

    public FileLedger(String name, String source) {
        this.name = name;
        this.source = source;
    }

    public boolean isReconciled() {
        return read == created + updated + unchanged + rejected + skipped;
    }

    /** Adds another ledger's counts (a resumed file: what earlier attempts already settled). */
    public void add(FileLedger other) {
        read += other.read;
        created += other.created;
        updated += other.updated;
        unchanged += other.unchanged;
        rejected += other.rejected;
        skipped += other.skipped;
        warnings += other.warnings;
        expired += other.expired;
        other.rejectsByCode.forEach((k, v) -> rejectsByCode.merge(k, v, Long::sum));
        other.rejectsByField.forEach((k, v) -> rejectsByField.merge(k, v, Long::sum));
        other.warningsByCode.forEach((k, v) -> warningsByCode.merge(k, v, Long::sum));
    }

    public void countRejectCode(String code) { rejectsByCode.merge(code, 1L, Long::sum); }
    public void countRejectField(String field) { rejectsByField.merge(field, 1L, Long::sum); }
    public void countWarningCode(String code) { warningsByCode.merge(code, 1L, Long::sum); }

    public String getName() { return name; }
    public String getSource() { return source; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getRepeatOf() { return repeatOf; }
    public void setRepeatOf(String repeatOf) { this.repeatOf = repeatOf; }
    public long getRead() { return read; }
    public void setRead(long read) { this.read = read; }
    public void incRead() { read++; }
    public long getCreated() { return created; }
    public void incCreated() { created++; }
    public void setCreated(long v) { created = v; }
    public long getUpdated() { return updated; }
    public void incUpdated() { updated++; }
    public void setUpdated(long v) { updated = v; }
    public long getUnchanged() { return unchanged; }
    public void incUnchanged() { unchanged++; }
    public void setUnchanged(long v) { unchanged = v; }
    public long getRejected() { return rejected; }
    public void incRejected() { rejected++; }
    public void setRejected(long v) { rejected = v; }
    public long getSkipped() { return skipped; }
    public void incSkipped() { skipped++; }
    public void setSkipped(long v) { skipped = v; }
    public long getWarnings() { return warnings; }
    public void incWarnings() { warnings++; }
    public void setWarnings(long v) { warnings = v; }
    public long getExpired() { return expired; }
    public void incExpired() { expired++; }
    public void setExpired(long v) { expired = v; }
    public Map<String, Long> getRejectsByCode() { return rejectsByCode; }
    public Map<String, Long> getRejectsByField() { return rejectsByField; }
    public Map<String, Long> getWarningsByCode() { return warningsByCode; }
    public String getRejectFile() { return rejectFile; }
    public void setRejectFile(String rejectFile) { this.rejectFile = rejectFile; }
    public String getRejectWorkbook() { return rejectWorkbook; }
    public void setRejectWorkbook(String rejectWorkbook) { this.rejectWorkbook = rejectWorkbook; }
    public String getWarningFile() { return warningFile; }
    public void setWarningFile(String warningFile) { this.warningFile = warningFile; }
    public List<String> getUnknownColumns() { return unknownColumns; }
    public void setUnknownColumns(List<String> unknownColumns) { this.unknownColumns = new ArrayList<>(unknownColumns); }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public String getNotice() { return notice; }
    public void setNotice(String notice) { this.notice = notice; }
    public long getDurationMs() { return durationMs; }
    public void setDurationMs(long durationMs) { this.durationMs = durationMs; }
    public synchronized void addChunkWrite(long nanos) { chunkWrites++; chunkWriteNanos += nanos; }
    @com.fasterxml.jackson.annotation.JsonIgnore
    public synchronized long getChunkWrites() { return chunkWrites; }
    @com.fasterxml.jackson.annotation.JsonIgnore
    public synchronized long getChunkWriteNanos() { return chunkWriteNanos; }
    public Object getPartnerCenter() { return partnerCenter; }
    public void setPartnerCenter(Object partnerCenter) { this.partnerCenter = partnerCenter; }
}
