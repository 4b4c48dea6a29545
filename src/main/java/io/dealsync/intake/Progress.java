package io.dealsync.intake;

/**
 * Progress of long work on a terminal (file, records, records/s); silent without a TTY (cron), so the
 * nightly job's output stays one line per file.
 */
public final class Progress {
    private final boolean enabled;
    private long started = System.nanoTime();
    private long lastPrint;
    private String lastFile = "";

    private Progress(boolean enabled) {
        this.enabled = enabled;
    }

    public static Progress forConsole() {
        return new Progress(System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI")));
    }

    public static Progress none() {
        return new Progress(false);
    }

    public synchronized void records(String file, long count) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!file.equals(lastFile)) {
            lastFile = file;
            started = now;
        }
        if (now - lastPrint < 1_000_000_000L) {
            return;
        }
        lastPrint = now;
        double secs = Math.max(0.001, (now - started) / 1e9);
        System.err.printf("\r%s: %,d records, %,.0f records/s   ", file, count, count / secs);
        System.err.flush();
    }

    public synchronized void done() {
        if (enabled && lastPrint > 0) {
            System.err.print("\r\033[K");
            System.err.flush();
        }
    }
}
