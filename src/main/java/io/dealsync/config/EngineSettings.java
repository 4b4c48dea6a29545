package io.dealsync.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Everything an operator may change, from one place. Later sources win: the shipped
 * {@code application.properties}, an operator's file ({@code --config} or {@code DEALSYNC_CONFIG}),
 * environment variables ({@code dealsync.db.url} is {@code DEALSYNC_DB_URL}), JVM system properties,
 * then command-line options. The same values feed Camel Main, so routes see them as {@code {{dealsync.inbox}}}.
 * Every key is one of the shipped file's: a {@code dealsync.*} key it does not know, from any source, is a
 * typo and an error naming it and where it came from. Each value remembers where it came from.
 */
public final class EngineSettings {
    public static final String PREFIX = "dealsync.";
    /** Keys the launcher and the benchmark pass as JVM properties, not settings of the shipped file. */
    // engine bookkeeping and test-only halt points (app/TestHalt): accepted, never listed as settings
    static final Set<String> INTERNAL = Set.of("dealsync.home", "dealsync.print-peak-heap", "dealsync.test.halt-at",
            "dealsync.handoff.test-halt");
    /** DEALSYNC_* environment variables that are not settings: the operator's file, the demo switch. */
    static final Set<String> OTHER_ENV = Set.of("DEALSYNC_CONFIG", "DEALSYNC_NO_SAMPLES");
    static final String SHIPPED = "default (application.properties)";

    private final Properties props;
    private final Map<String, String> origins;
    private final Path home;

    private EngineSettings(Properties props, Map<String, String> origins, Path home) {
        this.props = props;
        this.origins = origins;
        this.home = home;
    }

    /** Loads the layered settings; {@code overrides} are the command line's (may be empty). */
    public static EngineSettings load(Path configFile, Map<String, String> overrides) {
        return load(configFile, overrides, System.getenv(), System.getProperties());
    }

    /**
     * Loads the layered settings from the given environment and JVM properties.
     *
     * @throws SettingsException naming every unknown {@code dealsync.*} key and where it came from
     */
    static EngineSettings load(Path configFile, Map<String, String> overrides, Map<String, String> env, Properties system) {
        Properties p = shipped();
        Map<String, String> origins = new TreeMap<>();
        Set<String> known = new java.util.HashSet<>(p.stringPropertyNames());
        known.forEach(k -> origins.put(k, SHIPPED));
        List<String> unknown = new ArrayList<>();
        Path external = configFile;
        String fileOrigin = "file " + configFile;
        if (external == null && env.get("DEALSYNC_CONFIG") != null) {
            external = Path.of(env.get("DEALSYNC_CONFIG"));
            fileOrigin = "file " + external + " (DEALSYNC_CONFIG)";
        }
        if (external != null) {
            Properties file = readFile(external);
            for (String k : file.stringPropertyNames()) {
                put(p, origins, known, unknown, k, file.getProperty(k), fileOrigin);
            }
        }
        Map<String, String> byEnvName = new java.util.HashMap<>();
        known.forEach(k -> byEnvName.put(envName(k), k));
        new TreeMap<>(env).forEach((name, v) -> {
            if (name.startsWith("DEALSYNC_") && !OTHER_ENV.contains(name)) {
                String key = byEnvName.get(name);
                if (key == null) {
                    unknown.add("environment variable " + name);
                } else {
                    put(p, origins, known, unknown, key, v, "environment " + name);
                }
            }
        });
        system.stringPropertyNames().stream().sorted().forEach(k -> {
            if ((k.startsWith(PREFIX) && !INTERNAL.contains(k)) || k.startsWith("camel.")) {
                put(p, origins, known, unknown, k, system.getProperty(k), "-D" + k + " (JVM property)");
            }
        });
        overrides.forEach((k, v) -> {
            if (v != null) {
                put(p, origins, known, unknown, k, v, "--set");
            }
        });
        if (!unknown.isEmpty()) {
            throw new SettingsException("Unknown setting" + (unknown.size() > 1 ? "s: " : ": ") + String.join(", ", unknown)
                    + ". The known settings and their values: ./dealsync config");
        }
        String homeProp = p.getProperty("dealsync.home", system.getProperty("dealsync.home", "."));
        return new EngineSettings(p, origins, Path.of(homeProp).toAbsolutePath().normalize());
    }

