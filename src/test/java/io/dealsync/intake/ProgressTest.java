package io.dealsync.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line's text, its clearing before a log line, and its silence when off. */
class ProgressTest {
    @TempDir
    Path tmp;

    @Test
    void showsFileOfNRecordsRatePercentAndTimeLeftThenClears() throws Exception {
        Path f = Files.writeString(tmp.resolve("a.csv"), "x".repeat(1000));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(true, new PrintStream(bytes, true, StandardCharsets.UTF_8), 0);
        p.startFile(f, "crm-fr/a.csv", 2, 5);
        assertThat(p.line(12_000, 2.0, 400)).isEqualTo("[2/5] crm-fr/a.csv: 12,000 records, 6,000 records/s, 40%, 3s left");
        p.records("crm-fr/a.csv", 10);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r[2/5] crm-fr/a.csv: 10 records").endsWith("\033[K");
        Progress.beforeLogLine(); // what the log appender does first
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r\033[K");
        int before = bytes.size();
        Progress.beforeLogLine(); // nothing standing: nothing written
        assertThat(bytes.size()).isEqualTo(before);
        assertThat(Progress.duration(3725)).isEqualTo("1h02m");
        assertThat(Progress.duration(65)).isEqualTo("1m05s");
    }

    @Test
    void silentWhenOff() throws Exception {
        Path f = Files.writeString(tmp.resolve("a.csv"), "x");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(false, new PrintStream(bytes, true, StandardCharsets.UTF_8), 0);
        p.startFile(f, "a.csv", 1, 1);
        p.records("a.csv", 1000);
        p.done();
        assertThat(bytes.size()).isZero();
        assertThat(Progress.forConsole("never").enabled()).isFalse();
        assertThat(Progress.forConsole("always").enabled()).isTrue();
        // under surefire standard input and output are pipes: no console, so auto is off
        assertThat(Progress.forConsole("auto").enabled()).isFalse();
    }
}
