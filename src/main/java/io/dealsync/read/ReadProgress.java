package io.dealsync.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the readers are into a file, in bytes, for the progress line's percent: the readers open their
 * streams here, and each open stream counts what it has handed out. Nothing else depends on it.
 */
public final class ReadProgress {
    private static final Map<Path, AtomicLong> POSITIONS = new ConcurrentHashMap<>();

    private ReadProgress() {
    }

    /** {@link Files#newInputStream} that counts its bytes under the file's path until closed. */
    static InputStream open(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        AtomicLong pos = new AtomicLong();
        POSITIONS.put(key, pos);
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    pos.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    pos.addAndGet(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long s = super.skip(n);
                pos.addAndGet(s);
                return s;
            }

            @Override
            public void close() throws IOException {
                POSITIONS.remove(key, pos);
                super.close();
            }
        };
    }

    /** Bytes read so far by the open reader of this file, or -1 when none is open. */
    public static long bytesRead(Path file) {
        AtomicLong pos = POSITIONS.get(file.toAbsolutePath().normalize());
        return pos == null ? -1 : pos.get();
    }
}