    private static Properties readFile(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new SettingsException("The configuration file " + file + " cannot be read: " + e.getMessage());
        }
        return props;
    }

    private static Properties shipped() {
        Properties p = new Properties();
        try (InputStream in = EngineSettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The shipped application.properties cannot be read", e);
        }
        return p;
    }

    /** Sets a key, or notes it as unknown: a {@code dealsync.*} key the shipped file does not have. */
    private static void put(Properties p, Map<String, String> origins, Set<String> known, List<String> unknown,
            String key, String value, String origin) {
        if (key.startsWith(PREFIX) && !known.contains(key) && !INTERNAL.contains(key)) {
            unknown.add(key + " (" + origin + ")");
            return;
        }
        p.setProperty(key, value);
        origins.put(key, origin);
    }

    /** A setting that cannot be used: an unknown key, an unreadable file, a value of the wrong kind. */
    public static final class SettingsException extends IllegalArgumentException {
        public SettingsException(String message) {
            super(message);
        }
    }

    /** {@code dealsync.db.url} as an environment variable: {@code DEALSYNC_DB_URL}. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String get(String key) {
        String v = props.getProperty(key);
        return v == null ? "" : v.strip();
    }

    public String get(String key, String dflt) {
        String v = get(key);
        return v.isEmpty() ? dflt : v;
    }

    public int getInt(String key, int dflt) {
        String v = get(key);
        try {
            return v.isEmpty() ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new SettingsException("Setting " + key + "='" + v + "' is not a whole number");
        }
    }

    public long getLong(String key, long dflt) {
        String v = get(key);
        try {
            return v.isEmpty() ? dflt : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SettingsException("Setting " + key + "='" + v + "' is not a whole number");
        }
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** A folder setting, relative to the project home unless absolute. */
    public Path path(String key) {
        Path p = Path.of(get(key));
        return p.isAbsolute() ? p : home.resolve(p).normalize();
    }

    public Path home() {
        return home;
    }

    /** The run's as-of date: {@code dealsync.as-of} when set, else today (UTC). */
    public LocalDate asOf() {
        String v = get("dealsync.as-of");
        if (v.isEmpty()) {
            return LocalDate.now(java.time.ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(v);
        } catch (RuntimeException e) {
            throw new SettingsException("The as-of date '" + v + "' is not a date (yyyy-mm-dd)");
        }
    }

    /** The JDBC URL, with a relative HSQLDB file path made absolute against the project home. */
    public String jdbcUrl() {
        String url = get("dealsync.db.url");
        String prefix = "jdbc:hsqldb:file:";
        if (url.startsWith(prefix)) {
            String rest = url.substring(prefix.length());
            int semi = rest.indexOf(';');
            String file = semi < 0 ? rest : rest.substring(0, semi);
            String tail = semi < 0 ? "" : rest.substring(semi);
            if (!Path.of(file).isAbsolute()) {
                return prefix + home.resolve(file).normalize() + tail;
            }
        }
        return url;
    }

    /** Every setting, for Camel Main's property placeholders (folders resolved to absolute paths). */
    public Properties forCamel() {
        Properties out = new Properties();
        out.putAll(props);
        for (String key : new String[] {"dealsync.inbox", "dealsync.rejects", "dealsync.reports", "dealsync.outbox",
                "dealsync.rules", "dealsync.routes", "dealsync.profiles", "dealsync.data"}) {
            if (props.containsKey(key)) {
                out.setProperty(key, path(key).toString());
            }
        }
        return out;
    }

    /** The settings with secrets masked, for a log line or {@code dealsync config}. */
    public Map<String, String> describe() {
        Map<String, String> m = new TreeMap<>();
        for (String k : props.stringPropertyNames()) {
            if (k.startsWith(PREFIX)) {
                m.put(k, masked(k, props.getProperty(k)));
            }
        }
        return m;
    }

    /** Where a setting's value came from: the shipped file, an operator's file, the environment, -D, --set. */
    public String origin(String key) {
        return origins.getOrDefault(key, "");
    }

    /** A secret's value as {@code ***} (an empty one stays empty: nothing to hide, and it shows it is unset). */
    static String masked(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        boolean secret = k.contains("password") || k.contains("secret") || k.contains("token") || k.endsWith(".key")
                || k.contains("credential");
        if (!secret && k.endsWith(".url")) {
            // a JDBC URL may carry a password: jdbc:postgresql://h/db?user=u&password=p
            return value.replaceAll("(?i)(password=)[^&;]*", "$1***");
        }
        return secret && value != null && !value.isEmpty() ? "***" : value;
    }
}
