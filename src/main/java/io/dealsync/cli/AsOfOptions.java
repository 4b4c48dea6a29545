package io.dealsync.cli;

import io.dealsync.config.EngineSettings;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --as-of} and its guard, shared by run, expire and validate. A date after today would expire deals
 * days early, for good: it is refused unless allowed ({@code --allow-future-as-of} or the setting
 * {@code dealsync.as-of.allow-future=true}, e.g. for a replay or a test).
 */
final class AsOfOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date to work as of (yyyy-mm-dd); default today (UTC), or dealsync.as-of.")
    LocalDate asOf;

    @Option(names = "--allow-future-as-of", description = "Accept an as-of date after today (also dealsync.as-of.allow-future=true).")
    boolean allowFuture;

    /**
     * The settings with {@code --as-of} on top.
     *
     * @throws ParameterException (exit 64) when the effective as-of date is after today and that is not allowed
     */
    EngineSettings settings(DealsyncCommand root) {
        EngineSettings s = root.settings(asOf == null ? Map.of() : Map.of("dealsync.as-of", asOf.toString()));
        LocalDate effective = s.asOf();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (effective.isAfter(today) && !allowFuture && !s.getBoolean("dealsync.as-of.allow-future")) {
            String from = asOf != null ? "--as-of" : "dealsync.as-of (" + s.origin("dealsync.as-of") + ")";
            throw new ParameterException(command.commandLine(), "the as-of date " + effective + " (" + from
                    + ") is after today (" + today + "): it would expire deals early. Allow it explicitly with"
                    + " --allow-future-as-of or dealsync.as-of.allow-future=true");
        }
        return s;
    }
}
