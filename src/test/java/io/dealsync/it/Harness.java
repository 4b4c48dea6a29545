package io.dealsync.it;

import io.dealsync.config.EngineSettings;
import io.dealsync.cli.DealsyncCommand;
import io.dealsync.store.Database;
import io.dealsync.store.DealStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real engine (real routes/ and rules/ of the project) with its runtime folders and its embedded
 * database in a temporary folder. Runs the launcher's commands in-process.
 */
final class Harness {
    final Path dir;
    final Map<String, String> settings = new LinkedHashMap<>();

    Harness(Path dir) {
        this.dir = dir;
        settings.put("dealsync.inbox", dir.resolve("inbox").toString());
        settings.put("dealsync.rejects", dir.resolve("rejects").toString());
        settings.put("dealsync.reports", dir.resolve("reports").toString());
        settings.put("dealsync.outbox", dir.resolve("outbox").toString());
        settings.put("dealsync.data", dir.resolve("data").toString());
        settings.put("dealsync.db.url", "jdbc:hsqldb:file:" + dir.resolve("data/dealsync"));
        settings.put("dealsync.inbox.complete-after-ms", "0");
        settings.put("dealsync.db.connect-attempts", "1");
        settings.put("dealsync.samples", ""); // the tests drop their own files: never the demo's samples
        settings.put("dealsync.as-of.allow-future", "true"); // the tests replay dates that may be after today
        settings.put("dealsync.http.port", "0"); // a daemon's health/metrics port: any free one, so daemons never collide
    }

    Path inbox() { return dir.resolve("inbox"); }
    Path rejects() { return dir.resolve("rejects"); }
    Path reports() { return dir.resolve("reports"); }
    Path outbox() { return dir.resolve("outbox"); }

    /** Runs a launcher command with the harness's settings; returns its exit code. */
    int run(String... args) {
        List<String> all = new ArrayList<>();
        settings.forEach((k, v) -> {
            all.add("--set");
            all.add(k + "=" + v);
        });
        all.addAll(List.of(args));
        return DealsyncCommand.execute(all.toArray(String[]::new));
    }

    /** What a command printed, and its exit code. */
    record Output(int code, String out, String err) {
    }

    /** Runs a launcher command with System.out and System.err captured (one at a time: they are global). */
    Output runCaptured(String... args) {
        synchronized (Harness.class) {
            java.io.PrintStream out = System.out;
            java.io.PrintStream err = System.err;
            java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new java.io.PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8));
                System.setErr(new java.io.PrintStream(e, true, java.nio.charset.StandardCharsets.UTF_8));
                code = run(args);
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            return new Output(code, o.toString(java.nio.charset.StandardCharsets.UTF_8),
                    e.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Copies a project file (e.g. "samples/2026-11-01-partner-crm.csv") into the harness inbox (optionally a
     * source folder). "inbox/..." still names a sample: the samples moved from inbox/ to samples/.
     */
    Path drop(String projectFile, String source) {
        Path target = source == null ? inbox() : inbox().resolve(source);
        try {
            Files.createDirectories(target);
            Path src = sample(projectFile);
            return Files.copy(src, target.resolve(src.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project file; "inbox/x" is the sample "samples/x" (the inbox is a runtime folder now). */
    static Path sample(String projectFile) {
        Path p = Path.of(projectFile);
        return !Files.exists(p) && projectFile.startsWith("inbox/") ? Path.of("samples", projectFile.substring(6)) : p;
    }

    Path write(String relative, String content) {
        try {
            Path p = inbox().resolve(relative);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EngineSettings loadSettings() {
        return EngineSettings.load(null, settings);
    }

    /** Opens the harness database (the engine must not be running). */
    <T> T withStore(java.util.function.Function<DealStore, T> f) {
        EngineSettings s = loadSettings();
        try (Database db = Database.open(s.jdbcUrl(), s.get("dealsync.db.user"), s.get("dealsync.db.password"), 2, 1)) {
            return f.apply(new DealStore(db));
        }
    }

    long count(String sql) {
        return withStore(s -> s.database().count(sql));
    }

    /** Rows of a query (bound parameters), each column as text (null as "null"). */
    List<List<String>> query(String sql, Object... args) {
        return withStore(s -> {
            try (java.sql.Connection c = s.database().connection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<List<String>> out = new ArrayList<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            row.add(String.valueOf(rs.getString(i)));
                        }
                        out.add(row);
                    }
                }
                return out;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    /** The one value of a one-row, one-column query. */
    String value(String sql, Object... args) {
        List<List<String>> rows = query(sql, args);
        if (rows.size() != 1) {
            throw new AssertionError(sql + ": " + rows.size() + " rows " + rows);
        }
        return rows.get(0).get(0);
    }

    /** The last run's JSON report (reports/latest.json). */
    com.fasterxml.jackson.databind.JsonNode latestReport() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(reports().resolve("latest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the inbox, as a path relative to it ("crm-fr/.done/x.csv"). */
    List<String> inboxListing() {
        return files(inbox()).stream().map(p -> inbox().relativize(p).toString()).toList();
    }

    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
