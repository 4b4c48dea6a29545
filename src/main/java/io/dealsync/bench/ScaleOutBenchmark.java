package io.dealsync.bench;

import io.dealsync.store.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Throughput of 1 and 2 engine instances in cluster mode on one inbox and one PostgreSQL database: generates
 * {@code files} day-1 files of {@code records} rows, then for each instance count runs that many {@code run --once}
 * child JVMs (-Xmx256m) on a copy of them, each instance with its own reports folder, the inbox and rejects folder
 * shared, each measurement in a fresh schema of the configured database (dropped afterwards).
 */
public final class ScaleOutBenchmark {
    private final Path home;
    private final Path dir;
    private final String url;
    private final String user;
    private final String password;
    private final int files;
    private final int records;
    private final PrintStream out;

    public ScaleOutBenchmark(Path home, Path dir, String url, String user, String password, int files, int records,
            PrintStream out) {
        this.home = home;
        this.dir = dir;
        this.url = url;
        this.user = user;
        this.password = password;
        this.files = files;
        this.records = records;
        this.out = out;
    }

    public int run() throws Exception {
        if (!url.startsWith("jdbc:postgresql:")) {
            out.println("bench --scale-out needs PostgreSQL: set dealsync.db.url (e.g. --set dealsync.db.url="
                    + "jdbc:postgresql://127.0.0.1:5432/dealsync)");
            return 2;
        }
        for (int n = 1; n <= 2; n++) {
            ChildEngine.deleteRuns(dir.resolve("run-" + n + "x")); // before the data is generated, not before each run
        }
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        out.printf("Generating %d files of %,d records in %s...%n", files, records, data);
        List<Path> inputs = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            Path p = data.resolve(String.format("2026-11-01-part%02d-%d.csv", f, records));
            if (!Files.exists(p)) {
                DataGenerator.day1Csv(p, records, 11 + f, f * records);
            }
            inputs.add(p);
        }
        List<String> rows = new ArrayList<>();
        double single = 0;
        for (int n = 1; n <= 2; n++) {
            double[] r = measure(n, inputs);
            if (n == 1) {
                single = r[1];
            }
            rows.add(String.format("%9d %9.1f s %12.0f %9.1f s %12.0f %8.2fx", n, r[0], files * (double) records / r[0],
                    r[1], files * (double) records / r[1], single / r[1]));
        }
        out.println();
        out.printf("%9s %11s %12s %11s %12s %9s%n", "instances", "wall", "records/s", "intake", "records/s", "speed-up");
        rows.forEach(out::println);
        out.println("wall: first JVM start to last exit; intake: first file taken to last file done (database clock)");
        return 0;
    }

    /** Runs {@code n} instances over a fresh copy of the inputs in a fresh schema; returns {wall s, intake s}. */
    private double[] measure(int n, List<Path> inputs) throws Exception {
        Path run = dir.resolve("run-" + n + "x");
        Path inbox = Files.createDirectories(run.resolve("inbox"));
        for (Path p : inputs) {
            Files.copy(p, inbox.resolve(p.getFileName()));
        }
        String schema = "dealsync_bench_" + n + "x_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        sql("CREATE SCHEMA " + schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            try (Database db = Database.open(schemaUrl, user, password, 1, 1)) {
                db.dataSource(); // migrated once, so that the instances do not race to create the schema
            }
            out.printf("%d instance(s)...%n", n);
            long start = System.nanoTime();
            List<Process> procs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                procs.add(start(run, inbox, schemaUrl, "bench-" + (char) ('a' + i)));
            }
            for (Process p : procs) {
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("An instance failed (exit " + p.exitValue() + "); see " + run);
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double intake = query(schemaUrl, "SELECT EXTRACT(EPOCH FROM MAX(finished_at) - MIN(started_at))"
                    + " FROM ingested_file WHERE status = 'done'");
            long done = (long) query(schemaUrl, "SELECT COUNT(*) FROM ingested_file WHERE status = 'done'");
            if (done != files) {
                throw new IllegalStateException(done + " of " + files + " files done; see " + run);
            }
            return new double[] {wall, intake};
        } finally {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Process start(Path run, Path inbox, String schemaUrl, String instance) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ChildEngine.LAUNCHER_JVM);
        cmd.addAll(List.of("-Ddealsync.home=" + home, "-cp", System.getProperty("java.class.path"),
                "io.dealsync.cli.DealsyncCommand"));
        String[][] sets = {{"dealsync.inbox", inbox.toString()}, {"dealsync.rejects", run.resolve("rejects").toString()},
            {"dealsync.reports", run.resolve("reports-" + instance).toString()},
            {"dealsync.outbox", run.resolve("outbox").toString()}, {"dealsync.data", run.resolve("data").toString()},
            {"dealsync.db.url", schemaUrl}, {"dealsync.db.user", user}, {"dealsync.db.password", password},
            {"dealsync.cluster.enabled", "true"}, {"dealsync.instance", instance},
            {"dealsync.inbox.complete-after-ms", "0"}};
        for (String[] s : sets) {
            cmd.add("--set");
            cmd.add(s[0] + "=" + s[1]);
        }
        cmd.addAll(List.of("run", "--once", "--as-of", "2026-11-26"));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(run.resolve(instance + ".log").toFile()).start();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private double query(String schemaUrl, String q) throws SQLException {
        try (Connection c = DriverManager.getConnection(schemaUrl, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(q)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
