package io.dealsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RoutePolicySupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own routes (intake, end of run, notifications) with beans that record what they are asked to do:
 * the order of a run --once's steps, in a second, without an engine. The end-to-end tests prove the steps.
 */
class EndOfRunRouteTest {
    @TempDir
    Path tmp;
    final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    CamelContext camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void afterTheLastFileTheRunListsSweepsDeliversReportsAndStops() throws Exception {
        // given: one file in the inbox, two notifications pending
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.writeString(inbox.resolve("a.csv"), "x");
        NotifyBuilder runEnded = start(inbox, new RecordingIntake(false), true);

        // when: the intake takes the file, then polls an empty inbox
        boolean ended = runEnded.matches(10, TimeUnit.SECONDS);

        // then (the polls that follow until Camel stops end nothing: firstEnd answers false)
        assertThat(ended).as("%s", steps).isTrue();
        assertThat(steps).startsWith("process a.csv", "firstEnd", "listIgnoredFiles", "databaseReachable", "sweep",
                "pending 2", "delivered 2", "pending 0", "delivered 0", "report", "stop");
        assertThat(inbox.resolve(".done/a.csv")).exists();
    }

    @Test
    void withTheDatabaseGoneTheFileStaysAndTheRunEndsWithItsReportOnly() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.writeString(inbox.resolve("a.csv"), "x");
        NotifyBuilder runEnded = start(inbox, new RecordingIntake(true), false);

        assertThat(runEnded.matches(10, TimeUnit.SECONDS)).as("%s", steps).isTrue();

        assertThat(steps).startsWith("process a.csv", "firstEnd", "listIgnoredFiles", "databaseReachable", "report",
                "stop");
        assertThat(inbox.resolve(".inprogress/a.csv")).exists(); // rolled back, not moved: the engine puts it back
        assertThat(inbox.resolve(".done/a.csv")).doesNotExist();
    }

    private NotifyBuilder start(Path inbox, Object intake, boolean databaseReachable) throws Exception {
        camel = new DefaultCamelContext();
        Properties p = new Properties();
        p.putAll(Map.of("dealsync.inbox", inbox.toString(), "dealsync.inbox.poll-ms", "50", "dealsync.daemon", "false",
                "dealsync.inbox.options", "readLock=changed&readLockMinAge=0&readLockMinLength=0&readLockCheckInterval=50"
                        + "&preMove=" + IntakeBean.IN_PROGRESS,
                "dealsync.outbox", tmp.resolve("outbox").toString(), "dealsync.outbox.period-ms", "60000"));
        camel.getPropertiesComponent().setInitialProperties(p);
        camel.getRegistry().bind("intake", intake);
        camel.getRegistry().bind("runEnd", new RecordingRunEnd(databaseReachable));
        camel.getRegistry().bind("outbox", new RecordingOutbox());
        camel.getRegistry().bind("outboxTurns", new RoutePolicySupport() { });
        for (String routes : List.of("intake", "end-of-run", "notifications")) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveResource(camel, "file:routes/" + routes + ".camel.yaml"));
        }
        NotifyBuilder runEnded = new NotifyBuilder(camel).wereSentTo("direct:end-of-run").whenDone(1).create();
        camel.start();
        return runEnded;
    }

    /** Takes a file (or finds the database gone) as IntakeBean would. */
    public final class RecordingIntake {
        private final boolean databaseDown;

        RecordingIntake(boolean databaseDown) {
            this.databaseDown = databaseDown;
        }

        public void process(Exchange exchange) {
            Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
            steps.add("process " + file.getFileName());
            if (databaseDown) {
                throw new IntakeBean.FileDeferredException("", file.getFileName().toString());
            }
            exchange.setProperty(IntakeBean.MOVE_TO, file.getParent().getParent().resolve(".done")
                    .resolve(file.getFileName()).toAbsolutePath().toString());
        }
    }

    /** RunEnd's steps, recorded. */
    public final class RecordingRunEnd {
        private final boolean databaseReachable;
        private boolean ended;

        RecordingRunEnd(boolean databaseReachable) {
            this.databaseReachable = databaseReachable;
        }

        public synchronized boolean firstEnd() {
            steps.add("firstEnd");
            boolean first = !ended;
            ended = true;
            return first;
        }

        public boolean hasRun() {
            steps.add("hasRun");
            return true;
        }

        public boolean databaseReachable() {
            steps.add("databaseReachable");
            return databaseReachable;
        }

        public void listIgnoredFiles() {
            steps.add("listIgnoredFiles");
        }

        public long sweep() {
            steps.add("sweep");
            return 0;
        }

        public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
            steps.add("failed " + e.getMessage());
        }

        public void report() {
            steps.add("report");
        }

        public void stop() {
            steps.add("stop");
        }
    }

    /** Two notifications pending, delivered in one batch. */
    public final class RecordingOutbox {
        private int pending = 2;

        public List<Map<String, Object>> pending() {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (int i = 1; i <= pending; i++) {
                docs.add(Map.of("event", "Declined", "dealId", i));
            }
            steps.add("pending " + docs.size());
            pending = 0;
            return docs;
        }

        public int delivered(List<Map<String, Object>> docs) {
            steps.add("delivered " + docs.size());
            return docs.size();
        }
    }
}
