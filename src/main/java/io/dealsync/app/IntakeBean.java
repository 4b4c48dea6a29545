package io.dealsync.app;

import java.nio.file.Path;
import org.apache.camel.Exchange;

/**
 * What the intake route calls for each file. Works out the file's source
 * from where it lies under the inbox and tells the route where to move it: {@code .done} or {@code .failed}.
 */
public final class IntakeBean {
    /** Exchange property the route's move expression reads: where the file goes after processing. */
    public static final String MOVE_TO = "dealsyncMoveTo";
    static final String IN_PROGRESS = ".inprogress";

    private final RunService runs;
    private final Path inbox;

    public IntakeBean(RunService runs, Path inbox) {
        this.runs = runs;
        this.inbox = inbox.toAbsolutePath().normalize();
    }

    public void process(Exchange exchange) {
        Path file = Path.of(exchange.getIn().getHeader("CamelFileAbsolutePath", String.class)).toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        Path dir = file.getParent();
        if (dir.getFileName() != null && dir.getFileName().toString().equals(IN_PROGRESS)) {
            dir = dir.getParent();
        }
        String source = dir.startsWith(inbox) ? inbox.relativize(dir).toString().replace('\\', '/') : "";
        if (runs.databaseDown()) { // a daemon keeps polling while the database is away: the file waits
            throw new FileDeferredException(source, name);
        }
        Integer index = exchange.getProperty(Exchange.BATCH_INDEX, Integer.class); // this poll's i of n
        Integer size = exchange.getProperty(Exchange.BATCH_SIZE, Integer.class);
        runs.progress().startFile(file, RunService.display(source, name), index == null ? 0 : index + 1,
                size == null ? 0 : size);
        boolean ok;
        try {
            ok = runs.processFile(file, name, source);
        } catch (io.dealsync.store.DatabaseUnavailableException e) {
            // Nothing of the unfinished batch was applied. Failing the exchange rolls the file back (no move):
            // it stays in its folder, or in .inprogress/ which the engine empties back into it, and the next
            // run resumes it from its last committed batch. routes/intake.camel.yaml declares what follows.
            throw new FileDeferredException(source, name);
        }
        exchange.setProperty(MOVE_TO, target(dir.resolve(ok ? ".done" : ".failed"), name).toString());
        if (ok) {
            TestHalt.at("before-move-done");
        }
        if (!ok) {
            String reason = runs.run().ledger().getFiles().stream()
                    .filter(f -> f.getName().equals(name) && f.getSource().equals(source))
                    .reduce((a, b) -> b).map(f -> f.getError()).orElse("unreadable");
            RunService.writeFailureReason(dir.resolve(".failed"), name, reason);
        }
    }

    /** The database is down: the file is left for the next run (the exchange fails, so Camel does not move it). */
    public static final class FileDeferredException extends RuntimeException {
        FileDeferredException(String source, String name) {
            super((source.isEmpty() ? name : source + "/" + name) + " is left for the next run: the database is unreachable");
        }
    }

    /** {@code dir/name}, or {@code dir/base.<n>.ext} when an earlier file of that name is already there. */
    static Path target(Path dir, String name) {
        Path p = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; java.nio.file.Files.exists(p); n++) {
            p = dir.resolve(base + "." + n + ext);
        }
        return p;
    }
}
