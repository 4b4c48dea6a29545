package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    /**
     * The decoder is given its input a slice at a time (the JDK's UTF-8 decoder is fast only up to its first
     * non-ASCII byte): long text full of accents, 3- and 4-byte characters, line breaks and bad bytes at every
     * distance from a slice's end gives the text and damage of one whole-file decode. Reads start at 2 chars:
     * one char cannot take a 4-byte character.
     */
    @Test
    void slicedDecodingGivesTheTextAndDamageOfAWholeDecode() throws IOException {
        Random rnd = new Random(20261201);
        String[] pieces = {"a", "bc", "\u00e9", "\u20ac", "\ud83d\ude00", "\n", "\r\n", "\r", "\u0000"};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 20_000; i++) {
            if (rnd.nextInt(40) == 0) {
                b.write(rnd.nextBoolean() ? 0xE9 : 0xE2); // a lone lead byte: not UTF-8
            } else {
                b.writeBytes(pieces[rnd.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = b.toByteArray();
        String expected = new String(bytes, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        List<String> expectedDamage = damageOf(expected);
        for (int size : new int[] {2, 7, 127, 128, 129, 4096, 1 << 16}) {
            DamageTrackingReader r = new DamageTrackingReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder();
            char[] buf = new char[size];
            for (int n; (n = r.read(buf, 0, size)) >= 0; ) {
                text.append(buf, 0, n);
            }
            assertThat(text.toString()).as("read size %d", size).isEqualTo(expected);
            List<String> damage = new ArrayList<>();
            for (DamageTrackingReader.Damage d; (d = r.peek()) != null; ) {
                r.takeChars(d.charOffset(), d.charOffset() + 1);
                damage.add(d.line() + ":" + d.column() + "@" + d.charOffset());
            }
            assertThat(damage).as("read size %d", size).isEqualTo(expectedDamage);
        }
    }

    /** Where each U+FFFD of a text stands, counted a character at a time (CR, LF, CRLF end a line). */
    private static List<String> damageOf(String text) {
        List<String> out = new ArrayList<>();
        long line = 1;
        long column = 0;
        boolean lastCr = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                line += c == '\n' && lastCr ? 0 : 1;
                column = 0;
            } else {
                column++;
                if (c == '\uFFFD') {
                    out.add(line + ":" + column + "@" + i);
                }
            }
            lastCr = c == '\r';
        }
        return out;
    }
}
