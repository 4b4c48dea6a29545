package io.dealsync.app;

import io.dealsync.read.RecordReaders;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** docs/operations.md: files of the inbox the intake does not take are left alone and listed in the run report. */
final class IgnoredFiles {
    private static final Logger LOG = LoggerFactory.getLogger(IgnoredFiles.class);
    /** The engine's own folders, not looked into. */
    private static final Set<String> OWN = Set.of(".done", ".failed", IntakeBean.IN_PROGRESS);

    private IgnoredFiles() {
    }

    /**
     * Files under the inbox that the intake route never takes, relative to the inbox and sorted: not a data file
     * ({@code .csv .xlsx .json .ndjson .jsonl}), or hidden (a name or folder starting with '.', which Camel's file
     * consumer skips). Done-markers are not counted when they are in use.
     */
    static List<String> under(Path inbox, boolean doneMarker) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(inbox)) {
            return out;
        }
        try {
            Files.walkFileTree(inbox, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                    return !dir.equals(inbox) && OWN.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    Path rel = inbox.relativize(file);
                    if (a.isRegularFile() && !isDoneMarker(file, doneMarker) && (hidden(rel) || !RecordReaders.isDataFile(file))) {
                        out.add(rel.toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Listing the files the inbox leaves alone failed: {}", e.getMessage());
        }
        Collections.sort(out);
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDoneMarker(Path file, boolean doneMarker) {
        String name = file.getFileName().toString();
        return doneMarker && name.endsWith(".done")
                && RecordReaders.isDataFile(Path.of(name.substring(0, name.length() - 5)));
    }
}
