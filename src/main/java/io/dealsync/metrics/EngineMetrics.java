package io.dealsync.metrics;

import io.dealsync.report.FileLedger;
import io.dealsync.report.RunLedger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * The engine's own meters, in Micrometer's Prometheus registry (the one Camel's micrometer-prometheus
 * serves on /observe/metrics when it finds it bound as {@code metricsRegistry}). They are fed from the
 * ledgers when a file or a run closes, never per record, so counting costs nothing on the hot path.
 *
 * <p>Names (Prometheus form): {@code dealsync_records_read_total{source}}, {@code dealsync_records_total{source,outcome}},
 * {@code dealsync_records_warned_total{source}}, {@code dealsync_files_total{source,status}},
 * {@code dealsync_file_duration_seconds{source}}, {@code dealsync_chunk_write_seconds}, {@code dealsync_runs_total{mode}},
 * {@code dealsync_run_duration_seconds}, {@code dealsync_last_run_*}, {@code dealsync_rules_reloads_total},
 * {@code dealsync_rules_reload_failures_total}. A file of the inbox root has {@code source="-"}.
 */
public final class EngineMetrics {
    /** The label of a file lying in the inbox root (Prometheus treats an empty label as no label). */
    public static final String ROOT_SOURCE = "-";
    /** What a read record became (a label: "created" cannot end a counter's name, Prometheus reserves it). */
    private static final String[] OUTCOMES = {"created", "updated", "unchanged", "rejected", "skipped"};

    private final PrometheusMeterRegistry registry;
    private final LongAdder chunkWrites = new LongAdder();
    private final DoubleAdder chunkWriteSeconds = new DoubleAdder();
    private final AtomicLong lastRunFinished = new AtomicLong();
    private final AtomicLong lastRunMillis = new AtomicLong();
    private final AtomicLong lastRunRead = new AtomicLong();
    private final AtomicLong lastRunRejected = new AtomicLong();
    private final AtomicLong lastRunFailedFiles = new AtomicLong();
    private final AtomicLong lastRunReconciled = new AtomicLong(1);

    public EngineMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public EngineMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        FunctionTimer.builder("dealsync.chunk.write", this, m -> m.chunkWrites.sum(), m -> m.chunkWriteSeconds.sum(),
                        TimeUnit.SECONDS)
                .description("Database writes of a chunk of records (one transaction each)").register(registry);
        // a gauge holds its object weakly: each reads a field of this object, never a lambda of its own
        gauge("dealsync.last.run.finished.timestamp.seconds", "When the last run ended (Unix time)", lastRunFinished);
        Gauge.builder("dealsync.last.run.duration.seconds", lastRunMillis, v -> v.get() / 1000.0)
                .description("How long the last run took").register(registry);
        gauge("dealsync.last.run.records.read", "Records the last run read", lastRunRead);
        gauge("dealsync.last.run.records.rejected", "Records the last run rejected", lastRunRejected);
        gauge("dealsync.last.run.files.failed", "Files the last run could not read", lastRunFailedFiles);
        gauge("dealsync.last.run.reconciled", "1 when every record of the last run is accounted for, else 0",
                lastRunReconciled);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Counts the rules reloads (and failed ones) the holder reports, read when scraped (the holder is held weakly). */
    public <T> void bindRulesReloads(T holder, ToLongFunction<T> reloads, ToLongFunction<T> failures) {
        FunctionCounter.builder("dealsync.rules.reloads", holder, h -> reloads.applyAsLong(h))
                .description("Changed rules compiled and swapped in").register(registry);
        FunctionCounter.builder("dealsync.rules.reload.failures", holder, h -> failures.applyAsLong(h))
                .description("Changed rules that did not compile (the last good rules stayed)").register(registry);
    }

    /** A file's ledger closed (done, repeat or failed): its counts go to the per-source counters. */
    public void fileClosed(FileLedger f) {
        String source = f.getSource() == null || f.getSource().isEmpty() ? ROOT_SOURCE : f.getSource();
        Counter.builder("dealsync.records.read").tag("source", source).description("Records read, by source folder")
                .register(registry).increment(f.getRead());
        long[] values = {f.getCreated(), f.getUpdated(), f.getUnchanged(), f.getRejected(), f.getSkipped()};
        for (int i = 0; i < OUTCOMES.length; i++) {
            Counter.builder("dealsync.records").tag("source", source).tag("outcome", OUTCOMES[i])
                    .description("What the records read became, by source folder: created, updated, unchanged,"
                            + " rejected or skipped").register(registry).increment(values[i]);
        }
        Counter.builder("dealsync.records.warned").tag("source", source)
                .description("Records stored with a warning, by source folder").register(registry).increment(f.getWarnings());
        Counter.builder("dealsync.files").tag("source", source).tag("status", f.getStatus().name())
                .description("Files processed, by source folder and status (done, repeat, failed)")
                .register(registry).increment();
        Timer.builder("dealsync.file.duration").tag("source", source).description("Time to process one file")
                .register(registry).record(Duration.ofMillis(Math.max(0, f.getDurationMs())));
        chunkWrites.add(f.getChunkWrites());
        chunkWriteSeconds.add(f.getChunkWriteNanos() / 1e9);
    }

    /** A run closed: its totals become the last-run gauges. */
    public void runClosed(RunLedger run) {
        FileLedger t = run.totals();
        Instant end = run.getFinishedAt() == null ? Instant.now() : run.getFinishedAt();
        long ms = run.getStartedAt() == null ? 0 : Math.max(0, Duration.between(run.getStartedAt(), end).toMillis());
        Counter.builder("dealsync.runs").tag("mode", run.getMode() == null ? "" : run.getMode())
                .description("Runs closed (a daemon closes one per batch of files)").register(registry).increment();
        Timer.builder("dealsync.run.duration").description("Time from a run's first file to its report")
                .register(registry).record(Duration.ofMillis(ms));
        lastRunFinished.set(end.getEpochSecond());
        lastRunMillis.set(ms);
        lastRunRead.set(t.getRead());
        lastRunRejected.set(t.getRejected());
        lastRunFailedFiles.set(run.getFiles().stream().filter(f -> f.getStatus() == FileLedger.Status.failed).count());
        lastRunReconciled.set(run.isReconciled() ? 1 : 0);
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    private void gauge(String name, String help, AtomicLong value) {
        Gauge.builder(name, value, AtomicLong::get).description(help).register(registry);
    }
}
