package io.dealsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * docs/quality.md's benchmark: generates data shaped like real exports ({@link DataGenerator}), then runs the
 * real engine (the launcher's main class, real routes and rules) in a child JVM capped at -Xmx256m per
 * scenario, and prints records/s, wall time (JVM start included), peak heap and peak RSS against the bars.
 * Two floors measured in this JVM give context: parsing alone, and the rules alone ({@link Floors}).
 */
public final class Benchmark {
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final Path home;
    private final Path dir;
    private final int records;
    private final int jsonRecords;
    private final boolean postgres;
    private final PrintStream out;
    private final List<String> rows = new ArrayList<>();
    private final ChildEngine engine;

    public Benchmark(Path home, Path dir, int records, int jsonRecords, boolean postgres, PrintStream out) {
        this.home = home;
        this.dir = dir;
        this.records = records;
        this.jsonRecords = jsonRecords;
        this.postgres = postgres;
        this.out = out;
        this.engine = new ChildEngine(home, out);
    }

    public int run() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        int small = Math.max(1, records / 10);
        Path day1 = data.resolve("b1-" + records + ".csv");
        Path day2 = data.resolve("b4-" + records + ".csv");
        Path day1Small = data.resolve("b1-" + small + ".csv");
        Path day2Small = data.resolve("b4-" + small + ".csv");
        Path json = data.resolve("b2-" + jsonRecords + ".json");
        ChildEngine.deleteRuns(dir.resolve("runs")); // before the data is generated, not before each scenario
        out.println("Generating data in " + data + " (deterministic, seed 42)...");
        generate(day1, p -> DataGenerator.day1Csv(p, records, 42));
        generate(day2, p -> DataGenerator.day2Csv(p, records, 42));
        generate(day1Small, p -> DataGenerator.day1Csv(p, small, 42));
        generate(day2Small, p -> DataGenerator.day2Csv(p, small, 42));
        generate(json, p -> DataGenerator.partnerCenterJson(p, jsonRecords, 42));
        out.printf("B1 file: %,d records, %,.0f MB, %,d bytes a row; second night: %,d records%n", records,
                Files.size(day1) / 1e6, Files.size(day1) / records, records + records / 50);

        rows.addAll(Floors.measure(home, day1));

        Path b1 = fresh("b1");
        ChildEngine.Result r1 = engine.run(b1, List.of(day1), null, "run", "--once");
        rate("B1 " + fmt(records) + " CSV, new database", records, r1, 30_000);
        Path b1s = fresh("b1-small");
        rate("B1 " + fmt(small) + " CSV (memory check)", small, engine.run(b1s, List.of(day1Small), null, "run", "--once"), 30_000);
        bounded("B3 B1 file again (repeat)", engine.run(b1, List.of(day1), null, "run", "--once"), 3);
        ChildEngine.Result b4 = engine.run(b1, List.of(day2), null, "run", "--once");
        rate("B4 second night, " + fmt(records + records / 50) + " on B1's deals", records + records / 50, b4, 50_000);
        ChildEngine.Result b4s = engine.run(b1s, List.of(day2Small), null, "run", "--once");
        rate("B4 second night, " + fmt(small + small / 50) + " (growth check)", small + small / 50, b4s, 50_000);
        double growth = (b4.seconds() / (records + records / 50)) / (b4s.seconds() / (small + small / 50));
        rows.add(String.format("%-44s %10s %9s %11s %11s  %s", "B4 time a record, large / small", String.format("%.2fx", growth),
                "-", "-", "-", growth <= 1.3 ? "ok (<= 1.3x)" : "MISSED (bar 1.3x)"));
        smallFiles(b1);
        bounded("B5 sweep over " + fmt(records) + " B1 deals", engine.run(b1, List.of(), null, "expire", "--as-of", "2026-12-31"), 10);
        Path b2 = fresh("b2");
        rate("B2 " + fmt(jsonRecords) + " Partner Center JSON", jsonRecords, engine.run(b2, List.of(json), null, "run", "--once"), 25_000);
        Path b6 = fresh("b6");
        bounded("B6 run --once, empty inbox", engine.run(b6, List.of(), null, "run", "--once"), 4);
        bounded("B6 rules check", engine.run(b6, List.of(), null, "rules", "check"), 4);
        if (postgres) {
            onPostgres(day1, day2);
        }

        out.println();
        out.printf("%-44s %10s %11s %11s %11s  %s%n", "scenario", "records/s", "wall", "peak heap", "peak RSS", "bar");
        rows.forEach(out::println);
        return 0;
    }

    /** B7: one 10-record file on the large database, then 50 small files in one run. */
    private void smallFiles(Path b1) throws Exception {
        Path ten = dir.resolve("data/b7-10.csv");
        DataGenerator.day1Csv(ten, 10, 7, 5_000_000);
        ChildEngine.Result r = engine.run(b1, List.of(ten), null, "run", "--once");
        long fileMs = lastFileMillis(b1);
        rows.add(String.format("%-44s %10s %9.1f s %8d MB %8d MB  %s", "B7 10-record file on the B1 database",
                fileMs + " ms", r.seconds(), r.peakHeapMb(), r.peakRssMb(),
                fileMs < 1000 ? "ok (file < 1 s)" : "MISSED (file, bar 1 s)"));
        List<Path> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Path f = dir.resolve(String.format("data/b7-small-%02d.csv", i));
            DataGenerator.day1Csv(f, 200, 70 + i, 6_000_000 + i * 1000);
            fifty.add(f);
        }
        bounded("B7 50 files of 200 records after B1", engine.run(b1, fifty, null, "run", "--once"), 30);
    }

    /** B8: B1 and B4 on a throw-away database of the local PostgreSQL server. */
    private void onPostgres(Path day1, Path day2) throws Exception {
        String name = "dealsync_bench_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            rows.add(String.format("%-44s %s", "B8 PostgreSQL", "skipped: " + e.getMessage()));
            return;
        }
        try {
            Path pg = fresh("b8");
            String url = PG_SERVER + name;
            rate("B8 B1 on PostgreSQL", records, engine.run(pg, List.of(day1), url, "run", "--once"), 30_000);
            rate("B8 B4 on PostgreSQL", records + records / 50, engine.run(pg, List.of(day2), url, "run", "--once"), 50_000);
        } finally {
            try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static long lastFileMillis(Path runDir) throws IOException {
        JsonNode report = new ObjectMapper().readTree(runDir.resolve("reports/latest.json").toFile());
        long ms = 0;
        for (JsonNode f : report.path("files")) {
            ms += f.path("durationMs").asLong();
        }
        return ms;
    }

    private void rate(String name, long n, ChildEngine.Result r, double bar) {
        double rate = n / r.seconds();
        rows.add(String.format("%-44s %,10.0f %9.1f s %8d MB %8d MB  %s%s", name, rate, r.seconds(), r.peakHeapMb(),
                r.peakRssMb(), rate >= bar ? "ok (>= " + fmt((long) bar) + "/s)" : "MISSED (bar " + fmt((long) bar) + "/s)",
                r.exit() == 0 ? "" : " exit " + r.exit()));
    }

    private void bounded(String name, ChildEngine.Result r, double barSeconds) {
        rows.add(String.format("%-44s %10s %9.1f s %8d MB %8d MB  %s%s", name, "-", r.seconds(), r.peakHeapMb(), r.peakRssMb(),
                r.seconds() < barSeconds ? "ok (< " + (int) barSeconds + " s)" : "MISSED (bar " + (int) barSeconds + " s)",
                r.exit() == 0 ? "" : " exit " + r.exit()));
    }

    private interface Writer {
        void write(Path p) throws IOException;
    }

    private static void generate(Path p, Writer w) throws IOException {
        if (!Files.exists(p)) {
            Path tmp = p.resolveSibling(p.getFileName() + ".part");
            w.write(tmp);
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String fmt(long n) {
        return String.format("%,d", n);
    }

    /** A scenario's run directory, new (the previous benchmark's were deleted at the start). */
    private Path fresh(String name) throws IOException {
        return Files.createDirectories(dir.resolve("runs/" + name).resolve("inbox")).getParent();
    }
}
