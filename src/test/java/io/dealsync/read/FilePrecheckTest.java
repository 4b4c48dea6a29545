package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePrecheckTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path bytes(String name, byte[] b) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void hashesAndAcceptsText() throws Exception {
        byte[] b = "CRM ID,Notes\nA,caf\u00e9 \u20ac \ud83d\ude00\n".getBytes(StandardCharsets.UTF_8);
        Path p = bytes("ok.csv", b);
        FilePrecheck.Result r = FilePrecheck.check(p, StandardCharsets.UTF_8);
        assertThat(r.ok()).isTrue();
        assertThat(r.problem()).isNull();
        assertThat(r.sha256()).isEqualTo(sha(b)).hasSize(64);
        assertThat(FilePrecheck.sha256(p)).isEqualTo(sha(b));
    }

    @Test
    void emptyFileIsFine() throws Exception {
        FilePrecheck.Result r = FilePrecheck.check(bytes("e.csv", new byte[0]), StandardCharsets.UTF_8);
        assertThat(r.ok()).isTrue();
        assertThat(r.sha256()).isEqualTo(sha(new byte[0]));
    }

    @Test
    void aBinaryFileIsRefused() throws Exception {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        byte[] b = new byte[head.length * 20]; // NUL bytes on most lines, as binary data has them
        for (int i = 0; i < 20; i++) {
            System.arraycopy(head, 0, b, i * head.length, head.length);
        }
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, CP1252, StandardCharsets.ISO_8859_1}) {
            FilePrecheck.Result r = FilePrecheck.check(bytes("img.csv", b), cs);
            assertThat(r.problem()).as(cs.name()).contains("NUL byte").contains("byte 8");
            assertThat(r.sha256()).isEqualTo(sha(b));
        }
    }

    @Test
    void badUtf8OnManyLinesIsRefusedWithItsPlace() throws Exception {
        byte[] b = "CRM ID,Notes\nA,caf\u00e9\nB,th\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        FilePrecheck.Result r = FilePrecheck.check(bytes("l1.csv", b), StandardCharsets.UTF_8);
        assertThat(r.problem()).contains("not text in UTF-8").contains("byte 18").contains("line 2")
                .contains("2 of its 3 lines");
        assertThat(r.sha256()).isEqualTo(sha(b));
        // the same bytes are good windows-1252 and ISO-8859-1
        assertThat(FilePrecheck.check(bytes("l1.csv", b), CP1252).ok()).isTrue();
        assertThat(FilePrecheck.check(bytes("l1.csv", b), StandardCharsets.ISO_8859_1).ok()).isTrue();
    }

    @Test
    void oneDamagedLineIsLeftToTheReaderHoweverSmallTheFile() throws Exception {
        byte[] b = "CRM ID,Notes\nA,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        FilePrecheck.Result r = FilePrecheck.check(bytes("one.csv", b), StandardCharsets.UTF_8);
        assertThat(r.ok()).isTrue();
        assertThat(r.damagedLines()).isEqualTo(1);
        assertThat(r.lines()).isEqualTo(2);
    }

    @Test
    void whereDamageStopsBeingLocal() {
        // the header (first line) damaged: the whole file fails, even for one byte
        assertThat(FilePrecheck.notTextThroughout(1, 1, 1000)).isTrue();
        // one damaged line elsewhere never fails a file
        assertThat(FilePrecheck.notTextThroughout(2, 1, 2)).isFalse();
        // up to one line in ten is damage; more is a file in another encoding, or binary
        assertThat(FilePrecheck.notTextThroughout(5, 30, 300)).isFalse();
        assertThat(FilePrecheck.notTextThroughout(5, 31, 300)).isTrue();
        assertThat(FilePrecheck.notTextThroughout(0, 0, 300)).isFalse();
    }

    @Test
    void threeNulBytesInAThreeHundredRowFileAreLocal() throws Exception {
        StringBuilder sb = new StringBuilder("CRM ID,Notes\n");
        for (int i = 1; i <= 300; i++) {
            sb.append("ID-").append(i).append(',').append(i % 100 == 0 ? "a\0b" : "ab").append('\n');
        }
        FilePrecheck.Result r = FilePrecheck.check(bytes("nul.csv", sb.toString().getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertThat(r.ok()).isTrue();
        assertThat(r.damagedLines()).isEqualTo(3);
        assertThat(r.lines()).isEqualTo(301);
    }

    @Test
    void aCharacterCutByTheEndOfTheFileIsRefused() throws Exception {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] b = {'a', euro[0], euro[1]};
        assertThat(FilePrecheck.check(bytes("cut.csv", b), StandardCharsets.UTF_8).problem()).contains("byte 1");
    }

    @Test
    void bytesUndefinedInWindows1252AreRefused() throws Exception {
        byte[] b = {'a', ';', (byte) 0x81, '\n'};
        assertThat(FilePrecheck.check(bytes("u.csv", b), CP1252).problem()).contains("windows-1252").contains("byte 2");
    }

    @Test
    void multiByteCharactersAcrossBufferBoundariesAreFine() throws Exception {
        Path p = dir.resolve("big.csv");
        byte[] chunk = "\u00e9\u20ac\ud83d\ude00x".getBytes(StandardCharsets.UTF_8); // 2+3+4+1 bytes
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(p)) {
            for (int i = 0; i < 300_000; i++) { // 3 MB: over several reads
                out.write(chunk);
                md.update(chunk);
            }
            out.write(0);
            md.update((byte) 0);
        }
        FilePrecheck.Result r = FilePrecheck.check(p, StandardCharsets.UTF_8);
        assertThat(r.problem()).contains("NUL byte").contains("at byte " + (300_000L * chunk.length));
        assertThat(r.sha256()).isEqualTo(HexFormat.of().formatHex(md.digest()));
    }

    @Test
    void aUtf8BomMeansUtf8WhateverTheProfile() throws Exception {
        byte[] text = "Client;Pays\nCaf\u00e9 \u00c9toile;FR\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[text.length + 3];
        b[0] = (byte) 0xEF;
        b[1] = (byte) 0xBB;
        b[2] = (byte) 0xBF;
        System.arraycopy(text, 0, b, 3, text.length);
        Path p = bytes("bom.csv", b);
        assertThat(FilePrecheck.charsetOf(p, CP1252)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FilePrecheck.check(p, CP1252).ok()).isTrue();
        SourceProfile fr = SourceProfiles.load(Path.of("routes/profiles")).get("crm-fr");
        try (RecordReader r = RecordReaders.open(p, fr)) {
            assertThat(r.next().deal().get(io.dealsync.model.Field.CUSTOMER_NAME)).isEqualTo("Caf\u00e9 \u00c9toile");
        }
        byte[] bad = b.clone();
        bad[bad.length - 5] = (byte) 0xFF; // in a data line: that record is damaged, checked as UTF-8
        assertThat(FilePrecheck.check(bytes("bad.csv", bad), CP1252).damagedLines()).isEqualTo(1);
        byte[] badHeader = b.clone();
        badHeader[4] = (byte) 0xFF;
        assertThat(FilePrecheck.check(bytes("bad.csv", badHeader), CP1252).problem()).contains("UTF-8");
    }

    @Test
    void jsonIsCheckedAsUtf8WhateverTheProfile() throws Exception {
        SourceProfile fr = SourceProfiles.load(Path.of("routes/profiles")).get("crm-fr");
        byte[] b = "[{\"name\":\"caf\u00e9\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(FilePrecheck.check(bytes("a.json", b), fr).ok()).isTrue();
        assertThat(FilePrecheck.check(bytes("a.csv", "a;\u00e9\n".getBytes(CP1252)), fr).ok()).isTrue();
    }
}
