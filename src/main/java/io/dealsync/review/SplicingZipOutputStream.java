package io.dealsync.review;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The workbook's zip, where a sheet's entry is put together from parts: what POI writes around the rows (the
 * sheet's head and tail, compressed here) and the rows compressed ahead of time ({@link DeflatedPart}), handed
 * over with {@link #splice}. Raw deflate streams ended by a sync flush follow one another as one stream (as pigz
 * writes them); the entry's CRC-32 is combined from the parts' ({@link Crc32Combine}), and commons-compress writes
 * the entry as given ({@link ZipArchiveOutputStream#addRawArchiveEntry}). Every other entry is written as usual.
 */
final class SplicingZipOutputStream extends ZipArchiveOutputStream {
    /** Every entry's time: the DOS epoch, so the same rows give the same file (a run resumed after a crash included). */
    private static final long TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
    private final Predicate<String> spliced;
    private final int level;
    /** The entry being put together from parts, or null. */
    private ZipArchiveEntry entry;
    private final List<InputStream> raw = new ArrayList<>();
    private final List<DeflatedPart> parts = new ArrayList<>();
    private ByteArrayOutputStream pending;
    private DeflatedPart.Output around;

    /** @param spliced which entries (by name) may receive a part compressed ahead of time */
    SplicingZipOutputStream(OutputStream out, Predicate<String> spliced, int level) {
        super(out);
        this.spliced = spliced;
        this.level = level;
        setLevel(level);
    }

    @Override
    public void putArchiveEntry(ZipArchiveEntry e) throws IOException {
        e.setTime(TIME);
        if (!spliced.test(e.getName())) {
            super.putArchiveEntry(e);
            return;
        }
        entry = e;
        startAround();
    }

    private void startAround() {
        pending = new ByteArrayOutputStream(1 << 12);
        around = new DeflatedPart.Output(pending, level);
    }

    /** Ends the text written so far in this entry, and adds {@code part}'s compressed bytes after it. */
    void splice(DeflatedPart part, File compressed) throws IOException {
        if (entry == null) {
            throw new IOException("no entry of this zip takes a part compressed ahead of time");
        }
        endAround();
        parts.add(part);
        raw.add(java.nio.file.Files.newInputStream(compressed.toPath()));
        startAround();
    }

    private void endAround() throws IOException {
        around.close();
        parts.add(around.part());
        raw.add(new ByteArrayInputStream(pending.toByteArray()));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (entry == null) {
            super.write(b, off, len);
        } else {
            around.write(b, off, len);
        }
    }

    @Override
    public void closeArchiveEntry() throws IOException {
        if (entry == null) {
            super.closeArchiveEntry();
            return;
        }
        try {
            endAround();
            raw.add(new ByteArrayInputStream(new byte[] {3, 0})); // the final block: empty, fixed Huffman codes
            long crc = 0;
            long size = 0;
            long compressed = 2;
            for (DeflatedPart p : parts) {
                crc = Crc32Combine.combine(crc, p.crc(), p.size());
                size += p.size();
                compressed += p.compressedSize();
            }
            ZipArchiveEntry out = new ZipArchiveEntry(entry.getName());
            out.setTime(TIME);
            out.setMethod(ZipEntry.DEFLATED);
            out.setCrc(crc);
            out.setSize(size);
            out.setCompressedSize(compressed);
            try (InputStream all = new SequenceInputStream(Collections.enumeration(raw))) {
                addRawArchiveEntry(out, all);
            }
        } finally {
            for (InputStream in : raw) {
                in.close();
            }
            raw.clear();
            parts.clear();
            entry = null;
        }
    }
}
