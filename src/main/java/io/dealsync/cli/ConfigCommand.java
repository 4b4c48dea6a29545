package io.dealsync.cli;

import io.dealsync.config.EngineSettings;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Prints the effective settings, each with where its value came from; secrets masked. */
@Command(name = "config", description = {"Print the effective settings and where each came from: the shipped file, "
        + "an operator's file (--config, DEALSYNC_CONFIG), an environment variable, -D in JAVA_OPTS, or --set.",
        "Passwords and other secrets are masked (***)."})
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Override
    public Integer call() {
        EngineSettings s = parent.settings(Map.of());
        Map<String, String> values = s.describe();
        int kw = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        int vw = Math.min(48, values.values().stream().mapToInt(String::length).max().orElse(0));
        System.out.println("EngineSettings of " + s.home() + " (later wins: shipped file, --config, environment, -D, --set)");
        System.out.println(pad("KEY", kw) + "  " + pad("VALUE", vw) + "  FROM");
        values.forEach((k, v) -> System.out.println(pad(k, kw) + "  " + pad(v, vw) + "  " + s.origin(k)));
        return 0;
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
