package io.dealsync.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's command line as an operator and a scheduler meet it (issue 11, point 4). */
class CommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void everySubCommandHasHelpWithItsOptionsExitCodesAndEnvironment() {
        Harness h = new Harness(tmp);
        for (List<String> cmd : List.<List<String>>of(List.of(), List.of("run"), List.of("validate"), List.of("rules"),
                List.of("rules", "check"), List.of("rules", "test"), List.of("expire"), List.of("deals"),
                List.of("deals", "export"), List.of("deals", "show"), List.of("report"), List.of("config"),
                List.of("bench"))) {
            List<String> withHelp = new java.util.ArrayList<>(cmd);
            withHelp.add("--help");
            String[] args = withHelp.toArray(String[]::new);
            Harness.Output help = h.runCaptured(args);
            assertThat(help.code()).as("%s --help", cmd).isZero();
            assertThat(help.out()).as("%s --help", cmd).contains("Usage: dealsync", "--set", "--config", "Exit codes:",
                    "64   usage error", "4    configuration error", "2    the rules are broken", "Environment:",
                    "DEALSYNC_CONFIG", "DEALSYNC_LOG_FORMAT");
        }
        assertThat(h.runCaptured("run", "--help").out()).contains("--once", "--as-of=DATE", "--allow-future-as-of");
        assertThat(h.runCaptured("deals", "export", "--help").out()).contains("--status", "--format");
    }

    @Test
    void aUsageErrorExits64NotTheCodeOfBrokenRules() {
        Harness h = new Harness(tmp);
        Harness.Output unknownOption = h.runCaptured("run", "--onse");
        assertThat(unknownOption.code()).isEqualTo(64);
        assertThat(unknownOption.err()).contains("Unknown option: '--onse'", "dealsync run --help");
        assertThat(h.runCaptured("frobnicate").code()).isEqualTo(64);
        assertThat(h.runCaptured("deals", "show").code()).isEqualTo(64); // its ID is missing
    }

    @Test
    void aBadDateSaysTheFormatExpected() {
        Harness h = new Harness(tmp);
        for (String[] cmd : new String[][] {{"run", "--once", "--as-of", "2026-13-45"}, {"expire", "--as-of", "26/11/2026"},
                {"deals", "export", "--from", "yesterday"}}) {
            Harness.Output o = h.runCaptured(cmd);
            assertThat(o.code()).isEqualTo(64);
            assertThat(o.err()).contains("expected a date as yyyy-mm-dd").doesNotContain("java.time");
        }
        assertThat(h.inboxListing()).isEmpty();
    }

    @Test
    void setAndConfigWorkAfterTheSubCommandToo() throws Exception {
        Harness h = new Harness(tmp);
        Path file = tmp.resolve("operator.properties");
        Files.writeString(file, "dealsync.partner-id=4111111\n");
        Harness.Output o = h.runCaptured("config", "--set", "dealsync.batch-size=77", "--config", file.toString());
        assertThat(o.code()).isZero();
        assertThat(line(o.out(), "dealsync.batch-size ")).contains("77", "--set");
        assertThat(line(o.out(), "dealsync.partner-id ")).contains("4111111", "file " + file);
        // before and after at once: both count, the later wins
        o = h.runCaptured("--set", "dealsync.batch-size=5", "--set", "dealsync.rules.reload-ms=1234", "config",
                "--set", "dealsync.batch-size=6");
        assertThat(line(o.out(), "dealsync.batch-size ")).contains(" 6 ");
        assertThat(line(o.out(), "dealsync.rules.reload-ms ")).contains("1234");
        // and it reaches a real run: a set inbox after the sub-command is where the run looks
        Path other = tmp.resolve("other-inbox");
        Files.createDirectories(other);
        Files.writeString(other.resolve("2026-11-26-x.csv"), new Rows().add(Rows.outgoing("CRM-S1")).csv());
        assertThat(h.run("run", "--once", "--as-of", "2026-11-26", "--set", "dealsync.inbox=" + other)).isZero();
        assertThat(Files.exists(other.resolve(".done/2026-11-26-x.csv"))).isTrue();
    }

    @Test
    void configShowsWhereEachSettingCameFromWithSecretsMasked() {
        Harness h = new Harness(tmp);
        Harness.Output o = h.runCaptured("config", "--set", "dealsync.db.password=hunter2",
                "--set", "dealsync.db.url=jdbc:postgresql://127.0.0.1/x?user=u&password=s3cr3t");
        assertThat(o.code()).isZero();
        assertThat(o.out()).doesNotContain("hunter2", "s3cr3t");
        assertThat(line(o.out(), "dealsync.db.password ")).contains("***", "--set");
        assertThat(line(o.out(), "dealsync.db.url ")).contains("password=***");
        assertThat(line(o.out(), "dealsync.sweep.cron ")).contains("0 0 2 * * ?", "default (application.properties)");
    }

    @Test
    void anUnknownSettingOrFilterValueIsAnErrorNamingIt() throws Exception {
        Harness h = new Harness(tmp);
        Harness.Output typo = h.runCaptured("run", "--once", "--set", "dealsync.bach-size=10");
        assertThat(typo.code()).isEqualTo(4);
        assertThat(typo.err()).contains("Unknown setting: dealsync.bach-size (--set)");
        Path file = tmp.resolve("operator.properties");
        Files.writeString(file, "dealsync.db.urll=jdbc:hsqldb:mem:x\n");
        Harness.Output inFile = h.runCaptured("--config", file.toString(), "expire");
        assertThat(inFile.code()).isEqualTo(4);
        assertThat(inFile.err()).contains("dealsync.db.urll (file " + file + ")");

        Harness.Output status = h.runCaptured("deals", "export", "--status", "Bogus");
        assertThat(status.code()).isEqualTo(64);
        assertThat(status.err()).contains("--status 'Bogus' is not a status or substatus", "Active", "Won");
        assertThat(h.runCaptured("deals", "export", "--format", "xml").code()).isEqualTo(64);
        assertThat(h.runCaptured("deals", "export", "--status", "won").code()).isZero(); // any case
    }

    @Test
    void aFutureAsOfIsRefusedUnlessAllowed() throws Exception {
        Harness h = new Harness(tmp);
        h.settings.put("dealsync.as-of.allow-future", "false");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        h.write(tomorrow + "-a.csv", new Rows().add(Rows.outgoing("CRM-F1")).csv());
        for (String[] cmd : new String[][] {{"run", "--once", "--as-of", tomorrow}, {"expire", "--as-of", tomorrow},
                {"validate", "--as-of", tomorrow, h.inbox().resolve(tomorrow + "-a.csv").toString()}}) {
            Harness.Output o = h.runCaptured(cmd);
            assertThat(o.code()).as(String.join(" ", cmd)).isEqualTo(64);
            assertThat(o.err()).contains("the as-of date " + tomorrow + " (--as-of) is after today", "--allow-future-as-of");
        }
        assertThat(h.inboxListing()).containsExactly(tomorrow + "-a.csv"); // nothing was touched
        assertThat(Files.exists(h.dir.resolve("data"))).isFalse();
        // from a setting too, named as such
        Harness.Output set = h.runCaptured("expire", "--set", "dealsync.as-of=" + tomorrow);
        assertThat(set.code()).isEqualTo(64);
        assertThat(set.err()).contains("dealsync.as-of (--set)");
        // allowed explicitly: by the option, or by the setting
        assertThat(h.run("expire", "--as-of", tomorrow, "--allow-future-as-of")).isZero();
        assertThat(h.run("expire", "--as-of", tomorrow, "--set", "dealsync.as-of.allow-future=true")).isZero();
        assertThat(h.run("expire", "--as-of", LocalDate.now(ZoneOffset.UTC).toString())).isZero(); // today is fine
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + out)) + " ";
    }
}
