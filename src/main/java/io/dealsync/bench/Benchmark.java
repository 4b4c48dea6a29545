package io.dealsync.bench;

import io.dealsync.ingest.RecordReader;
import io.dealsync.ingest.RecordReaders;
import io.dealsync.ingest.SourceProfile;
import io.dealsync.ingest.SourceRecord;
import io.dealsync.rules.RuleBook;
import io.dealsync.sync.ChunkJudge;
import io.dealsync.sync.StoredDeals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * quality.md's benchmark: generates its own data, then runs the real engine (the launcher's main class,
 * real routes and rules, a fresh embedded database) in a child JVM capped at -Xmx256m per scenario, and
 * prints records/s, wall time (JVM start included) and peak heap. Also prints two floors measured in this
 * JVM: parsing alone, and the rules alone over the parsed records.
 */
public final class Benchmark {
    private final Path home;
    private final Path dir;
    private final int records;
    private final int jsonRecords;
    private final PrintStream out;
    private final List<String> rows = new ArrayList<>();

    public Benchmark(Path home, Path dir, int records, int jsonRecords, PrintStream out) {
        this.home = home;
        this.dir = dir;
        this.records = records;
        this.jsonRecords = jsonRecords;
        this.out = out;
    }

    record Result(double seconds, long peakHeapMb, int exit, String output) {
    }

    public int run() throws Exception {
        Files.createDirectories(dir);
        Path day1 = dir.resolve("data/b1-" + records + ".csv");
        Path day2 = dir.resolve("data/b4-" + records + ".csv");
        Path small = dir.resolve("data/b1-" + (records / 10) + ".csv");
        Path json = dir.resolve("data/b2-" + jsonRecords + ".json");
        Files.createDirectories(day1.getParent());
        out.println("Generating data in " + dir + " (deterministic, seed 42)...");
        if (!Files.exists(day1)) {
            DataGenerator.day1Csv(day1, records, 42);
        }
        if (!Files.exists(small)) {
            DataGenerator.day1Csv(small, records / 10, 42);
        }
        if (!Files.exists(day2)) {
            DataGenerator.day2Csv(day2, records, 42);
        }
        if (!Files.exists(json)) {
            DataGenerator.partnerCenterJson(json, jsonRecords, 42);
        }
        out.printf("B1 file: %,d records, %,.0f MB%n", records, Files.size(day1) / 1e6);

        floors(day1);

        Path b1 = fresh("b1");
        Result r = engine(b1, day1, "run", "--once");
        row("B1 " + fmt(records) + " CSV, new database", records, r, 30_000);
        Path b1s = fresh("b1-small");
        Result rs = engine(b1s, small, "run", "--once");
        row("B1 " + fmt(records / 10) + " CSV (memory check)", records / 10, rs, 30_000);
        Result b3 = engine(b1, day1, "run", "--once");
        rows.add(String.format("%-40s %10s %9.1f s %8d MB  %s", "B3 B1 file again (repeat)", "-", b3.seconds, b3.peakHeapMb,
                b3.seconds < 5 ? "ok (< 5 s)" : "MISSED (bar 5 s)"));
        Result b4 = engine(b1, day2, "run", "--once");
        row("B4 " + fmt(records) + " CSV, second day", records, b4, 20_000);
        Result b5 = engine(b1, null, "expire", "--as-of", "2026-12-31");
        rows.add(String.format("%-40s %10s %9.1f s %8d MB  %s", "B5 sweep over " + fmt(records) + " deals", "-", b5.seconds,
                b5.peakHeapMb, b5.seconds < 15 ? "ok (< 15 s)" : "MISSED (bar 15 s)"));
        Path b2 = fresh("b2");
        Result j = engine(b2, json, "run", "--once");
        row("B2 " + fmt(jsonRecords) + " Partner Center JSON", jsonRecords, j, 25_000);
        Path b6 = fresh("b6");
        Result e = engine(b6, null, "run", "--once");
        rows.add(String.format("%-40s %10s %9.1f s %8d MB  %s", "B6 run --once, empty inbox", "-", e.seconds, e.peakHeapMb,
                e.seconds < 6 ? "ok (< 6 s)" : "MISSED (bar 6 s)"));
        Result c = engine(b6, null, "rules", "check");
        rows.add(String.format("%-40s %10s %9.1f s %8d MB  %s", "B6 rules check", "-", c.seconds, c.peakHeapMb,
                c.seconds < 6 ? "ok (< 6 s)" : "MISSED (bar 6 s)"));

        out.println();
        out.printf("%-40s %10s %11s %11s  %s%n", "scenario", "records/s", "wall", "peak heap", "bar");
        rows.forEach(out::println);
        return 0;
    }

