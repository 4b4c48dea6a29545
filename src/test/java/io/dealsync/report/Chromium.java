package io.dealsync.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, as a reviewer's browser: the DOM after rendering, its console, a screenshot. */
final class Chromium {
    record Result(String dom, String log) {
    }

    private final Path profiles;

    Chromium(Path profiles) {
        this.profiles = profiles;
    }

    /** The browser's path, or null when it is not installed. */
    static String binary() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    /** Opens the page offline in a 1280 px wide window; returns the rendered DOM and the browser's log (console messages included). */
    Result dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom", "--enable-logging=stderr", "--v=0", "--window-size=1280,2000");
    }

    /** A screenshot of the page at the given window size. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
    }

    private Result run(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(profiles, "chromium");
        List<String> cmd = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(page.toAbsolutePath().toUri().toString());
        Path out = profile.resolve("out.txt");
        Path err = profile.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s: " + Files.readString(err));
        }
        return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Every console message of the page (Chromium logs each as INFO:CONSOLE, whatever its level; the reports have
     * no script, so any message is a problem) and blocked loads (a CSP refusal is one).
     */
    static List<String> consoleErrors(String log) {
        return log.lines().filter(l -> l.contains(":CONSOLE")
                || l.contains("Refused to") || l.contains("Uncaught") || l.contains("net::ERR_")).toList();
    }
}
