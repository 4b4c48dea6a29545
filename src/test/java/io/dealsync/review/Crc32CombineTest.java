package io.dealsync.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {
    @Test
    void twoTextsCombinedHaveTheCrcOfTheWhole() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] all = new byte[random.nextInt(5_000)];
            random.nextBytes(all);
            int cut = all.length == 0 ? 0 : random.nextInt(all.length + 1);
            CRC32 a = new CRC32();
            a.update(all, 0, cut);
            CRC32 b = new CRC32();
            b.update(all, cut, all.length - cut);
            CRC32 whole = new CRC32();
            whole.update(all);
            assertThat(Crc32Combine.combine(a.getValue(), b.getValue(), all.length - cut)).isEqualTo(whole.getValue());
        }
        assertThat(Crc32Combine.combine(0, 0, 0)).isZero(); // two empty texts
    }
}
