package io.dealsync.cli;

import io.dealsync.app.Engine;
import io.dealsync.config.EngineSettings;
import io.dealsync.handoff.Handoff;
import io.dealsync.handoff.HandoffSettings;
import io.dealsync.intake.RunContext;
import io.dealsync.report.ReportWriter;
import io.dealsync.report.RunLedger;
import io.dealsync.store.Database;
import io.dealsync.store.DatabaseUnavailableException;
import io.dealsync.store.DealStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "handoff", description = "Write Partner Center bulk-upload files of the deals created or changed"
        + " since their last hand-off (at most dealsync.handoff.max-rows rows a file); list those held back.")
final class HandoffCommand implements Callable<Integer> {
    @ParentCommand
    DealsyncCommand parent;

    @Option(names = "--out", description = "Folder for the upload files (default: dealsync.handoff.out, else outbox/handoff).")
    Path out;

    @Override
    public Integer call() throws Exception {
        EngineSettings settings = parent.settings(Map.of());
        HandoffSettings hs = HandoffSettings.from(settings, out);
        try (Database db = Engine.openDatabase(settings)) {
            RunContext run = new RunContext(settings.asOf(), "handoff");
            Handoff.Result r = new Handoff(new DealStore(db), hs).run(run.runId());
            RunLedger ledger = run.ledger();
            ledger.setHandoff(r.toReport());
            ledger.setFinishedAt(Instant.now());
            ReportWriter.write(ledger, settings.path("dealsync.reports"), Map.of(), settings.home());
            print(r);
            return 0;
        } catch (DatabaseUnavailableException e) {
            System.err.println("dealsync: " + e.getMessage());
            return DealsyncCommand.DATABASE_DOWN;
        }
    }

    private static void print(Handoff.Result r) {
        if (r.files().isEmpty()) {
            System.out.println("Hand-off " + r.runId() + ": nothing new to hand off.");
        } else {
            System.out.println("Hand-off " + r.runId() + ": " + r.rows() + " deal(s) in " + r.files().size()
                    + " file(s) in " + r.outDir() + ":");
            for (Handoff.FileSummary f : r.files()) {
                System.out.println("  " + f.name() + "  " + f.rows() + " row(s): " + f.newDeals() + " new, "
                        + f.updates() + " update(s)");
            }
        }
        if (!r.heldBack().isEmpty()) {
            System.out.println("Held back (Partner Center would refuse them): " + r.heldBack() + ", listed in "
                    + r.heldBackFile());
        }
        if (r.waitingForAnswer() > 0) {
            System.out.println(r.waitingForAnswer() + " new deal(s) changed while Partner Center's answer to their"
                    + " creation is still awaited: handed off once the processed file is in.");
        }
    }
}
