package io.dealsync.app;

import io.dealsync.config.EngineSettings;
import io.dealsync.intake.FileIntake;
import io.dealsync.read.FilePrecheck;
import io.dealsync.read.PrecheckAhead;
import io.dealsync.read.SourceProfile;
import io.dealsync.read.SourceProfiles;
import io.dealsync.rules.CompiledRules;
import io.dealsync.rules.ReferenceData;
import io.dealsync.rules.RuleBook;
import io.dealsync.rules.RuleBookHolder;
import io.dealsync.rules.RuleProblem;
import io.dealsync.rules.RulesException;
import io.dealsync.store.Database;
import io.dealsync.store.DealStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The engine's parts, wired once: settings, rules (compiled first, so a broken DRL stops everything before
 * a file is touched), source profiles, and the database. Commands and Camel beans use it.
 */
public final class Engine implements FileIntake.Environment, AutoCloseable {
    private final EngineSettings settings;
    /** The rules in force; null for a command that judges nothing (the sweep), which never compiles them. */
    private final RuleBookHolder rules;
    private final java.util.function.Supplier<ReferenceData> reference;
    private final Map<String, SourceProfile> profiles;
    private final Database database;
    private final DealStore store;
    private DataFolderLock dataLock; // issue 11: one process at a time on the embedded database
    /** run: the inbox's first files, prechecked while the rules compile. */
    private PrecheckAhead ahead = PrecheckAhead.NONE;

    private Engine(EngineSettings settings, RuleBookHolder rules, Map<String, SourceProfile> profiles, Database database) {
        this.settings = settings;
        this.rules = rules;
        this.reference = rules != null ? whileCompiling(rules, referenceOnly(settings)) : referenceOnly(settings);
        this.profiles = profiles;
        this.database = database;
        this.store = new DealStore(database);
    }

    /**
     * Compiles the rules, loads the profiles, opens the database.
     *
     * @throws io.dealsync.rules.RulesException when the rules do not compile
     * @throws IllegalArgumentException when a source profile is invalid
     * @throws io.dealsync.store.DatabaseUnavailableException when the database cannot be reached
     */
    public static Engine start(EngineSettings settings) {
        return start(settings, Rules.COMPILED);
    }

    /**
     * As {@link #start}, the rules still compiling: the caller goes on with its own start (Camel's) and calls
     * {@link #awaitRules()} before it touches a file.
     */
    public static Engine startRulesCompiling(EngineSettings settings) {
        return start(settings, Rules.COMPILING);
    }

    /**
     * The engine of a command that judges no record ({@code expire}): the analysts' reference tables and
     * settings, not the DRL, whose compile was a second of the sweep's start-up.
     */
    public static Engine startWithoutRules(EngineSettings settings) {
        return start(settings, Rules.NONE);
    }

    private enum Rules { NONE, COMPILING, COMPILED }

