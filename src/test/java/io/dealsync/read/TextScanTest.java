package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eight-bytes-at-a-time scan finds what a decode of every byte and a look at every byte find: random files of
 * text with line breaks of every kind, NULs and broken sequences, over several reads.
 */
class TextScanTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final byte[][] PIECES = {bytes("abcdefghij"), bytes("Deal 42,"), bytes("\n"), bytes("\r\n"), bytes("\r"),
        {0}, "\u00e9".getBytes(StandardCharsets.UTF_8), "\u20ac".getBytes(StandardCharsets.UTF_8),
        "\ud83d\ude00".getBytes(StandardCharsets.UTF_8), {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F},
        {(byte) 0xE2}, {(byte) 0xA9}, {(byte) 0xFF}, {(byte) 0x81}, {(byte) 0xC3}, {(byte) 0xE9}};

    @TempDir
    Path dir;

    @Test
    void findsWhatADecodeOfEveryByteFinds() throws Exception {
        Random random = new Random(8);
        for (int file = 0; file < 16; file++) {
            byte[] b = randomText(random, file % 4 == 0 ? 0.0005 : 0.02, 100_000 + random.nextInt(2_000_000));
            Path p = dir.resolve("f" + file + ".csv");
            Files.write(p, b);
            for (Charset cs : new Charset[] {StandardCharsets.UTF_8, CP1252, StandardCharsets.ISO_8859_1}) {
                FilePrecheck.Result fast = FilePrecheck.check(p, cs, new TextScan(cs, 64 * 1024), 1 << 20);
                FilePrecheck.Result everyByte = FilePrecheck.check(p, cs, new TextScan(cs, 64 * 1024, false), 1 << 20);
                assertThat(fast).isEqualTo(everyByte);
                // small reads: characters split by a read everywhere in the file
                assertThat(FilePrecheck.check(p, cs, new TextScan(cs, 1024), 997)).isEqualTo(everyByte);
                long[] expected = reference(b, cs);
                assertThat(new long[] {fast.damagedLines(), fast.lines()}).isEqualTo(expected);
            }
        }
    }

    @Test
    void wordTests() {
        assertThat(TextScan.hasBreakOrNul(0x4142434445464748L)).isFalse();
        assertThat(TextScan.hasBreakOrNul(0x41420A4445464748L)).isTrue();
        assertThat(TextScan.hasBreakOrNul(0x414243444546470DL)).isTrue();
        assertThat(TextScan.hasBreakOrNul(0x0042434445464748L)).isTrue();
        assertThat(TextScan.hasBreakOrNul(0x0B0C0E0F01090101L)).isFalse(); // neighbours of the three
        assertThat(TextScan.hasBreakOrNul(0x8A8D808A8D808A8DL)).isFalse(); // the same with the high bit
    }

    /** Mostly ASCII, like an export; {@code odd}: the share of pieces that are breaks, NULs or non-ASCII. */
    private static byte[] randomText(Random random, double odd, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < size) {
            byte[] piece = random.nextDouble() < odd ? PIECES[2 + random.nextInt(PIECES.length - 2)]
                    : PIECES[random.nextInt(2)];
            out.write(piece, 0, piece.length);
            if (random.nextInt(80) == 0) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** Damaged lines and lines, by a decode of the whole file and a walk over every byte. */
    private static long[] reference(byte[] b, Charset cs) {
        List<Long> bad = new ArrayList<>();
        if (!cs.equals(StandardCharsets.ISO_8859_1)) {
            CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(b);
            CharBuffer chars = CharBuffer.allocate(b.length);
            CoderResult cr;
            while ((cr = d.decode(in, chars, true)).isError()) {
                bad.add((long) in.position());
                in.position(in.position() + cr.length());
            }
        }
        long line = 1;
        long damaged = 0;
        long lastDamaged = 0;
        int k = 0;
        for (int i = 0; i <= b.length; i++) {
            boolean hit = i < b.length && b[i] == 0;
            while (k < bad.size() && bad.get(k) == i) {
                hit = true;
                k++;
            }
            if (hit && line != lastDamaged) {
                damaged++;
                lastDamaged = line;
            }
            if (i < b.length && (b[i] == '\r' || (b[i] == '\n' && (i == 0 || b[i - 1] != '\r')))) {
                line++;
            }
        }
        boolean endsWithBreak = b.length > 0 && (b[b.length - 1] == '\n' || b[b.length - 1] == '\r');
        return new long[] {damaged, b.length == 0 ? 0 : endsWithBreak ? line - 1 : line};
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
