package io.dealsync.app;

import io.dealsync.config.EngineSettings;

import io.dealsync.store.DatabaseUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One dealsync process at a time on the embedded database: an OS lock on {@code data/dealsync.pid}, which
 * holds the holder's pid. Checked before HSQLDB opens its files, so a second process is refused at once
 * with a plain sentence (HSQLDB itself would retry its own lock for about a minute, then print its
 * internals). The operating system drops the lock when its process ends, killed or not, so a file left by
 * a crash never blocks the next run. PostgreSQL needs none: many processes may share it.
 */
public final class DataFolderLock implements AutoCloseable {
    static final String FILE = "dealsync.pid";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the embedded database's folder; a no-op for another database. */
    public static DataFolderLock acquire(EngineSettings settings) {
        if (!settings.jdbcUrl().startsWith("jdbc:hsqldb:file:")) {
            return new DataFolderLock(null, null);
        }
        return acquire(settings.path("dealsync.data"), display(settings));
    }

    /**
     * @throws DatabaseUnavailableException "another dealsync process has data/ open (pid N)" when it is taken
     */
    static DataFolderLock acquire(Path dataDir, String shown) {
        FileChannel ch = null;
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM (an engine still open)
            }
            if (lock == null) {
                String pid = Files.readString(file, StandardCharsets.UTF_8).strip();
                ch.close();
                throw new DatabaseUnavailableException("another dealsync process has " + shown + " open (pid "
                        + (pid.isEmpty() ? "unknown" : pid) + "); wait for it to finish, or stop it (a daemon stops "
                        + "on SIGTERM), then run again", null);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new DataFolderLock(ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new java.io.UncheckedIOException("Cannot lock the data folder " + shown, e);
        }
    }

    /** The data folder as a person reads it: relative to the project home when inside it ("data/"). */
    private static String display(EngineSettings s) {
        Path data = s.path("dealsync.data");
        return (data.startsWith(s.home()) ? s.home().relativize(data) : data) + "/";
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.truncate(0); // no pid left behind: the next holder writes its own
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