    private static Engine start(EngineSettings settings, Rules rules) {
        DataFolderLock lock = DataFolderLock.acquire(settings); // before anything: a second process is refused at once
        try {
            Engine engine = rules == Rules.NONE ? startWithoutRulesLocked(settings)
                    : startLocked(settings, rules == Rules.COMPILING);
            engine.dataLock = lock;
            if (rules == Rules.COMPILED) {
                try {
                    engine.awaitRules();
                } catch (RuntimeException e) {
                    engine.database.close();
                    throw e;
                }
            }
            return engine;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Waits for the rules compiling since the start.
     *
     * @throws RulesException when they do not compile
     */
    public void awaitRules() {
        judging().awaitCompiled();
    }

    /** Whether this build compiled the rules in the folder before ({@link CompiledRules}): no file need wait for them. */
    public boolean rulesCompiledBefore() {
        return rules != null && rules.compiledBefore();
    }

    private static Engine startLocked(EngineSettings settings, boolean precheckAhead) {
        // Compiling the DRL and opening the database each take a second or two: side by side. A rule that does not
        // compile still stops the run before any file is touched (awaitRules).
        RuleBookHolder rules = precheckAhead
                ? RuleBookHolder.compiling(settings.path("dealsync.rules"), CompiledRules.in(settings.path("dealsync.data")))
                : RuleBookHolder.compiling(settings.path("dealsync.rules"));
        try {
            Path profilesDir = settings.path("dealsync.profiles");
            Map<String, SourceProfile> profiles = Files.isDirectory(profilesDir) ? SourceProfiles.load(profilesDir) : Map.of();
            PrecheckAhead ahead = precheckAhead ? precheckAhead(settings, profiles, rules) : PrecheckAhead.NONE;
            Engine engine = new Engine(settings, rules, profiles, openDatabase(settings));
            engine.ahead = ahead;
            return engine;
        } catch (RuntimeException e) {
            rules.awaitCompiled(); // broken rules are the first thing to report
            throw e;
        }
    }

    /** The inbox's files in the intake's order, prechecked one by one until the rules have compiled. */
    private static PrecheckAhead precheckAhead(EngineSettings settings, Map<String, SourceProfile> profiles,
            RuleBookHolder rules) {
        Path inbox = settings.path("dealsync.inbox").toAbsolutePath().normalize();
        return PrecheckAhead.start(InboxFiles.taken(inbox),
                file -> profileFor(profiles, inbox.relativize(file.getParent()).toString().replace('\\', '/')),
                rules::firstCompileEnded);
    }

    private static Engine startWithoutRulesLocked(EngineSettings settings) {
        Path profilesDir = settings.path("dealsync.profiles");
        Map<String, SourceProfile> profiles = Files.isDirectory(profilesDir) ? SourceProfiles.load(profilesDir) : Map.of();
        Engine engine = new Engine(settings, null, profiles, openDatabase(settings));
        try {
            engine.reference(); // a broken reference table still stops the command first
            return engine;
        } catch (RuntimeException e) {
            engine.database.close();
            throw e;
        }
    }

    /**
     * The compiled book's reference data; while rules that compiled before still compile, the same tables read on
     * their own (the run's end, its sweep, need them, not the DRL).
     */
    private static java.util.function.Supplier<ReferenceData> whileCompiling(RuleBookHolder rules,
            java.util.function.Supplier<ReferenceData> alone) {
        return () -> rules.compiledBefore() && !rules.firstCompileEnded() ? alone.get() : rules.current().reference();
    }

    /** The reference data read once on first use, without the DRL; a problem in it is a RulesException. */
    private static java.util.function.Supplier<ReferenceData> referenceOnly(EngineSettings settings) {
        return new java.util.function.Supplier<>() {
            private ReferenceData loaded;

            @Override
            public synchronized ReferenceData get() {
                if (loaded == null) {
                    Path rulesDir = settings.path("dealsync.rules");
                    java.util.List<RuleProblem> problems = new java.util.ArrayList<>();
                    ReferenceData r = ReferenceData.load(rulesDir.toAbsolutePath().normalize().resolve("reference"),
                            RuleBook.display(rulesDir) + "reference/", problems);
                    if (!problems.isEmpty()) {
                        throw new RulesException(problems);
                    }
                    loaded = r;
                }
                return loaded;
            }
        };
    }

    public static Database openDatabase(EngineSettings settings) {
        if (settings.jdbcUrl().startsWith("jdbc:hsqldb:file:")) {
            try {
                Files.createDirectories(settings.path("dealsync.data"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return Database.open(settings.jdbcUrl(), settings.get("dealsync.db.user"), settings.get("dealsync.db.password"),
                settings.getInt("dealsync.db.pool-size", 4), settings.getInt("dealsync.db.connect-attempts", 5),
                settings.getLong("dealsync.db.connection-timeout-ms", 10_000));
    }

    public EngineSettings settings() { return settings; }
    public RuleBookHolder ruleBooks() { return judging(); }

    /** The reference tables and the analysts' settings in force. */
    public ReferenceData reference() { return reference.get(); }

    /** The fingerprint of the rules folder (the rules in force when compiled). */
    public String rulesFingerprint() {
        return rules != null ? rules.fingerprint() : RuleBook.fingerprint(settings.path("dealsync.rules"));
    }

    private RuleBookHolder judging() {
        if (rules == null) {
            throw new IllegalStateException("This engine was started without its rules: it judges no record");
        }
        return rules;
    }
    public Database database() { return database; }
    public Map<String, SourceProfile> profiles() { return profiles; }

    @Override
    public DealStore store() { return store; }

    @Override
    public RuleBook rules() { return judging().current(); }

    @Override
    public SourceProfile profileFor(String source) {
        return profileFor(profiles, source);
    }

    private static SourceProfile profileFor(Map<String, SourceProfile> profiles, String source) {
        SourceProfile p = SourceProfiles.forSource(profiles, source);
        return p == null ? SourceProfile.canonical() : p; // an unknown source is read canonically and reported
    }

    @Override
    public FilePrecheck.Result precheckedAhead(Path file, SourceProfile profile) { return ahead.take(file, profile); }

    @Override
    public boolean knowsSource(String source) {
        return profiles.containsKey(source);
    }

    @Override
    public Path rejectsDir() { return settings.path("dealsync.rejects"); }

    @Override
    public Path home() { return settings.home(); }

    @Override
    public String defaultPartnerId() { return settings.get("dealsync.partner-id"); }

    @Override
    public int batchSize() { return Math.max(1, settings.getInt("dealsync.batch-size", 1000)); }

    @Override
    public long checkpointRecords() { return Math.max(1, settings.getLong("dealsync.db.checkpoint-records", 200_000)); }

    @Override
    public int writeAttempts() { return Math.max(1, settings.getInt("dealsync.db.write-attempts", 5)); }

    @Override
    public String processedSource() { return io.dealsync.handoff.HandoffSettings.processedSource(settings); } // issue 14

    @Override
    public void close() {
        try {
            store.close();
            database.close();
        } finally {
            if (dataLock != null) {
                dataLock.close();
            }
        }
    }
}
