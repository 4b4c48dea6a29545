package io.dealsync.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One run of the engine: its files, the sweep, the notifications, and totals that must reconcile. */
public final class RunLedger {
    private final String runId;
    private final Instant startedAt;
    private Instant finishedAt;
    private final LocalDate asOf;
    private String rulesFingerprint = "";
    private String mode = "run";
    private final List<FileLedger> files = new ArrayList<>();
    private final List<String> ignoredFiles = new ArrayList<>();
    private final List<String> unknownSources = new ArrayList<>();
    private long expiredBySweep;
    private long notifications;
    /** Issue 14: what a `handoff` run wrote and held back (null for other runs). */
    private Object handoff;

    public RunLedger(String runId, Instant startedAt, LocalDate asOf) {
        this.runId = runId;
        this.startedAt = startedAt;
        this.asOf = asOf;
    }

    public synchronized void addFile(FileLedger file) {
        files.add(file);
    }

    /** Sum of the files' counts. */
    public synchronized FileLedger totals() {
        FileLedger t = new FileLedger("", "");
        for (FileLedger f : files) {
            t.add(f);
        }
        return t;
    }

    public synchronized long repeats() {
        return files.stream().filter(f -> f.getStatus() == FileLedger.Status.repeat).count();
    }

    public synchronized boolean isReconciled() {
        return files.stream().allMatch(FileLedger::isReconciled) && totals().isReconciled();
    }

    public synchronized boolean hasFailures() {
        return files.stream().anyMatch(f -> f.getStatus() == FileLedger.Status.failed);
    }

    /** Rejects by reason code over all files. */
    public synchronized Map<String, Long> rejectsByCode() {
        return totals().getRejectsByCode();
    }

    public synchronized Map<String, Long> rejectsByField() {
        return totals().getRejectsByField();
    }

    public synchronized Map<String, Long> warningsByCode() {
        return new TreeMap<>(totals().getWarningsByCode());
    }

    public String getRunId() { return runId; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
    public LocalDate getAsOf() { return asOf; }
    public String getRulesFingerprint() { return rulesFingerprint; }
    public void setRulesFingerprint(String rulesFingerprint) { this.rulesFingerprint = rulesFingerprint; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public synchronized List<FileLedger> getFiles() { return List.copyOf(files); }
    public synchronized List<String> getIgnoredFiles() { return List.copyOf(ignoredFiles); }
    public synchronized void addIgnoredFile(String f) {
        if (!ignoredFiles.contains(f)) {
            ignoredFiles.add(f);
        }
    }
    public synchronized List<String> getUnknownSources() { return List.copyOf(unknownSources); }
    /** Once per source, however many of its files the run took. */
    public synchronized void addUnknownSource(String s) {
        if (!unknownSources.contains(s)) {
            unknownSources.add(s);
        }
    }
    public long getExpiredBySweep() { return expiredBySweep; }
    public void addExpiredBySweep(long n) { expiredBySweep += n; }
    public long getNotifications() { return notifications; }
    public void addNotifications(long n) { notifications += n; }
    public Object getHandoff() { return handoff; }
    public void setHandoff(Object handoff) { this.handoff = handoff; }
}
