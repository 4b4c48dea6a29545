package io.dealsync.intake;

import io.dealsync.report.RunLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** The run in progress: its id, as-of date, and the ledger its files and the sweep report into. */
public final class RunContext {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String runId;
    private final LocalDate asOf;
    private final RunLedger ledger;

    public RunContext(LocalDate asOf, String mode) {
        Instant now = Instant.now();
        this.runId = ID.format(now) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        this.asOf = asOf;
        this.ledger = new RunLedger(runId, now, asOf);
        this.ledger.setMode(mode);
    }

    public String runId() { return runId; }
    public LocalDate asOf() { return asOf; }
    public RunLedger ledger() { return ledger; }
}
