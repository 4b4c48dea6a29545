package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.bench.DataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, crash safety of {@code handoff}: a JVM stopped dead (a test-only halt point, or SIGKILL) in the
 * middle of a hand-off leaves no half-written upload file and no version marked handed off without its
 * file; the next {@code handoff} finishes the job with every deal in exactly one file.
 */
class HandoffCrashTest {
    static final int DEALS = 2000;
    static final int HALTED = 137;

    @TempDir
    static Path data;
    static Path generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = data.resolve("2026-11-01-crm.csv");
        DataGenerator.day1Csv(generated, DEALS, 5);
    }

    @Test
    void haltedBeforeARenameLeavesOnlyATemporaryFileAndThoseDealsGoAgain(@TempDir Path dir) throws Exception {
        Harness h = engineWithDeals(dir);
        assertThat(child(h, "before-rename:2").await(120_000)).isEqualTo(HALTED);
        awaitDatabaseFree(h);
        assertThat(names(h)).anyMatch(n -> n.endsWith("-001.csv")).anyMatch(n -> n.endsWith("-002.csv.part"))
                .noneMatch(n -> n.endsWith("-002.csv"));
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE status = 'writing'")).isEqualTo(400);
        assertThat(h.run("handoff")).isZero();
        assertConsistent(h);
    }

    @Test
    void haltedAfterARenameKeepsTheFileAndDoesNotWriteItsDealsAgain(@TempDir Path dir) throws Exception {
        Harness h = engineWithDeals(dir);
        assertThat(child(h, "after-rename:3").await(120_000)).isEqualTo(HALTED);
        awaitDatabaseFree(h);
        String third = names(h).stream().filter(n -> n.endsWith("-003.csv")).findFirst().orElseThrow();
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE status = 'writing'")).isEqualTo(400);
        assertThat(h.run("handoff")).isZero();
        assertConsistent(h);
        assertThat(h.value("SELECT status FROM handoff_file WHERE name = ?", third)).isEqualTo("written");
    }

    @Test
    void sigkilledWhileWritingFilesEndsConsistent(@TempDir Path dir) throws Exception {
        Harness h = engineWithDeals(dir);
        h.settings.put("dealsync.handoff.max-rows", "100");
        for (int files : new int[] {2, 5}) {
            ChildEngine c = ChildEngine.start(h.settings, Map.of(), "handoff");
            assertThat(c.awaitLine(l -> l.contains(String.format("-%03d.csv written", files)), 120_000))
                    .as(c.output()).isTrue();
            c.kill(); // somewhere in the next file
            awaitDatabaseFree(h);
        }
        assertThat(h.run("handoff")).isZero();
        assertConsistent(h);
    }

    /** An engine with the generated deals stored, and files of 400 rows. */
    private static Harness engineWithDeals(Path dir) throws Exception {
        Harness h = new Harness(dir);
        Files.createDirectories(h.inbox());
        Files.copy(generated, h.inbox().resolve(generated.getFileName()));
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26")).isZero();
        h.settings.put("dealsync.handoff.max-rows", "400");
        return h;
    }

    /** HSQLDB takes over the lock file of a process that died only once its heartbeat is stale (some seconds). */
    private static void awaitDatabaseFree(Harness h) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                h.count("SELECT COUNT(*) FROM deal");
                return;
            } catch (io.dealsync.store.DatabaseUnavailableException e) {
                if (System.currentTimeMillis() > end) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static ChildEngine child(Harness h, String halt) throws Exception {
        Map<String, String> s = new LinkedHashMap<>(h.settings);
        s.put("dealsync.handoff.test-halt", halt);
        return ChildEngine.start(s, Map.of(), "handoff");
    }

    private static Path out(Harness h) {
        return h.outbox().resolve("handoff");
    }

    private static List<String> names(Harness h) {
        return Harness.files(out(h)).stream().filter(p -> p.getParent().equals(out(h)))
                .map(p -> p.getFileName().toString()).toList();
    }

    /**
     * No temporary file; no row still 'writing'; each upload file on disk is a written file of the ledger and
     * holds exactly its ledger rows (CRM ID by row); every deal is in one file or held back, once.
     */
    private static void assertConsistent(Harness h) {
        assertThat(names(h)).noneMatch(n -> n.endsWith(".part"));
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE status = 'writing'")).isZero();
        assertThat(h.count("SELECT COUNT(*) FROM handoff_file WHERE status <> 'written'")).isZero();
        List<List<String>> ledgerFiles = h.query("SELECT id, name, row_count FROM handoff_file ORDER BY id");
        assertThat(names(h)).containsExactlyInAnyOrderElementsOf(ledgerFiles.stream().map(r -> r.get(1)).toList());
        Set<String> seen = new HashSet<>();
        long rows = 0;
        for (List<String> f : ledgerFiles) {
            List<Map<String, String>> csv = HandoffTest.read(out(h).resolve(f.get(1)));
            assertThat(csv).hasSize(Integer.parseInt(f.get(2)));
            List<String> ledgerCrm = h.query("SELECT crm_id FROM handoff WHERE file_id = ? ORDER BY row_no",
                    Long.parseLong(f.get(0))).stream().map(r -> r.get(0)).toList();
            assertThat(csv.stream().map(r -> r.get("CRM ID")).toList()).isEqualTo(ledgerCrm);
            for (Map<String, String> r : csv) {
                assertThat(seen.add(r.get("CRM ID"))).as("%s in two files", r.get("CRM ID")).isTrue();
            }
            rows += csv.size();
        }
        assertThat(h.count("SELECT COUNT(*) FROM handoff WHERE status = 'sent'")).isEqualTo(rows);
        assertThat(rows + h.count("SELECT COUNT(*) FROM handoff WHERE status = 'held'"))
                .isEqualTo(h.count("SELECT COUNT(*) FROM deal"));
    }
}
