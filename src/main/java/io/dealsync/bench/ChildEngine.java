package io.dealsync.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the launcher's main class in a child JVM capped at -Xmx256m over a run folder, as an operator would,
 * and measures it: wall time (JVM start included), peak heap (the engine prints it), peak RSS (polled).
 */
final class ChildEngine {
    /** The JVM options of the {@code dealsync} launcher at the quality bars' heap: the benchmark measures what users run. */
    static final List<String> LAUNCHER_JVM = List.of("-XX:+UseParallelGC", "-XX:NewRatio=1",
            "-XX:Tier4InvocationThreshold=15000", "-XX:Tier4MinInvocationThreshold=1800",
            "-XX:Tier4CompileThreshold=45000", "-XX:Tier4BackEdgeThreshold=120000", "-XX:FreqInlineSize=60",
            "-XX:InlineSmallCode=1000", "-Xmx256m");

    /**
     * The launcher's class archive (AppCDS), when this JVM was started with it: the child runs on the same class path,
     * so it maps the same archive and starts as fast as a run from the launcher.
     */
    static List<String> classArchive(List<String> jvmArguments) {
        return jvmArguments.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).toList();
    }

    record Result(double seconds, long peakHeapMb, long peakRssMb, int exit, String output) {
    }

    private final Path home;
    private final PrintStream out;

    ChildEngine(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    /** Drops {@code files} into the run folder's inbox, then runs the command; {@code pgUrl} null: the embedded database. */
    Result run(Path runDir, List<Path> files, String pgUrl, String... args) throws Exception {
        for (Path f : files) {
            Files.copy(f, runDir.resolve("inbox").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(LAUNCHER_JVM);
        cmd.addAll(classArchive(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        cmd.addAll(List.of("-Ddealsync.home=" + home, "-Ddealsync.print-peak-heap=true",
                "-cp", System.getProperty("java.class.path"), "io.dealsync.cli.DealsyncCommand"));
        for (String k : new String[] {"inbox", "rejects", "reports", "outbox", "data"}) {
            set(cmd, "dealsync." + k, runDir.resolve(k).toString());
        }
        if (pgUrl == null) {
            set(cmd, "dealsync.db.url", "jdbc:hsqldb:file:" + runDir.resolve("data/dealsync"));
        } else {
            set(cmd, "dealsync.db.url", pgUrl);
            set(cmd, "dealsync.db.user", "postgres");
        }
        set(cmd, "dealsync.inbox.complete-after-ms", "0");
        set(cmd, "dealsync.as-of.allow-future", "true"); // the scenarios replay fixed dates (B5 sweeps as of 2026-12-31)
        set(cmd, "dealsync.samples", "");
        cmd.addAll(List.of(args));
        if (args[0].equals("run")) {
            cmd.add("--as-of");
            cmd.add("2026-11-26");
        }
        out.println("  running: " + String.join(" ", args) + (files.isEmpty() ? "" : " on " + files.get(0).getFileName()
                + (files.size() > 1 ? " and " + (files.size() - 1) + " more" : "")) + (pgUrl == null ? "" : " (PostgreSQL)"));
        settleDisk();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long[] rss = {0};
        Thread poll = new Thread(() -> pollRss(p.pid(), rss), "rss-poll");
        poll.setDaemon(true);
        poll.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double secs = (System.nanoTime() - t0) / 1e9;
        poll.join(1000);
        long peak = -1;
        for (String line : output.split("\n")) {
            if (line.startsWith("peak-heap-mb: ")) {
                peak = Long.parseLong(line.substring(14).strip());
            }
        }
        // every scenario's own output stays beside its run, for a look at what a slow scenario did
        Files.writeString(runDir.resolve("run-" + System.currentTimeMillis() + ".log"), output);
        if (exit != 0) {
            out.println(output);
        }
        return new Result(secs, peak, rss[0] / 1024, exit, output);
    }

    /**
     * Deletes the run directories of an earlier benchmark. Call it before the data is generated, never right before a
     * scenario: ext4 does not reuse an inode for some seconds after its file was deleted, and every file created
     * meanwhile pays for the search (8,290 notification documents took 5.2-5.8 s instead of 0.2-0.5 s right after
     * 25,000 files were deleted), which a nightly run never does.
     */
    static void deleteRuns(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /**
     * Writes back what the previous scenario (or the data generation) left dirty in the page cache, before the
     * clock starts: otherwise the kernel writes a gigabyte of someone else's database during this scenario (the
     * same build's first night measured 34-44 s depending on what ran before it). A nightly job's input was
     * written long before the job starts.
     */
    private static void settleDisk() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            // no sync command (not Linux): measured as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void set(List<String> cmd, String key, String value) {
        cmd.add("--set");
        cmd.add(key + "=" + value);
    }

    /** VmHWM (the resident set's high-water mark, in kB) of the child until it ends. */
    private static void pollRss(long pid, long[] kb) {
        Path status = Path.of("/proc/" + pid + "/status");
        while (true) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        kb[0] = Math.max(kb[0], Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
                Thread.sleep(100);
            } catch (IOException | RuntimeException e) {
                return; // the process ended (or no /proc here)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