    private void floors(Path file) throws IOException {
        long t0 = System.nanoTime();
        List<SourceRecord> sample = new ArrayList<>();
        long n = 0;
        try (RecordReader reader = RecordReaders.open(file, SourceProfile.canonical())) {
            while (reader.hasNext()) {
                SourceRecord rec = reader.next();
                if (sample.size() < 200_000) {
                    sample.add(rec);
                }
                n++;
            }
        } catch (io.dealsync.ingest.UnreadableFileException ex) {
            throw new IOException(ex);
        }
        double parse = (System.nanoTime() - t0) / 1e9;
        rows.add(String.format("%-40s %,10.0f %9.1f s %11s  %s", "floor: parse B1 alone", n / parse, parse, "-", "(context)"));
        RuleBook book = RuleBook.compile(home.resolve("rules"));
        ChunkJudge judge = new ChunkJudge(book);
        ChunkJudge.FileContext ctx = new ChunkJudge.FileContext(LocalDate.of(2026, 11, 26), "4000000", null);
        for (int pass = 0; pass < 2; pass++) { // first pass warms the JIT; the second is the floor
            long t1 = System.nanoTime();
            ChunkJudge.FileContext c = pass == 0 ? new ChunkJudge.FileContext(ctx.asOf(), "4000000", null) : ctx;
            for (int from = 0; from < sample.size(); from += 1000) {
                judge.decide(sample.subList(from, Math.min(sample.size(), from + 1000)), StoredDeals.NONE, c);
            }
            double secs = (System.nanoTime() - t1) / 1e9;
            if (pass == 1) {
                rows.add(String.format("%-40s %,10.0f %9.1f s %11s  %s", "floor: rules alone (" + fmt(sample.size()) + ", warm)",
                        sample.size() / secs, secs, "-", "(context)"));
            }
        }
    }

    private void row(String name, long n, Result r, double bar) {
        double rate = n / r.seconds;
        rows.add(String.format("%-40s %,10.0f %9.1f s %8d MB  %s%s", name, rate, r.seconds, r.peakHeapMb,
                rate >= bar ? "ok (>= " + fmt((long) bar) + "/s)" : "MISSED (bar " + fmt((long) bar) + "/s)",
                r.exit == 0 ? "" : " exit " + r.exit));
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }

    private Path fresh(String name) throws IOException {
        Path p = dir.resolve("runs/" + name);
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(p.resolve("inbox"));
        return p;
    }

    /** Runs the launcher's main class in a child JVM (-Xmx256m) over a run folder; drops {@code file} first. */
    private Result engine(Path runDir, Path file, String... args) throws Exception {
        if (file != null) {
            Files.copy(file, runDir.resolve("inbox").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Ddealsync.home=" + home, "-Ddealsync.print-peak-heap=true",
                "-cp", System.getProperty("java.class.path"), "io.dealsync.cli.DealsyncCommand"));
        for (String k : new String[] {"inbox", "rejects", "reports", "outbox", "data"}) {
            cmd.add("--set");
            cmd.add("dealsync." + k + "=" + runDir.resolve(k));
        }
        cmd.add("--set");
        cmd.add("dealsync.db.url=jdbc:hsqldb:file:" + runDir.resolve("data/dealsync"));
        cmd.add("--set");
        cmd.add("dealsync.inbox.complete-after-ms=0");
        cmd.addAll(List.of(args));
        if (args[0].equals("run")) {
            cmd.add("--as-of");
            cmd.add("2026-11-26");
        }
        out.println("  running: " + String.join(" ", args) + (file == null ? "" : " on " + file.getFileName()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = -1;
        for (String line : output.split("\n")) {
            if (line.startsWith("peak-heap-mb: ")) {
                peak = Long.parseLong(line.substring(14).strip());
            }
        }
        if (exit != 0) {
            out.println(output);
        }
        return new Result(secs, peak, exit, output);
    }
}
