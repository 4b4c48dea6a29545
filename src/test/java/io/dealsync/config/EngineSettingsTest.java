package io.dealsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layers of the settings, where each value came from, and the typos they refuse. */
class EngineSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void eachValueRemembersItsLayerAndLaterWins() throws Exception {
        Path file = tmp.resolve("ops.properties");
        Files.writeString(file, "dealsync.batch-size=10\ndealsync.partner-id=4222222\ndealsync.inbox.poll-ms=900\n");
        Properties jvm = new Properties();
        jvm.setProperty("dealsync.inbox.poll-ms", "800");
        jvm.setProperty("dealsync.home", tmp.toString()); // the launcher's, not a setting
        EngineSettings s = EngineSettings.load(file, Map.of("dealsync.rules.reload-ms", "700"),
                Map.of("DEALSYNC_BATCH_SIZE", "20", "DEALSYNC_CONFIG", "/elsewhere", "DEALSYNC_NO_SAMPLES", "1"), jvm);
        assertThat(s.get("dealsync.batch-size")).isEqualTo("20");
        assertThat(s.origin("dealsync.batch-size")).isEqualTo("environment DEALSYNC_BATCH_SIZE");
        assertThat(s.origin("dealsync.partner-id")).isEqualTo("file " + file);
        assertThat(s.get("dealsync.inbox.poll-ms")).isEqualTo("800");
        assertThat(s.origin("dealsync.inbox.poll-ms")).startsWith("-Ddealsync.inbox.poll-ms");
        assertThat(s.origin("dealsync.rules.reload-ms")).isEqualTo("--set");
        assertThat(s.origin("dealsync.rejects")).isEqualTo("default (application.properties)");
        assertThat(s.home()).isEqualTo(tmp.toAbsolutePath().normalize());
    }

    @Test
    void anUnknownKeyFromAnyLayerIsNamedWithItsLayer() throws Exception {
        Path file = tmp.resolve("ops.properties");
        Files.writeString(file, "dealsync.batchsize=10\n");
        Properties jvm = new Properties();
        jvm.setProperty("dealsync.db.ulr", "x");
        assertThatThrownBy(() -> EngineSettings.load(file, Map.of("dealsync.sweep.period-ms", "5"),
                Map.of("DEALSYNC_BACH_SIZE", "3"), jvm))
                .isInstanceOf(EngineSettings.SettingsException.class)
                .hasMessageContaining("dealsync.batchsize (file " + file + ")")
                .hasMessageContaining("environment variable DEALSYNC_BACH_SIZE")
                .hasMessageContaining("dealsync.db.ulr (-Ddealsync.db.ulr (JVM property))")
                .hasMessageContaining("dealsync.sweep.period-ms (--set)");
        // keys of other tools are not ours to judge
        EngineSettings.load(null, Map.of("camel.main.name", "x"), Map.of("PATH", "/bin"), new Properties());
    }

    @Test
    void secretsAreMaskedAlsoInsideAUrl() {
        EngineSettings s = EngineSettings.load(null, Map.of("dealsync.db.password", "hunter2",
                "dealsync.db.url", "jdbc:postgresql://h/db?user=u&password=pw1;x=y"), Map.of(), new Properties());
        assertThat(s.describe().get("dealsync.db.password")).isEqualTo("***");
        assertThat(s.describe().get("dealsync.db.url")).isEqualTo("jdbc:postgresql://h/db?user=u&password=***;x=y");
        assertThat(s.describe().toString()).doesNotContain("hunter2", "pw1");
        assertThat(EngineSettings.masked("dealsync.db.password", "")).isEmpty(); // unset stays visibly unset
    }
}
