package io.dealsync.rules;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules folders this build of the engine has compiled, by fingerprint ({@link RuleBook#fingerprint}), in a small
 * file of the data folder. A run whose rules compiled before with this build need not wait for the compile before it
 * touches a file: the same text compiles the same way with the same classes, so only a file that must be judged waits
 * for the rules (a repeat, an empty inbox and the sweep do not: B3 and B6 were the DRL compile). A changed rules
 * folder has a fingerprint never seen, and the run waits as before: a DRL that does not compile still stops it before
 * any file is touched. The build is the engine's jar (its name, size and time): a rebuild, a new Drools with it,
 * forgets every entry. Classes from a folder (tests, an IDE) have no such identity unless {@code io.dealsync.build-id}
 * (a system property) names one, and nothing is remembered.
 */
public final class CompiledRules {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRules.class);
    /** Entries kept: the newest ones (an analyst's edits over weeks, several folders on one data folder). */
    static final int KEPT = 50;
    static final String FILE = "rules-compiled.txt";

    private final Path file;
    /** This build's identity; null: nothing is known or remembered. */
    private final String build;

    CompiledRules(Path file, String build) {
        this.file = file;
        this.build = build;
    }

    /** The record in {@code dataDir} for the running build. */
    public static CompiledRules in(Path dataDir) {
        return new CompiledRules(dataDir.resolve(FILE), thisBuild());
    }

    /** Whether this build compiled rules with this fingerprint before, without error. */
    public boolean compiledBefore(String fingerprint) {
        return build != null && entries().contains(entry(fingerprint));
    }

    /** Notes that rules with this fingerprint compiled; a failure to write only costs a later run the wait. */
    public void compiled(String fingerprint) {
        if (build == null || compiledBefore(fingerprint)) {
            return;
        }
        List<String> kept = new ArrayList<>(entries());
        kept.add(entry(fingerprint));
        if (kept.size() > KEPT) {
            kept = kept.subList(kept.size() - KEPT, kept.size());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.write(tmp, kept);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Not noted that the rules compiled: {}", e.getMessage());
        }
    }

    private String entry(String fingerprint) {
        return fingerprint + " " + build;
    }

    private List<String> entries() {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The jar the engine's classes come from, as name, size and modification time; null for a folder of classes. */
    static String thisBuild() {
        String named = System.getProperty("io.dealsync.build-id");
        if (named != null && !named.isBlank()) {
            return named.strip().replace(' ', '_');
        }
        try {
            CodeSource cs = RuleBook.class.getProtectionDomain().getCodeSource();
            Path jar = cs == null ? null : Path.of(cs.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return null;
            }
            return jar.getFileName().toString().replace(' ', '_') + ":" + Files.size(jar) + ":"
                    + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
