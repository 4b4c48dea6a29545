package io.dealsync.store;

/** Another instance changed a deal of this chunk since it was read: the chunk is decided again. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
