package io.dealsync.handoff;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV file whole or not at all: rows go to {@code NAME.part}, which is synced and then renamed
 * atomically to its final name. A reader (or Partner Center's upload) never sees half a file.
 */
final class UploadFiles {
    static final String PART = ".part";

    private UploadFiles() {
    }

    static Path partOf(Path finalPath) {
        return finalPath.resolveSibling(finalPath.getFileName() + PART);
    }

    /** Rows of one file, written by a callback (so a file is streamed, not held whole). */
    interface Rows {
        void write(CSVPrinter out) throws IOException;
    }

    /**
     * Writes the header and rows to the temporary name and syncs it; {@code beforeRename} runs last (a test's
     * halt point); then the file is moved to its final name.
     */
    static void write(Path finalPath, List<String> header, Rows rows, Runnable beforeRename) throws IOException {
        Files.createDirectories(finalPath.toAbsolutePath().getParent());
        Path part = partOf(finalPath);
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
                Writer w = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
            out.printRecord(header);
            rows.write(out);
            out.flush();
            ch.force(true);
        }
        beforeRename.run();
        try {
            Files.move(part, finalPath, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, finalPath);
        }
    }
}
