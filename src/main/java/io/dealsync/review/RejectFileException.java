package io.dealsync.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A reviewer file (rejects, warnings) could not be written: the folder is not writable, the disk is full,
 * or syncing it failed. The chunk in hand is not committed and its file is not marked done: the file
 * stays in the inbox and the next run, with room again, resumes it from its last committed chunk.
 */
public final class RejectFileException extends UncheckedIOException {
    private final Path folder;

    public RejectFileException(Path file, IOException cause) {
        super("Cannot write the reviewer file " + file.getFileName() + " in the folder " + folderOf(file)
                + " (" + describe(cause) + "); the input file stays in the inbox for the next run", cause);
        this.folder = folderOf(file);
    }

    /** The folder that could not be written. */
    public Path folder() {
        return folder;
    }

    private static Path folderOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent();
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
