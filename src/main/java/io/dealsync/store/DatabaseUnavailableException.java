package io.dealsync.store;

/** The database cannot be reached (after retries): the run stops, the file stays in the inbox. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
