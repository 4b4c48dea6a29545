package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DamageTrackingReaderTest {
    /** "é" then a lone 0xE9 (not UTF-8), a NUL and a truncated 3-byte sequence at the end. */
    private static byte[] damaged() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("ab\u00e9c\n".getBytes(StandardCharsets.UTF_8));
        b.write(0xE9);
        b.writeBytes("de\n".getBytes(StandardCharsets.UTF_8));
        b.write(0);
        b.writeBytes("fg".getBytes(StandardCharsets.UTF_8));
        b.write(0xE2);
        b.write(0x82);
        return b.toByteArray();
    }

    /**
     * Found by HostileInputFuzzTest (seed 20261201, batch 4): the decoder filled the caller's buffer and then
     * met a bad byte; writing its U+FFFD overflowed. Every buffer size must give the same text and damage.
     */
    @Test
    void everyReadSizeGivesTheSameTextAndDamage() throws IOException {
        String expected = "ab\u00e9c\n\uFFFDde\n\uFFFDfg\uFFFD";
        for (int size = 1; size <= 16; size++) {
            DamageTrackingReader r = new DamageTrackingReader(new ByteArrayInputStream(damaged()), StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder();
            char[] buf = new char[size];
            for (int n; (n = r.read(buf, 0, size)) >= 0; ) {
                text.append(buf, 0, n);
            }
            assertThat(text.toString()).as("read size %d", size).isEqualTo(expected);
            assertThat(r.damageCount()).as("read size %d", size).isEqualTo(3);
            assertThat(r.takeLines(2, 2)).as("read size %d", size).extracting(DamageTrackingReader.Damage::value)
                    .isEqualTo(0xE9);
            DamageTrackingReader.Damage nul = r.takeLines(3, 3);
            assertThat(nul.value()).isZero();
            assertThat(nul.column()).isEqualTo(1);
        }
    }

    @Test
    void aLeadingBomIsDropped() throws IOException {
        byte[] bytes = "\uFEFFid\n".getBytes(StandardCharsets.UTF_8);
        DamageTrackingReader r = new DamageTrackingReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        char[] buf = new char[8];
        int n = r.read(buf, 0, 8);
        assertThat(new String(buf, 0, n)).isEqualTo("id\n");
        assertThat(r.damageCount()).isZero();
    }
}
