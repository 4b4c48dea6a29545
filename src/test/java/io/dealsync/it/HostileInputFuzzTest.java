package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.fuzz.Mutator;
import io.dealsync.fuzz.SeedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: valid files of every kind (canonical CSV, each source profile, JSON array, page, NDJSON), damaged
 * at random, through the real engine in a child JVM with -Xmx256m. For every file: no crash, no hang, it
 * settles in .done/ or .failed/ with a reason, the counts add up, every record wholly before the first damaged
 * byte is stored or rejected, every reject names its position. A file failed whole must have been damaged in
 * its first line or in more than one spot.
 *
 * <p>About 40 s by default; longer with {@code -Dfuzz.seconds=600}; another seed with {@code -Dfuzz.seed=N};
 * one batch again with {@code -Dfuzz.batch=B}. A failure prints seed, batch, file and mutation: keep it as a
 * case of {@link HostileInputCasesTest}.
 */
class HostileInputFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    static final int SECONDS = Integer.getInteger("fuzz.seconds", 40);
    static final int FILES_PER_RUN = Integer.getInteger("fuzz.files-per-run", 32);
    static final int ONLY_BATCH = Integer.getInteger("fuzz.batch", -1);

    @Test
    void damagedFilesLoseNothing(@TempDir Path tmp) throws Exception {
        long end = System.currentTimeMillis() + SECONDS * 1000L;
        List<SeedFile> seeds = SeedFile.all(tmp.resolve("seeds"));
        List<String> problems = new ArrayList<>();
        int files = 0;
        int batch = ONLY_BATCH >= 0 ? ONLY_BATCH : 1;
        do {
            FuzzBatch b = batch(tmp.resolve("batch-" + batch), seeds, SEED, batch);
            problems.addAll(b.run(SEED, batch));
            files += b.cases.size();
            batch++;
        } while (ONLY_BATCH < 0 && System.currentTimeMillis() < end);
        System.out.println("HostileInputFuzzTest: seed " + SEED + ", " + (batch - 1) + " batch(es), " + files
                + " damaged files, " + problems.size() + " problem(s)");
        problems.forEach(System.out::println);
        assertThat(problems).as("seed %d: replay with -Dfuzz.seed=%d -Dfuzz.batch=B", SEED, SEED).isEmpty();
    }

    /** The files of one batch: a pure function of seed and batch number. */
    static FuzzBatch batch(Path dir, List<SeedFile> seeds, long seed, int batch) {
        FuzzBatch b = new FuzzBatch(dir, seeds);
        for (int i = 0; i < FILES_PER_RUN; i++) {
            SeedFile s = seeds.get((batch * FILES_PER_RUN + i) % seeds.size());
            Random rnd = new Random(seed * 1_000_003L + batch * 10_007L + i);
            String tag = "Z" + batch + "x" + i;
            byte[] original = s.bytes(tag);
            Mutator.Mutation m = Mutator.random(original, s.charset, s.delimiter, rnd);
            b.add(s, String.format("b%03d-%03d-%s%s", batch, i, s.label, s.extension), tag, original, m);
        }
        return b;
    }
}
