package io.dealsync.read;

/** The file cannot be read at all (not text of its encoding, no header row, not JSON): it goes to .failed/. */
public class UnreadableFileException extends Exception {
    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
