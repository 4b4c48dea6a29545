package io.dealsync.cli;

import io.dealsync.config.EngineSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The launcher: one command, sub-commands for each job (docs/operations.md, "Commands"). The help options, the
 * exit codes and the environment variables are inherited by every sub-command, so {@code --help} works on
 * each of them; {@code --config} and {@code --set} are accepted before or after the sub-command.
 */
@Command(name = "dealsync", version = "dealsync 0.1.0", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        description = "Nightly sync of partner co-sell solution-assessment deals, with rules analysts own.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done: every file was read (rejects are normal)",
            "1:a file could not be read (it is in .failed/ with the reason beside it), or nothing to show",
            "2:the rules are broken: a DRL does not compile, or a rule fails at run time",
            "3:the database is unreachable, or another dealsync process has the embedded database open",
            "4:configuration error: an unknown dealsync.* key, an unreadable --config file, a bad value",
            "64:usage error: an unknown option or sub-command, a bad date or filter value, a future --as-of"},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  DEALSYNC_CONFIG       an operator's properties file (as --config)",
            "  DEALSYNC_<KEY>        any setting: dealsync.db.url is DEALSYNC_DB_URL",
            "                        (later wins: shipped file, --config, environment,",
            "                        -D in JAVA_OPTS, --set)",
            "  DEALSYNC_LOG_LEVEL    the engine's log level (INFO; DEBUG shows every batch)",
            "  DEALSYNC_LOG_FORMAT   text or json (one JSON object per log line)",
            "  DEALSYNC_NO_SAMPLES   set: never copy the demo samples into the inbox",
            "  JAVA_OPTS             JVM options of the launcher, e.g. -Xmx256m",
            "See the effective settings and where each came from: ./dealsync config"},
        subcommands = {RunCommand.class, ValidateCommand.class, RulesCommand.class, ExpireCommand.class,
                DealsCommand.class, ReportCommand.class, ConfigCommand.class, HandoffCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class DealsyncCommand {
    public static final int FILE_FAILED = 1;
    public static final int RULES_BROKEN = 2;
    public static final int DATABASE_DOWN = 3;
    public static final int CONFIG_ERROR = 4;
    /** sysexits.h EX_USAGE: the command line is wrong; distinct from 2 so a scheduler tells a typo from broken rules. */
    public static final int USAGE = 64;

    Path config;
    final Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "An operator's properties file, layered over the shipped one (also DEALSYNC_CONFIG).")
    void config(Path file) {
        this.config = file;
    }

    // a setter, not a field: picocli hands each command its own map, so `--set a=1 run --set b=2` keeps both
    @Option(names = {"-s", "--set"}, scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "Override a setting, e.g. --set dealsync.batch-size=5000 (repeatable; wins over all else).")
    void set(Map<String, String> more) {
        overrides.putAll(more);
    }

    /** A command's work with the engine; its exit code. */
    interface EngineWork {
        int run(io.dealsync.app.Engine engine) throws Exception;
    }

    /**
     * Starts the engine (rules, profiles, database), runs the work, closes the engine; broken rules and an
     * unreachable database end the command with their own exit code and a message a person reads.
     */
    static int withEngine(EngineSettings settings, EngineWork work) throws Exception {
        return withEngine(settings, true, work);
    }

    /** {@code judges} false: a command that judges no record, whose engine does not compile the DRL. */
    static int withEngine(EngineSettings settings, boolean judges, EngineWork work) throws Exception {
        return withEngine(settings, judges ? io.dealsync.app.Engine::start : io.dealsync.app.Engine::startWithoutRules,
                work);
    }

    /**
     * {@code run}: the work starts while the rules still compile, and waits for them (Engine.awaitRules) before it
     * touches a file; broken rules then end it as they would have at the start.
     */
    static int withEngineRulesCompiling(EngineSettings settings, EngineWork work) throws Exception {
        return withEngine(settings, io.dealsync.app.Engine::startRulesCompiling, work);
    }

    private static int withEngine(EngineSettings settings,
            java.util.function.Function<EngineSettings, io.dealsync.app.Engine> start, EngineWork work) throws Exception {
        io.dealsync.app.Engine engine;
        try {
            engine = start.apply(settings);
        } catch (io.dealsync.rules.RulesException e) {
            return rulesBroken(e);
        } catch (io.dealsync.store.DatabaseUnavailableException e) {
            System.err.println("dealsync: " + e.getMessage());
            System.err.println("No file was touched; they stay in the inbox for the next run.");
            return DATABASE_DOWN;
        }
        try (engine) {
            return work.run(engine);
        } catch (io.dealsync.rules.RulesException e) { // the first compile, awaited before any file was touched
            return rulesBroken(e);
        } catch (io.dealsync.store.DatabaseUnavailableException e) {
            System.err.println("dealsync: " + e.getMessage());
            return DATABASE_DOWN;
        }
    }

    private static int rulesBroken(io.dealsync.rules.RulesException e) {
        System.err.println(e.getMessage());
        System.err.println("No file was touched. Fix the rules (./dealsync rules check) and run again.");
        return RULES_BROKEN;
    }

    /**
     * The settings with a command's {@code --as-of} on top (null: the configured as-of, else today). Kept for
     * commands that take a date without the future guard; run, expire and validate use {@link AsOfOptions}.
     */
    EngineSettings settingsAsOf(java.time.LocalDate asOf) {
        return settings(asOf == null ? Map.of() : Map.of("dealsync.as-of", asOf.toString()));
    }

    /** The settings, with the sub-command's own overrides on top; the log level and format follow them. */
    EngineSettings settings(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(more);
        EngineSettings s = EngineSettings.load(config, all);
        io.dealsync.app.LogSetup.apply(s);
        return s;
    }

    public static void main(String[] args) {
        // Logging is set up here, on one thread, before the engine compiles rules and opens the database side
        // by side: otherwise both threads race logback's start and SLF4J replays their first lines with a warning.
        org.slf4j.LoggerFactory.getILoggerFactory();
        int code = execute(args);
        if (Boolean.getBoolean("dealsync.print-peak-heap")) {
            // for the benchmark: the heap's high-water mark over the whole run
            long peak = 0;
            for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("peak-heap-mb: " + peak / (1024 * 1024));
        }
        System.exit(code);
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new DealsyncCommand());
        cl.registerConverter(java.time.LocalDate.class, new DateConverter());
        cl.setParameterExceptionHandler((ex, rest) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("dealsync: " + ex.getMessage());
            cmd.getErr().println("See: " + cmd.getCommandSpec().qualifiedName(" ") + " --help");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("dealsync: " + ex.getMessage());
            return CONFIG_ERROR;
        });
        return cl.execute(args);
    }
}
