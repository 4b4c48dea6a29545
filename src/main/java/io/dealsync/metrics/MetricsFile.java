package io.dealsync.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The metrics of a {@code run --once} as a Prometheus text file, for node_exporter's textfile collector
 * (a cron job has no port to scrape). Written to a temporary name in the same folder and renamed, so the
 * collector never reads half a file.
 */
public final class MetricsFile {
    private MetricsFile() {
    }

    public static void write(Path target, String exposition) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        // node_exporter reads only *.prom: the temporary name is not one
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp." + ProcessHandle.current().pid());
        Files.writeString(tmp, exposition, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
