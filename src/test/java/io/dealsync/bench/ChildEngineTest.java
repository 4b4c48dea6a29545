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
}
