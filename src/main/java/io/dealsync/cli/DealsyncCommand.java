package io.dealsync.cli;

import io.dealsync.app.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The launcher: one command, sub-commands for each job (operations.md, "Commands"). */
@Command(name = "dealsync", mixinStandardHelpOptions = true, version = "dealsync 0.1.0",
        description = "Nightly sync of partner co-sell solution-assessment deals, with rules analysts own.",
        subcommands = {RunCommand.class, ValidateCommand.class, RulesCommand.class, ExpireCommand.class,
                DealsCommand.class, ReportCommand.class, BenchCommand.class, HandoffCommand.class, CommandLine.HelpCommand.class})
public final class DealsyncCommand {
    /** Exit codes: 0 all files read; 1 a file could not be read; 2 rules do not compile; 3 database unreachable. */
    public static final int FILE_FAILED = 1;
    public static final int RULES_BROKEN = 2;
    public static final int DATABASE_DOWN = 3;
    public static final int CONFIG_ERROR = 4;

    @Option(names = "--config", description = "An operator's properties file, layered over the shipped one.")
    Path config;

    @Option(names = {"-s", "--set"}, description = "Override a setting, e.g. --set dealsync.batch-size=5000.",
            paramLabel = "KEY=VALUE")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** The settings with a command's {@code --as-of} on top (null: the configured as-of, else today). */
    Settings settingsAsOf(java.time.LocalDate asOf) {
        return settings(asOf == null ? Map.of() : Map.of("dealsync.as-of", asOf.toString()));
    }

    /** A command's work with the engine; its exit code. */
    interface EngineWork {
        int run(io.dealsync.app.Engine engine) throws Exception;
    }

    /**
     * Starts the engine (rules, profiles, database), runs the work, closes the engine; broken rules and an
     * unreachable database end the command with their own exit code and a message a person reads.
     */
    static int withEngine(Settings settings, EngineWork work) throws Exception {
        io.dealsync.app.Engine engine;
        try {
            engine = io.dealsync.app.Engine.start(settings);
        } catch (io.dealsync.rules.RulesException e) {
            System.err.println(e.getMessage());
            System.err.println("No file was touched. Fix the rules (./dealsync rules check) and run again.");
            return RULES_BROKEN;
        } catch (io.dealsync.store.DatabaseUnavailableException e) {
            System.err.println("dealsync: " + e.getMessage());
            System.err.println("No file was touched; they stay in the inbox for the next run.");
            return DATABASE_DOWN;
        }
        try (engine) {
            return work.run(engine);
        } catch (io.dealsync.store.DatabaseUnavailableException e) {
            System.err.println("dealsync: " + e.getMessage());
            return DATABASE_DOWN;
        }
    }

    /** The settings, with the sub-command's own overrides on top. */
    Settings settings(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(more);
        return Settings.load(config, all);
    }

    public static void main(String[] args) {
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
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("dealsync: " + ex.getMessage());
            return CONFIG_ERROR;
        });
        return cl.execute(args);
    }
}
