package io.dealsync.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch kept colliding with rows another writer stored first (a unique key: the same deal, or the same lines
 * of the same file when two instances hold one file). The database is fine; the file is left alone here.
 */
public class WriteConflictException extends ConcurrentChangeException {
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"?([A-Za-z0-9_]+)\"?");

    public WriteConflictException(String message) {
        super(message);
    }

    /**
     * What a batch's last failed write attempt becomes: a {@link WriteConflictException} when another writer
     * stored the same keys first (retrying cannot help: the rows are there), otherwise, as before, a
     * {@link DatabaseUnavailableException} (the run stops, the file stays for the next run).
     */
    public static RuntimeException afterRetries(String file, long firstLine, long lastLine, int attempts, RuntimeException e) {
        if (e instanceof ConcurrentChangeException) {
            return e;
        }
        if (isDuplicateKey(e)) {
            return new WriteConflictException("Writing lines " + firstLine + "-" + lastLine + " of " + file + " collided "
                    + attempts + " times with rows another writer stored first (" + describe(e) + "): another instance"
                    + " is processing this file or its deals; this instance leaves the file to it");
        }
        // as before issue 9: the file stays for the next run
        return new DatabaseUnavailableException("Writing " + file + " failed after " + attempts + " attempts ("
                + e.getMessage() + "); the file stays for the next run", e);
    }

    /** A failure to show in a log line: for a duplicate key only the constraint (the statement holds personal data). */
    public static String describe(RuntimeException e) {
        if (!isDuplicateKey(e)) {
            return e.getMessage();
        }
        Matcher m = CONSTRAINT.matcher(String.valueOf(e.getMessage()));
        return m.find() ? "duplicate key, constraint " + m.group(1) : "duplicate key";
    }

    /** SQLSTATE 23xxx (integrity constraint violation) anywhere in the cause chain. */
    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null && n.getSQLState().startsWith("23")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
