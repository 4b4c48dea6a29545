package io.dealsync.rules;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force. A reload compiles the folder off to the side and swaps the new book in only when it
 * compiled; each file takes the book once at its start, so a swap lands between files.
 */
public final class RuleBookHolder {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBookHolder.class);

    private final Path rulesDir;
    private final AtomicReference<RuleBook> current;
    private volatile String lastError;
    private volatile String lastSeenFingerprint;
    private final java.util.concurrent.atomic.AtomicLong reloads = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong reloadFailures = new java.util.concurrent.atomic.AtomicLong();

    public RuleBookHolder(Path rulesDir) {
        this.rulesDir = rulesDir;
        RuleBook book = RuleBook.compile(rulesDir);
        this.current = new AtomicReference<>(book);
        this.lastSeenFingerprint = book.fingerprint();
    }

    public RuleBook current() {
        return current.get();
    }

    /** The last reload's error (the rules kept in force are the last good ones), or null. */
    public String lastError() {
        return lastError;
    }

    /** Changed rules swapped in since start (for the metrics and the health check). */
    public long reloads() {
        return reloads.get();
    }

    /** Changed rules that did not compile since start. */
    public long reloadFailures() {
        return reloadFailures.get();
    }

    /**
     * Recompiles when a file of the rules folder changed since the last look.
     *
     * @return true when new rules were swapped in
     */
    public boolean reloadIfChanged() {
        String fp = RuleBook.fingerprint(rulesDir);
        if (fp.equals(lastSeenFingerprint)) {
            return false;
        }
        lastSeenFingerprint = fp;
        try {
            RuleBook book = RuleBook.compile(rulesDir);
            current.set(book);
            lastError = null;
            reloads.incrementAndGet();
            LOG.info("Rules reloaded: fingerprint {}", book.fingerprint());
            return true;
        } catch (RulesException e) {
            lastError = e.getMessage();
            reloadFailures.incrementAndGet();
            LOG.error("Changed rules do not compile; keeping the last good rules ({}):\n{}", current().fingerprint(),
                    e.getMessage());
            return false;
        }
    }
}
