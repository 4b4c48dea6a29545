package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dealsync.bench.DataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, disk trouble: the rejects folder full (a 64 KB tmpfs) or read-only, the reports folder read-only.
 * No chunk is committed without its reject lines, the file is not marked done, the run exits non-zero naming
 * the folder, and the next run (with room again) ends in the state of an uninterrupted run. Needs root (mount);
 * skipped elsewhere.
 */
class DiskTroubleTest {
    static final int RECORDS = 3000;

    @TempDir
    static Path data;
    static Path input;

    @BeforeAll
    static void generate() throws IOException {
        input = data.resolve("2026-11-01-crm.csv");
        DataGenerator.day1Csv(input, RECORDS, 7); // about one record in ten is rejected: ~1 KB a reject line, ~12 KB a chunk
    }

    @Test
    void aFullRejectsFolderStopsTheFileAndTheNextRunEndsAsIfNothingHappened(@TempDir Path tmp) throws Exception {
        String reference = uninterrupted(tmp.resolve("reference"));
        Harness h = harness(tmp.resolve("full"));
        Files.createDirectories(h.rejects());
        assumeTrue(mount(h.rejects(), "size=64k"), "needs root to mount a small tmpfs");
        boolean passed = false;
        try {
            Harness.Output first = h.runCaptured("run", "--once", "--as-of", "2026-11-26");
            assertThat(first.code()).as(first.out() + first.err()).isNotZero();
            assertThat(first.err()).contains(h.rejects().toAbsolutePath().normalize().toString());
            assertThat(h.inboxListing()).contains(input.getFileName().toString());
            assertThat(h.count("SELECT COUNT(*) FROM ingested_file WHERE status = 'done'")).isZero();
            // committed chunks only with their reject lines: the .part holds at least what the checkpoint says
            long committed = Long.parseLong(h.value("SELECT reject_offset FROM ingested_file"));
            Path part = Harness.files(h.rejects()).stream().filter(p -> p.toString().endsWith(".rejects.csv.part"))
                    .findFirst().orElseThrow();
            assertThat(Files.size(part)).isGreaterThanOrEqualTo(committed);
            assertThat(committed).isPositive();
            assertThat(openFilesUnder(h.rejects())).as("descriptors left open by the failed file").isEmpty();

            assertThat(run("mount", "-o", "remount,size=16m", h.rejects().toString())).isTrue();
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            assertThat(CrashSafetyTest.state(h)).isEqualTo(reference);
            passed = true;
        } finally {
            unmount(h.rejects(), passed);
        }
    }

    @Test
    void aReadOnlyRejectsFolderStopsTheFileAndTheNextRunEndsAsIfNothingHappened(@TempDir Path tmp) throws Exception {
        String reference = uninterrupted(tmp.resolve("reference"));
        Harness h = harness(tmp.resolve("ro"));
        Files.createDirectories(h.rejects());
        assumeTrue(mount(h.rejects(), "ro,size=1m"), "needs root to mount a tmpfs");
        boolean passed = false;
        try {
            Harness.Output first = h.runCaptured("run", "--once", "--as-of", "2026-11-26");
            assertThat(first.code()).isNotZero();
            assertThat(first.err()).contains("in the folder " + h.rejects().toAbsolutePath().normalize());
            assertThat(h.inboxListing()).contains(input.getFileName().toString());
            assertThat(h.count("SELECT COUNT(*) FROM ingested_file WHERE status = 'done'")).isZero();
            assertThat(h.count("SELECT COUNT(*) FROM deal")).as("the first chunk has rejects: nothing committed").isZero();

            assertThat(run("mount", "-o", "remount,rw", h.rejects().toString())).isTrue();
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            assertThat(CrashSafetyTest.state(h)).isEqualTo(reference);
            passed = true;
        } finally {
            unmount(h.rejects(), passed);
        }
    }

    @Test
    void aReadOnlyReportsFolderEndsTheRunNonZeroNamingIt(@TempDir Path tmp) throws Exception {
        Harness h = harness(tmp.resolve("reports"));
        Files.createDirectories(h.reports());
        assumeTrue(mount(h.reports(), "ro,size=1m"), "needs root to mount a tmpfs");
        boolean passed = false;
        try {
            Harness.Output first = h.runCaptured("run", "--once", "--as-of", "2026-11-26");
            assertThat(first.code()).isNotZero();
            assertThat(first.err()).contains("run report in the folder " + h.reports().toAbsolutePath().normalize());
            // the file itself was read whole and is done: only the report is missing
            assertThat(h.inboxListing()).containsExactly(".done/" + input.getFileName());

            assertThat(run("mount", "-o", "remount,rw", h.reports().toString())).isTrue();
            assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
            assertThat(h.reports().resolve("latest.json")).exists();
            passed = true;
        } finally {
            unmount(h.reports(), passed);
        }
    }

    private static String uninterrupted(Path dir) throws Exception {
        Harness ref = harness(dir);
        assertThat(ref.run("run", "--once", "--as-of", "2026-11-26")).isZero();
        return CrashSafetyTest.state(ref);
    }

    private static Harness harness(Path dir) throws IOException {
        Harness h = new Harness(dir);
        h.settings.put("dealsync.batch-size", "100");
        Files.createDirectories(h.inbox());
        Files.copy(input, h.inbox().resolve(input.getFileName()));
        return h;
    }

    private static boolean mount(Path dir, String options) {
        return run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
    }

    /**
     * Unmounts the small volume. A volume still busy after a few tries means the engine kept a file in it
     * open (a leaked descriptor): the test fails naming the files, after a lazy unmount so the temporary
     * folder can still be cleaned. After a failed test it only cleans up: the test's own failure is the news.
     */
    private static void unmount(Path dir, boolean strict) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (run("umount", dir.toString())) {
                return;
            }
            Thread.sleep(200);
        }
        List<String> open = openFilesUnder(dir);
        run("umount", "-l", dir.toString());
        if (strict) {
            throw new AssertionError("could not unmount " + dir + "; files the engine still holds open: " + open);
        }
    }

    private static List<String> openFilesUnder(Path dir) throws IOException {
        String prefix = dir.toRealPath().toString();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return "";
                }
            }).filter(target -> target.startsWith(prefix)).toList();
        }
    }

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
