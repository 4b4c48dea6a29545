package io.dealsync.rules;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    /** The first compile: done at construction, or still running beside the engine's start ({@link #compiling}). */
    private final CompletableFuture<RuleBook> first;
    /** The folder's fingerprint as the first compile began. */
    private final String startFingerprint;
    /** This build compiled these very rules before ({@link CompiledRules}): files need not wait for the compile. */
    private final boolean compiledBefore;
    private final AtomicReference<RuleBook> current = new AtomicReference<>();
    private volatile String lastError;
    private volatile String lastSeenFingerprint;
    private final java.util.concurrent.atomic.AtomicLong reloads = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong reloadFailures = new java.util.concurrent.atomic.AtomicLong();

    /** @throws RulesException when the rules do not compile */
    public RuleBookHolder(Path rulesDir) {
        this(rulesDir, CompletableFuture.completedFuture(RuleBook.compile(rulesDir)));
        awaitCompiled();
    }

    private RuleBookHolder(Path rulesDir, CompletableFuture<RuleBook> first) {
        this(rulesDir, first, null, false);
    }

    private RuleBookHolder(Path rulesDir, CompletableFuture<RuleBook> first, String startFingerprint,
            boolean compiledBefore) {
        this.rulesDir = rulesDir;
        this.first = first;
        this.startFingerprint = startFingerprint;
        this.compiledBefore = compiledBefore;
    }

    /**
     * The holder of rules compiling on another thread, so the start-up can go on meanwhile (the DRL compile was
     * the longest step of a run's start); {@link #current()} and {@link #awaitCompiled()} wait for them.
     */
    public static RuleBookHolder compiling(Path rulesDir) {
        return compilingWith(rulesDir, CompletableFuture.supplyAsync(() -> RuleBook.compile(rulesDir)));
    }

    /** The holder of the rules {@code compile} gives once it completes (a compile the caller runs). */
    public static RuleBookHolder compilingWith(Path rulesDir, CompletableFuture<RuleBook> compile) {
        return new RuleBookHolder(rulesDir, compile);
    }

    /** As {@link #compiling(Path)}, noting in {@code compiled} the rules that compiled, and asking it about these. */
    public static RuleBookHolder compiling(Path rulesDir, CompiledRules compiled) {
        String fingerprint = RuleBook.fingerprint(rulesDir);
        boolean before = compiled.compiledBefore(fingerprint);
        CompletableFuture<RuleBook> first = CompletableFuture.supplyAsync(() -> {
            RuleBook book = RuleBook.compile(rulesDir);
            compiled.compiled(book.fingerprint());
            return book;
        });
        return new RuleBookHolder(rulesDir, first, fingerprint, before);
    }

    /**
     * Whether these rules (their fingerprint as the compile began) compiled with this build before: a file that is
     * not judged (a repeat) need not wait for them. False for rules changed since, which may not compile.
     */
    public boolean compiledBefore() {
        return compiledBefore && !first.isCompletedExceptionally();
    }

    /** The fingerprint of the rules in force; while the first compile runs, the folder's as it began. */
    public String fingerprint() {
        return startFingerprint != null && !first.isDone() ? startFingerprint : current().fingerprint();
    }

    /**
     * Waits for the first compile.
     *
     * @throws RulesException when the rules do not compile
     */
    public RuleBookHolder awaitCompiled() {
        if (current.get() == null) {
            RuleBook book;
            try {
                book = first.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
            synchronized (this) {
                if (current.get() == null) {
                    lastSeenFingerprint = book.fingerprint();
                    current.set(book);
                }
            }
        }
        return this;
    }

    /** Whether the first compile has ended (compiled or failed). */
    public boolean firstCompileEnded() {
        return first.isDone();
    }

    /** The rules in force (waiting for the first compile if it is still running). */
    public RuleBook current() {
        RuleBook book = current.get();
        return book != null ? book : awaitCompiled().current.get();
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
        awaitCompiled();
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
