package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonByteWindowTest {
    /** What DamageTrackingReader notes as damage: a NUL, or bytes the JDK's UTF-8 decoder refuses. */
    private static boolean jdkClean(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Read through the window in reads of at most {@code chunk} bytes (sequences split across reads). */
    private static boolean windowClean(byte[] b, int chunk) {
        InputStream in = new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, chunk));
            }
        };
        try (JsonByteWindow w = new JsonByteWindow(in)) {
            byte[] buf = new byte[64];
            while (w.read(buf, 0, buf.length) >= 0) {
                // reading on
            }
            return true;
        } catch (JsonByteWindow.NotClean e) {
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] around(byte... middle) {
        byte[] b = new byte[middle.length + 18];
        java.util.Arrays.fill(b, (byte) 'a'); // ASCII on both sides, longer than a word
        System.arraycopy(middle, 0, b, 9, middle.length);
        return b;
    }

    @Test
    void agreesWithTheJdkDecoderOnEveryPairOfBytes() {
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                byte[] b = around((byte) x, (byte) y);
                assertThat(windowClean(b, 64)).as("%02X %02X", x, y).isEqualTo(jdkClean(b));
            }
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnLongerSequencesSplitAnywhere() {
        Random rnd = new Random(8);
        int[] leads = {0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
            0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0x8F, 0x90, 0x9F, 0xA0};
        for (int i = 0; i < 200_000; i++) {
            byte[] mid = new byte[1 + rnd.nextInt(6)];
            for (int j = 0; j < mid.length; j++) {
                mid[j] = (byte) (rnd.nextInt(3) == 0 ? rnd.nextInt(256) : leads[rnd.nextInt(leads.length)]);
            }
            byte[] b = rnd.nextBoolean() ? around(mid) : mid; // also cut short at the very end
            assertThat(windowClean(b, 1 + rnd.nextInt(9))).as("%s", java.util.HexFormat.of().formatHex(b))
                    .isEqualTo(jdkClean(b));
        }
        byte[] text = "{\"name\":\"Zoë Ångström 東京 😀\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(windowClean(text, 1)).isTrue();
    }

    @Test
    void keepsTheBytesOfTheElementBeingRead() throws IOException {
        byte[] all = "[{\"a\":\"é\"},{\"b\":2}]".getBytes(StandardCharsets.UTF_8);
        try (JsonByteWindow w = new JsonByteWindow(new ByteArrayInputStream(all))) {
            byte[] buf = new byte[all.length];
            assertThat(w.read(buf, 0, 5)).isEqualTo(5);
            assertThat(w.read(buf, 5, all.length - 5)).isEqualTo(all.length - 5);
            assertThat(new String(w.bytes(1, 11), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"é\"}");
            w.forget(12);
            assertThat(new String(w.bytes(12, 19), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
        }
    }
}
