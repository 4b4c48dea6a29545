package io.dealsync.app;

import io.dealsync.rules.RuleBookHolder;

import io.dealsync.config.EngineSettings;

import io.dealsync.health.DatabaseCheck;
import io.dealsync.health.InboxCheck;
import io.dealsync.health.RulesCheck;
import io.dealsync.health.RulesReloadCheck;
import io.dealsync.metrics.EngineMetrics;
import io.dealsync.metrics.MetricsFile;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health and metrics with Camel's own support. As a daemon, Camel Main's embedded management server
 * (camel-platform-http-main) serves {@code /observe/health} (with {@code /live} and {@code /ready}) from Camel's
 * health-check registry, where the engine's readiness checks join Camel's own, and {@code /observe/metrics}
 * from camel-micrometer-prometheus, which finds the engine's Prometheus registry bound as {@code metricsRegistry}.
 * In {@code run --once} no port is opened; the run's metrics can go to a Prometheus text file instead.
 */
final class Monitoring {
    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);
    static final String HEALTH_PATH = "/observe/health";

    private final Engine engine;
    private final RunService runs;
    private final boolean once;
    private Instant started;
    private Properties camel = new Properties();

    Monitoring(Engine engine, RunService runs, boolean once) {
        this.engine = engine;
        this.runs = runs;
        this.once = once;
    }

    /** The camel.* properties for the management server and the metrics; an operator's own camel.* keys win. */
    void configure(Properties props) {
        configure(engine.settings(), once, props);
        this.camel = props;
    }

    static void configure(EngineSettings s, boolean once, Properties props) {
        boolean http = !once && s.getBoolean("dealsync.http.enabled");
        props.putIfAbsent("camel.management.enabled", Boolean.toString(http));
        props.putIfAbsent("camel.metrics.enabled", Boolean.toString(http));
        if (http) {
            props.putIfAbsent("camel.management.host", s.get("dealsync.http.host", "127.0.0.1"));
            props.putIfAbsent("camel.management.port", String.valueOf(s.getInt("dealsync.http.port", 9876)));
            props.putIfAbsent("camel.management.health-check-enabled", "true");
            props.putIfAbsent("camel.management.metrics-enabled", "true");
            props.putIfAbsent("camel.metrics.binders", "processor,jvm-memory,jvm-gc,jvm-thread,uptime");
        }
    }

    /** Binds the registry, registers the checks once Camel is configured, and logs the start and stop lines. */
    void install(Main main) {
        EngineMetrics metrics = runs.metrics();
        RuleBookHolder rules = engine.ruleBooks();
        metrics.bindRulesReloads(rules, RuleBookHolder::reloads, RuleBookHolder::reloadFailures);
        main.bind(MicrometerConstants.METRICS_REGISTRY_NAME, metrics.registry());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                registerChecks(m.getCamelContext());
                if (!once) {
                    // a service added before the end-of-run one stops after it (Camel stops them in reverse), so
                    // this line comes once the file in hand is finished and its run closed, also on SIGTERM
                    try {
                        m.getCamelContext().addService(new ServiceSupport() {
                            @Override
                            protected void doStop() {
                                LOG.info("dealsync stopped: {} file(s), {} record(s) read since start, up {}",
                                        (long) sum(metrics, "dealsync.files"), (long) sum(metrics, "dealsync.records.read"),
                                        uptime());
                            }
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException("Registering the stop line failed", e);
                    }
                }
            }

            @Override
            public void afterStart(BaseMainSupport m) {
                started = Instant.now();
                if (!once) {
                    LOG.info("dealsync started: watching {}, {}", display(engine.settings().path("dealsync.inbox")),
                            healthUrl(m.getCamelContext()));
                }
            }

        });
    }

    /** {@code run --once}: the run's metrics as a Prometheus text file, when {@code dealsync.metrics.file} names one. */
    void writeMetricsFile() {
        String file = engine.settings().get("dealsync.metrics.file", "");
        if (!once || file.isBlank()) {
            return;
        }
        Path target = engine.settings().home().resolve(file.strip());
        try {
            MetricsFile.write(target, runs.metrics().scrape());
            LOG.info("Metrics written to {}", display(target));
        } catch (IOException e) {
            LOG.error("Writing the metrics file {} failed: {}", target, e.getMessage());
        }
    }

    private void registerChecks(CamelContext ctx) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(ctx);
        if (registry == null) {
            return; // camel.health.enabled=false
        }
        registry.register(new DatabaseCheck(engine.database()));
        registry.register(new RulesCheck(engine.ruleBooks()));
        registry.register(new RulesReloadCheck(engine.ruleBooks()));
        registry.register(new InboxCheck(engine.settings().path("dealsync.inbox")));
    }

    private String healthUrl(CamelContext ctx) {
        Properties p = camel;
        if (!Boolean.parseBoolean(p.getProperty("camel.management.enabled"))) {
            return "health and metrics off (dealsync.http.enabled=false)";
        }
        String host = p.getProperty("camel.management.host");
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        // the port bound, not the one asked for: dealsync.http.port=0 takes any free one
        int port = ctx.hasServices(VertxPlatformHttpServer.class).stream().mapToInt(VertxPlatformHttpServer::getPort)
                .filter(n -> n > 0).findFirst().orElse(Integer.parseInt(p.getProperty("camel.management.port")));
        return "health on http://" + hostPart + ":" + port + HEALTH_PATH
                + ", metrics on /observe/metrics";
    }

    private String display(Path p) {
        Path home = engine.settings().home().toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs) + "/" : abs.toString();
    }

    private String uptime() {
        if (started == null) {
            return "0 s";
        }
        long s = Duration.between(started, Instant.now()).toSeconds();
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static double sum(EngineMetrics metrics, String name) {
        return metrics.registry().find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
