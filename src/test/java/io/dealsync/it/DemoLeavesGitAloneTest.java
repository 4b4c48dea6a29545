package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.app.DemoSamples;
import io.dealsync.config.EngineSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command in a fresh clone changes no tracked file (issue 11, point 8): a copy of the
 * project's tracked files committed in a new repository, the engine run there with its shipped settings
 * (its embedded database, the sample inbox), then {@code git status}.
 */
class DemoLeavesGitAloneTest {
    @TempDir
    Path tmp;

    @Test
    void theDemoRunLeavesAFreshCloneCleanAndStillReplaysTheSamples() throws Exception {
        Path clone = tmp.resolve("clone");
        for (String f : git(Path.of("").toAbsolutePath(), "ls-files").split("\n")) {
            Path from = Path.of(f);
            if (Files.isRegularFile(from)) {
                Files.createDirectories(clone.resolve(f).getParent());
                Files.copy(from, clone.resolve(f));
            }
        }
        git(clone, "init", "-q");
        git(clone, "add", "-A");
        git(clone, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-qm", "fresh clone");
        assertThat(git(clone, "status", "--porcelain")).isEmpty();

        assertThat(launch(clone, "run", "--once")).isZero();
        // the samples were copied into the (ignored) inbox and read from there
        JsonRead report = new JsonRead(clone.resolve("reports/latest.json"));
        assertThat(report.filesRead()).isEqualTo(5);
        assertThat(Files.exists(clone.resolve("inbox/.done/2026-11-01-partner-crm.csv"))).isTrue();
        assertThat(git(clone, "status", "--porcelain")).as("git status after the demo run").isEmpty();

        // a second run: the database exists, so nothing is copied again; still clean
        assertThat(launch(clone, "run", "--once")).isZero();
        assertThat(new JsonRead(clone.resolve("reports/latest.json")).filesRead()).isZero();
        assertThat(git(clone, "status", "--porcelain")).isEmpty();

        // a fresh start again (the README's replay): the samples come back
        deleteTree(clone.resolve("data"));
        deleteTree(clone.resolve("inbox"));
        assertThat(launch(clone, "run", "--once")).isZero();
        assertThat(new JsonRead(clone.resolve("reports/latest.json")).filesRead()).isEqualTo(5);
        assertThat(git(clone, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aDeploymentNeverGetsTheSamples() {
        Path samples = Path.of("samples").toAbsolutePath();
        Map<String, String> base = Map.of("dealsync.inbox", tmp.resolve("inbox").toString(),
                "dealsync.data", tmp.resolve("data").toString(), "dealsync.samples", samples.toString());
        // PostgreSQL: never (nothing is opened here, the URL alone decides)
        Map<String, String> pg = new java.util.HashMap<>(base);
        pg.put("dealsync.db.url", "jdbc:postgresql://127.0.0.1:5432/prod");
        assertThat(DemoSamples.seedIfFresh(EngineSettings.load(null, pg))).isZero();
        // the embedded database with the samples switched off
        Map<String, String> off = new java.util.HashMap<>(base);
        off.put("dealsync.db.url", "jdbc:hsqldb:file:" + tmp.resolve("data/dealsync"));
        off.put("dealsync.samples", "");
        assertThat(DemoSamples.seedIfFresh(EngineSettings.load(null, off))).isZero();
        assertThat(Files.exists(tmp.resolve("inbox"))).isFalse();
        // an inbox that already holds a file of its own: left as it is
        Map<String, String> own = new java.util.HashMap<>(off);
        own.put("dealsync.samples", samples.toString());
        Harness h = new Harness(tmp);
        h.write("2026-11-26-mine.csv", new Rows().csv());
        assertThat(DemoSamples.seedIfFresh(EngineSettings.load(null, own))).isZero();
        assertThat(h.inboxListing()).containsExactly("2026-11-26-mine.csv");
        // the embedded demo: the five samples
        deleteTreeQuietly(tmp.resolve("inbox"));
        assertThat(DemoSamples.seedIfFresh(EngineSettings.load(null, own))).isEqualTo(5);
    }

    /** The engine's main class with the clone as its home and nothing set: what ./dealsync runs. */
    private static int launch(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Ddealsync.home=" + home, "-cp", System.getProperty("java.class.path"),
                "io.dealsync.cli.DealsyncCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DEALSYNC_"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not finish:\n" + new String(out, StandardCharsets.UTF_8));
        }
        if (p.exitValue() != 0) {
            System.err.println(new String(out, StandardCharsets.UTF_8));
        }
        return p.exitValue();
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + out).isZero();
        return out.strip();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteTreeQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The number of files of a run report. */
    private record JsonRead(Path file) {
        long filesRead() throws IOException {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).get("files").size();
        }
    }
}
