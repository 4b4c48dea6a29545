package io.dealsync.app;

import io.dealsync.config.EngineSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's first run: the tracked sample files ({@code samples/}, laid out like the inbox) are copied into
 * the inbox, which git ignores, so running the demo moves only copies and changes no tracked file. It happens
 * only on a fresh start of the embedded database (its folder does not exist yet) with no data file in the
 * inbox, and never on PostgreSQL or when {@code dealsync.samples} is empty (or DEALSYNC_NO_SAMPLES is set):
 * a deployment does not store the samples by accident.
 */
public final class DemoSamples {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSamples.class);

    private DemoSamples() {
    }

    /** Copies the samples into the inbox when this is a fresh demo; returns how many files it copied. */
    public static int seedIfFresh(EngineSettings s) {
        String samples = s.get("dealsync.samples");
        String off = System.getenv("DEALSYNC_NO_SAMPLES");
        if (samples.isEmpty() || (off != null && !off.isEmpty()) || !s.jdbcUrl().startsWith("jdbc:hsqldb:file:")
                || Files.exists(s.path("dealsync.data"))) {
            return 0;
        }
        Path from = s.path("dealsync.samples");
        Path inbox = s.path("dealsync.inbox");
        if (!Files.isDirectory(from) || holdsDataFile(inbox)) {
            return 0;
        }
        int n = copy(from, inbox);
        LOG.info("Fresh start: copied {} sample file(s) from {} into the inbox (dealsync.samples= turns this off)", n,
                s.home().relativize(from.toAbsolutePath()));
        return n;
    }

    private static boolean holdsDataFile(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(inbox)) {
            return files.anyMatch(p -> Files.isRegularFile(p) && io.dealsync.read.RecordReaders.isDataFile(p)
                    && !inbox.relativize(p).toString().startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException("Listing the inbox failed", e);
        }
    }

    private static int copy(Path from, Path to) {
        int[] n = {0};
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                    if (io.dealsync.read.RecordReaders.isDataFile(file)) {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                        n[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Copying the samples into the inbox failed", e);
        }
        return n[0];
    }
}
