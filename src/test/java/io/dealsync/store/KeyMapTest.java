package io.dealsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's key index file: what is put is found, removals keep probe runs intact, growth, reopening. */
class KeyMapTest {
    @TempDir
    Path dir;

    @Test
    void behavesLikeAMapThroughGrowthAndRemovals() {
        Path file = dir.resolve("t.keys");
        Map<Long, long[]> model = new HashMap<>();
        SplittableRandom r = new SplittableRandom(3);
        try (KeyMap m = KeyMap.create(file, 10)) {
            for (int i = 0; i < 200_000; i++) {
                long k = r.nextLong(1, 50_000); // small key space: many replacements and removals
                switch (r.nextInt(4)) {
                    case 0 -> {
                        m.remove(k);
                        model.remove(k);
                    }
                    case 1 -> {
                        m.setPrint(k, i);
                        if (model.containsKey(k)) {
                            model.get(k)[1] = i;
                        }
                    }
                    default -> {
                        m.put(k, i, -i);
                        model.put(k, new long[] {i, -i});
                    }
                }
            }
            assertThat(m.size()).isEqualTo(model.size());
            for (long k = 1; k < 50_000; k++) {
                var row = m.get(k);
                if (model.containsKey(k)) {
                    assertThat(row).isNotNull();
                    assertThat(row.dealId()).isEqualTo(model.get(k)[0]);
                    assertThat(row.contentHash()).isEqualTo(model.get(k)[1]);
                } else {
                    assertThat(row).isNull();
                }
            }
            m.markInStep(42);
        }
        // reopened: only when it says it is in step with the database's generation
        assertThat(KeyMap.openIfInStep(file, 41)).isNull();
        try (KeyMap again = KeyMap.openIfInStep(file, 42)) {
            assertThat(again).isNotNull();
            assertThat(again.size()).isEqualTo(model.size());
            again.markDirty();
        }
        assertThat(KeyMap.openIfInStep(file, 42)).isNull(); // changed after its last checkpoint: rebuilt
    }
}
