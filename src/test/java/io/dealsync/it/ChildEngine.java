package io.dealsync.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The launcher's main class in a child JVM (so it can be killed, or run twice at once), with a harness's settings. */
final class ChildEngine {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;

    private ChildEngine(Process process) {
        this.process = process;
        this.pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    static ChildEngine start(Map<String, String> settings, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: a test's child runs seconds on small files, where C2 only competed for the 2 cores
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-Ddealsync.home=" + Path.of("").toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                "io.dealsync.cli.DealsyncCommand"));
        settings.forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new ChildEngine(pb.start());
    }

    /** Waits until a line of output matches, or the child ends; true when it matched. */
    boolean awaitLine(Predicate<String> p, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (lines.stream().anyMatch(p)) {
                return true;
            }
            if (!process.isAlive()) {
                return lines.stream().anyMatch(p);
            }
            Thread.sleep(20);
        }
        return false;
    }

    long countLines(Predicate<String> p) {
        return lines.stream().filter(p).count();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int await(long timeoutMs) throws InterruptedException {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The engine did not finish in " + timeoutMs + " ms:\n" + output());
        }
        pump.join(5000);
        return process.exitValue();
    }

    String output() {
        return String.join("\n", lines);
    }
}
