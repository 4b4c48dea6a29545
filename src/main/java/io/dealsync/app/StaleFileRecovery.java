package io.dealsync.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: a file in hand lies in its folder's {@code .inprogress/}, where no instance's intake looks. When
 * its lock goes stale (its instance was killed) or is gone (its instance gave it back, e.g. the database was
 * down), an instance takes the lock, moves the file back to its folder and releases the lock; the next poll of
 * any instance takes the file and resumes it from its checkpoint. Runs at start and, as a daemon, on a timer.
 */
public final class StaleFileRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(StaleFileRecovery.class);
    private final Path inbox;
    private final FileLockRepository locks;

    /** @param locks the cluster's file locks, or null for a single instance (which empties .inprogress at start) */
    StaleFileRecovery(Path inbox, FileLockRepository locks) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.locks = locks;
    }

    /** Moves every abandoned file in hand back to its folder; returns how many. */
    public int recover() {
        if (locks == null) {
            return 0;
        }
        int n = 0;
        for (Path file : filesInHand()) {
            Path home = file.getParent().getParent().resolve(file.getFileName());
            String key = home.toString();
            if (locks.holds(key) || !take(key)) {
                continue; // in hand here, or live in another instance
            }
            try {
                Files.move(file, home); // never over a newer file of the same name
                LOG.info("{} goes back to its folder: the instance that had it in hand is gone", file.getFileName());
                n++;
            } catch (FileAlreadyExistsException e) {
                LOG.warn("{} stays in {}: a file of the same name waits in its folder", file.getFileName(), file.getParent());
            } catch (NoSuchFileException e) {
                // its holder finished it meanwhile
            } catch (IOException e) {
                LOG.warn("Moving {} back to its folder failed: {}", file.getFileName(), e.getMessage());
            } finally {
                locks.remove(key);
            }
        }
        return n;
    }

    private boolean take(String key) {
        try {
            return locks.add(key);
        } catch (RuntimeException e) {
            return false; // another instance took it at the same instant (primary key), or the database is away
        }
    }

    /** Files in the .inprogress folder of the inbox and of each source folder. */
    private List<Path> filesInHand() {
        List<Path> out = new ArrayList<>();
        collect(inbox.resolve(IntakeBean.IN_PROGRESS), out);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(inbox)) {
            for (Path d : dirs) {
                if (Files.isDirectory(d) && !d.getFileName().toString().startsWith(".")) {
                    collect(d.resolve(IntakeBean.IN_PROGRESS), out);
                }
            }
        } catch (IOException e) {
            LOG.warn("Listing the inbox for abandoned files failed: {}", e.getMessage());
        }
        return out;
    }

    private static void collect(Path inProgress, List<Path> out) {
        if (!Files.isDirectory(inProgress)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inProgress)) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    out.add(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("Listing {} failed: {}", inProgress, e.getMessage());
        }
    }
}
