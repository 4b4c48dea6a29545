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

/**
 * The inbox as the intake route sees it: the files it takes, and (docs/operations.md) those it leaves alone, which the
 * run report lists.
 */
final class InboxFiles {
    private static final Logger LOG = LoggerFactory.getLogger(InboxFiles.class);
    /** The engine's own folders, not looked into. */
    private static final Set<String> OWN = Set.of(".done", ".failed", IntakeBean.IN_PROGRESS);

    private InboxFiles() {
    }

    /**
     * Files under the inbox that the intake route never takes, relative to the inbox and sorted: not a data file
     * ({@code .csv .xlsx .json .ndjson .jsonl}), or hidden (a name or folder starting with '.', which Camel's file
     * consumer skips). Done-markers are not counted when they are in use.
     */
    static List<String> ignored(Path inbox, boolean doneMarker) {
        List<String> out = new ArrayList<>();
        walk(inbox, (file, rel) -> {
            if (!isDoneMarker(file, doneMarker) && (hidden(rel) || !RecordReaders.isDataFile(file))) {
                out.add(rel.toString().replace('\\', '/'));
            }
        });
        Collections.sort(out);
        return out;
    }

    /**
     * The files the intake route takes (a data file, not hidden), in its order (their path under the inbox, as
     * Camel's {@code sortBy=file:name}): what a run's start checks ahead (read.PrecheckAhead).
     */
    static List<Path> taken(Path inbox) {
        List<Path> out = new ArrayList<>();
        walk(inbox, (file, rel) -> {
            if (!hidden(rel) && RecordReaders.isDataFile(file)) {
                out.add(rel);
            }
        });
        out.sort(java.util.Comparator.comparing(p -> p.toString().replace('\\', '/')));
        return out.stream().map(inbox::resolve).toList();
    }

    /** Every regular file under the inbox but in the engine's own folders, with its path relative to the inbox. */
    private static void walk(Path inbox, java.util.function.BiConsumer<Path, Path> visit) {
        if (!Files.isDirectory(inbox)) {
            return;
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
                    if (a.isRegularFile()) {
                        visit.accept(file, inbox.relativize(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Listing the inbox failed: {}", e.getMessage());
        }
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
