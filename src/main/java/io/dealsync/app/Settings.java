package io.dealsync.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Everything an operator may change, from one place. Later sources win: the shipped
 * {@code application.properties}, an operator's file ({@code --config} or {@code DEALSYNC_CONFIG}),
 * environment variables ({@code dealsync.db.url} is {@code DEALSYNC_DB_URL}), JVM system properties,
 * then command-line options. The same values feed Camel Main, so routes see them as {@code {{dealsync.inbox}}}.
 */
public final class Settings {
    public static final String PREFIX = "dealsync.";

    private final Properties props;
    private final Path home;

    private Settings(Properties props, Path home) {
        this.props = props;
        this.home = home;
    }

    /** Loads the layered settings; {@code overrides} are the command line's (may be empty). */
    public static Settings load(Path configFile, Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The shipped application.properties cannot be read", e);
        }
        Path external = configFile;
        if (external == null && System.getenv("DEALSYNC_CONFIG") != null) {
            external = Path.of(System.getenv("DEALSYNC_CONFIG"));
        }
        if (external != null) {
            try (Reader r = Files.newBufferedReader(external, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("The configuration file " + external + " cannot be read: " + e.getMessage());
            }
        }
        for (String key : p.stringPropertyNames().toArray(String[]::new)) {
            String env = System.getenv(envName(key));
            if (env != null) {
                p.setProperty(key, env);
            }
        }
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith(PREFIX) || k.toString().startsWith("camel.")) {
                p.setProperty(k.toString(), v.toString());
            }
        });
        overrides.forEach((k, v) -> {
            if (v != null) {
                p.setProperty(k, v);
            }
        });
        String homeProp = p.getProperty("dealsync.home", System.getProperty("dealsync.home", "."));
        return new Settings(p, Path.of(homeProp).toAbsolutePath().normalize());
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
            throw new IllegalArgumentException("Setting " + key + "='" + v + "' is not a whole number");
        }
    }

    public long getLong(String key, long dflt) {
        String v = get(key);
        try {
            return v.isEmpty() ? dflt : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + "='" + v + "' is not a whole number");
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
            throw new IllegalArgumentException("The as-of date '" + v + "' is not a date (yyyy-mm-dd)");
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

    /** The settings with secrets masked, for a log line or `--help`. */
    public Map<String, String> describe() {
        Map<String, String> m = new TreeMap<>();
        for (String k : props.stringPropertyNames()) {
            if (k.startsWith(PREFIX)) {
                m.put(k, k.contains("password") || k.contains("secret") ? "***" : props.getProperty(k));
            }
        }
        return m;
    }
}
