package io.dealsync.app;

import io.dealsync.config.EngineSettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which camel.* properties the monitoring settings become: loopback by default, nothing in run --once. */
class MonitoringSettingsTest {
    @Test
    void theDaemonServesOnLoopbackByDefault() {
        Properties p = new Properties();
        Monitoring.configure(EngineSettings.load(null, Map.of()), false, p);
        assertThat(p).containsEntry("camel.management.enabled", "true")
                .containsEntry("camel.management.host", "127.0.0.1")
                .containsEntry("camel.management.port", "9876")
                .containsEntry("camel.management.health-check-enabled", "true")
                .containsEntry("camel.management.metrics-enabled", "true")
                .containsEntry("camel.metrics.enabled", "true");
    }

    @Test
    void hostAndPortAreSettingsAndRunOnceOpensNoPort() {
        EngineSettings s = EngineSettings.load(null, Map.of("dealsync.http.host", "0.0.0.0", "dealsync.http.port", "19000"));
        Properties daemon = new Properties();
        Monitoring.configure(s, false, daemon);
        assertThat(daemon).containsEntry("camel.management.host", "0.0.0.0").containsEntry("camel.management.port", "19000");

        Properties once = new Properties();
        Monitoring.configure(s, true, once);
        assertThat(once).containsEntry("camel.management.enabled", "false").containsEntry("camel.metrics.enabled", "false")
                .doesNotContainKey("camel.management.port");
    }

    @Test
    void theHttpServerCanBeSwitchedOffAndAnOperatorsCamelKeysWin() {
        Properties off = new Properties();
        Monitoring.configure(EngineSettings.load(null, Map.of("dealsync.http.enabled", "false")), false, off);
        assertThat(off).containsEntry("camel.management.enabled", "false");

        Properties own = new Properties();
        own.setProperty("camel.management.port", "1234");
        Monitoring.configure(EngineSettings.load(null, Map.of()), false, own);
        assertThat(own).containsEntry("camel.management.port", "1234");
    }
}
