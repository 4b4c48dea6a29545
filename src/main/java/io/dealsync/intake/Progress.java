package io.dealsync.intake;

import io.dealsync.read.ReadProgress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Progress of long work on a terminal: file i of n, records, records/s, percent of the file's bytes and the
 * time left, redrawn in place on standard error. A log line clears it first (the log appender calls
 * {@link #beforeLogLine()}), so the two never share a line. Silent without a terminal (cron, CI, a pipe),
 * so the nightly job's output stays one line per file.
 */
public final class Progress {
    private static final Object TERMINAL = new Object();
    private static PrintStream shownOn; // the stream a progress line is standing on, if any

    private final boolean enabled;
    private final PrintStream out;
    private final long intervalNanos;
    private String file = "";
    private Path path;
    private int index;
    private int total;
    private long size = -1;
    private long started;
    private long lastPrint;

    Progress(boolean enabled, PrintStream out, long intervalNanos) {
        this.enabled = enabled;
        this.out = out;
        this.intervalNanos = intervalNanos;
    }

    /**
     * On standard error, when it is wanted: {@code mode} is the setting {@code dealsync.progress}, {@code auto}
     * (a terminal: {@code System.console()} present, and CI not set), {@code always} or {@code never}.
     */
    public static Progress forConsole(String mode) {
        boolean on = switch (mode == null ? "auto" : mode.strip().toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
        };
        return new Progress(on, System.err, 500_000_000L);
    }

    public static Progress none() {
        return new Progress(false, System.err, Long.MAX_VALUE);
    }

    public boolean enabled() {
        return enabled;
    }

    /** A file is taken: the {@code index}-th (from 1) of {@code total} of this poll (0: unknown). */
    public synchronized void startFile(Path file, String display, int index, int total) {
        if (!enabled) {
            return;
        }
        this.path = file;
        this.file = display;
        this.index = index;
        this.total = total;
        try {
            this.size = Files.size(file);
        } catch (java.io.IOException e) {
            this.size = -1;
        }
        this.started = System.nanoTime();
        this.lastPrint = 0;
    }

    /** Records read so far of the file in hand; redraws at most every interval (the first chunk at once). */
    public synchronized void records(String display, long count) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!display.equals(file)) { // a caller that did not announce the file
            file = display;
            path = null;
            index = 0;
            size = -1;
            started = now;
            lastPrint = 0;
        }
        if (lastPrint != 0 && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        long bytes = path == null ? -1 : ReadProgress.bytesRead(path);
        String line = line(count, (now - started) / 1e9, bytes);
        synchronized (TERMINAL) {
            out.print("\r" + line + "\033[K");
            out.flush();
            shownOn = out;
        }
    }

    /** The progress text: "[2/5] name: 12,000 records, 9,500 records/s, 41%, 3s left". */
    String line(long count, double secs, long bytes) {
        StringBuilder sb = new StringBuilder();
        if (index > 0) {
            sb.append('[').append(index).append('/').append(total > 0 ? total : "?").append("] ");
        }
        sb.append(file).append(": ").append(String.format(Locale.ROOT, "%,d records", count));
        if (secs > 0.05) {
            sb.append(String.format(Locale.ROOT, ", %,.0f records/s", count / secs));
        }
        if (bytes >= 0 && size > 0) {
            double frac = Math.min(1.0, (double) bytes / size);
            sb.append(String.format(Locale.ROOT, ", %d%%", (int) (frac * 100)));
            if (frac > 0.01 && frac < 1.0 && secs > 0.5) {
                sb.append(", ").append(duration(Math.round(secs * (1 - frac) / frac))).append(" left");
            }
        }
        return sb.toString();
    }

    static String duration(long secs) {
        return secs >= 3600 ? secs / 3600 + "h" + String.format(Locale.ROOT, "%02dm", secs % 3600 / 60)
                : secs >= 60 ? secs / 60 + "m" + String.format(Locale.ROOT, "%02ds", secs % 60) : secs + "s";
    }

    /** The run is over: the line goes. */
    public synchronized void done() {
        if (enabled) {
            beforeLogLine();
        }
    }

    /** Clears a progress line standing on the terminal, so that a log line starts on a clean line. */
    public static void beforeLogLine() {
        synchronized (TERMINAL) {
            if (shownOn != null) {
                shownOn.print("\r\033[K");
                shownOn.flush();
                shownOn = null;
            }
        }
    }

    /** The terminal lock a log appender holds while writing, so a redraw never lands inside a log line. */
    public static Object terminal() {
        return TERMINAL;
    }
}
