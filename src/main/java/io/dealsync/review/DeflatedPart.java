package io.dealsync.review;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Part of a zip entry compressed ahead of time: raw deflate blocks ended by a sync flush (so another part may follow
 * them in the same entry, {@link SplicingZipOutputStream}), with the CRC-32 and length of the text they hold.
 *
 * <p>Why: the reject sheet's rows are written while the file is read, on a thread of its own; compressed only when
 * the workbook was saved, they were ~2 s of one core after the last chunk of a 100,000-reject night, with nothing
 * else left to run. Compressed as they are written, the save copies them.
 */
record DeflatedPart(long crc, long size, long compressedSize) {

    /**
     * Compresses what is written into {@code out}; {@link #close()} ends the part with a sync flush (no final
     * block). {@link #flush()} compresses nothing early: the bytes depend only on the text, however it was handed
     * over, so a workbook rebuilt from the reject CSV after a crash is the same file.
     */
    static final class Output extends OutputStream {
        private final OutputStream out;
        private final Deflater deflater;
        private final CRC32 crc = new CRC32();
        private final byte[] buf = new byte[1 << 16];
        private long compressed;
        private DeflatedPart done;

        Output(OutputStream out, int level) {
            this.out = out;
            this.deflater = new Deflater(level, true);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (done != null) {
                throw new IOException("the part is closed");
            }
            crc.update(b, off, len);
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain(Deflater.NO_FLUSH);
            }
        }

        /** Compresses what is pending with {@code mode}; answers whether the output buffer filled up. */
        private boolean drain(int mode) throws IOException {
            int n = deflater.deflate(buf, 0, buf.length, mode);
            if (n > 0) {
                out.write(buf, 0, n);
                compressed += n;
            }
            return n == buf.length;
        }

        @Override
        public void flush() {
            // nothing: see the class comment
        }

        @Override
        public void close() throws IOException {
            if (done != null) {
                return;
            }
            try {
                while (drain(Deflater.SYNC_FLUSH)) {
                    // a full buffer: more to come
                }
                done = new DeflatedPart(crc.getValue(), deflater.getBytesRead(), compressed);
            } finally {
                deflater.end();
                out.close();
            }
        }

        /** What was written, once closed. */
        DeflatedPart part() {
            return done;
        }
    }

    /** The part's compressed bytes, as read back from its file. */
    static final class Input extends FilterInputStream {
        final DeflatedPart part;
        final java.io.File file;

        Input(InputStream in, DeflatedPart part, java.io.File file) {
            super(in);
            this.part = part;
            this.file = file;
        }

        /** The text itself, for a zip that cannot take a compressed part. */
        InputStream inflated() {
            return new java.util.zip.InflaterInputStream(this, new java.util.zip.Inflater(true));
        }
    }
}
