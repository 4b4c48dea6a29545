package io.dealsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChildEngineTest {
    /** The benchmark measures what users run: its child JVM gets the launcher's collector and JIT options. */
    @Test
    void theChildJvmRunsWithTheLaunchersOptions() throws IOException {
        String launcher = Files.readString(Path.of("dealsync"));
        ChildEngine.LAUNCHER_JVM.stream().filter(o -> !o.startsWith("-Xmx"))
                .forEach(o -> assertThat(launcher).contains(o));
    }

    /** ... and the launcher's class archive, when the benchmark itself was started with it. */
    @Test
    void theChildJvmMapsTheLaunchersClassArchive() throws IOException {
        assertThat(ChildEngine.classArchive(java.util.List.of("-Xmx256m", "-XX:SharedArchiveFile=/x/target/dealsync.jsa",
                "-XX:+UseParallelGC"))).containsExactly("-XX:SharedArchiveFile=/x/target/dealsync.jsa");
        assertThat(ChildEngine.classArchive(java.util.List.of("-Xmx256m"))).isEmpty();
        assertThat(Files.readString(Path.of("dealsync"))).contains("-XX:SharedArchiveFile=$jsa");
    }
}
