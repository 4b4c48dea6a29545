package io.dealsync.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/** Readiness: the inbox is a folder the engine can list and read. */
public final class InboxCheck extends ReadinessCheck {
    private final Path inbox;

    public InboxCheck(Path inbox) {
        super("dealsync-inbox");
        this.inbox = inbox;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (!Files.isDirectory(inbox)) {
            builder.message("The inbox is not a folder: " + inbox).down();
        } else if (!Files.isReadable(inbox) || !Files.isExecutable(inbox)) {
            builder.message("The inbox cannot be read: " + inbox).down();
        } else {
            builder.up();
        }
    }
}
