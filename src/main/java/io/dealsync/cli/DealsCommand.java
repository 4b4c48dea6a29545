package io.dealsync.cli;

import io.dealsync.app.Engine;
import io.dealsync.export.DealExporter;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.store.Database;
import io.dealsync.store.DatabaseUnavailableException;
import io.dealsync.store.DealStore;
import io.dealsync.store.HistoryEntry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "deals", description = "Read the stored deals.",
        subcommands = {DealsCommand.Export.class, DealsCommand.Show.class})
final class DealsCommand {
    @ParentCommand
    DealsyncCommand parent;

    @Command(name = "export", description = "Write the stored deals in the canonical CSV or JSON format.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        DealsCommand deals;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default csv).")
        String format;

        @Option(names = "--out", description = "Write to this file (default: standard output).")
        Path out;

        @Option(names = "--for-spreadsheet", description = "CSV for a person to open in Excel: a UTF-8 BOM, and a"
                + " leading ' before cells Excel would run as a formula (=, +, -, @); the engine drops it on import."
                + " Off by default: a machine export has the stored values as they are.")
        boolean forSpreadsheet;

        @Option(names = "--status", description = "Only deals with this status or substatus (e.g. Active, Won).")
        String status;

        @Option(names = "--deal-type", description = "Only deals of this type (e.g. \"Solution Assessment\").")
        String dealType;

        @Option(names = "--location", description = "Only deals of this location.")
        String location;

        @Option(names = "--from", description = "Only deals changed on or after this date.")
        LocalDate from;

        @Option(names = "--to", description = "Only deals changed on or before this date.")
        LocalDate to;

        @Option(names = "--as-user", description = "Show what this Referrals user (email) may see: deals of their --user-location with them on the team. Without it: all deals (Referrals admin).")
        String asUser;

        @Option(names = "--user-location", description = "The location scope of --as-user.")
        String userLocation;

        @Override
        public Integer call() throws IOException {
            String f = DealExporter.normalizeFormat(format);
            if (!f.equals("csv") && !f.equals("json")) {
                throw new ParameterException(spec.commandLine(), "--format must be csv or json, not '" + format + "'");
            }
            String statusFilter = status == null ? null : knownStatus(status, spec);
            io.dealsync.config.EngineSettings settings = deals.parent.settings(Map.of());
            try (io.dealsync.app.DataFolderLock lock = io.dealsync.app.DataFolderLock.acquire(settings);
                    Database db = Engine.openDatabase(settings)) {
                DealExporter exporter = new DealExporter(new DealStore(db), forSpreadsheet);
                io.dealsync.store.DealReads.DealFilter filter = new io.dealsync.store.DealReads.DealFilter(statusFilter, dealType, location, from, to);
                DealExporter.Viewer viewer = asUser == null ? DealExporter.Viewer.ADMIN
                        : new DealExporter.Viewer(asUser, userLocation);
                long n;
                if (out == null) {
                    OutputStream o = new BufferedOutputStream(System.out);
                    n = f.equals("csv") ? exporter.csv(filter, viewer, o) : exporter.json(filter, viewer, o);
                    o.flush();
                } else {
                    // written beside, then moved: a reader never sees half an export
                    Path tmp = out.resolveSibling(out.getFileName() + ".part");
                    if (out.toAbsolutePath().getParent() != null) {
                        Files.createDirectories(out.toAbsolutePath().getParent());
                    }
                    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                        n = f.equals("csv") ? exporter.csv(filter, viewer, o) : exporter.json(filter, viewer, o);
                    }
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    System.err.println("Exported " + n + " deal(s) to " + out);
                }
                return 0;
            } catch (DatabaseUnavailableException e) {
                System.err.println("dealsync: " + e.getMessage());
                return DealsyncCommand.DATABASE_DOWN;
            }
        }
    }

    @Command(name = "show", description = "One deal (by Referral ID, CRM ID or engine id) with its history of changes.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        DealsCommand deals;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            io.dealsync.config.EngineSettings settings = deals.parent.settings(Map.of());
            try (io.dealsync.app.DataFolderLock lock = io.dealsync.app.DataFolderLock.acquire(settings);
                    Database db = Engine.openDatabase(settings)) {
                DealStore store = new DealStore(db);
                List<Deal> found = store.reads().findForShow(id);
                if (found.isEmpty()) {
                    System.err.println("No deal has the Referral ID, CRM ID or id '" + id + "'.");
                    return 1;
                }
                for (Deal d : found) {
                    print(d, store.reads().history(d.getId()), System.out);
                    io.dealsync.handoff.HandoffHistory.print(db, d.getId(), System.out); // issue 14
                }
                return 0;
            } catch (DatabaseUnavailableException e) {
                System.err.println("dealsync: " + e.getMessage());
                return DealsyncCommand.DATABASE_DOWN;
            }
        }
    }

    /** Statuses and substatuses of docs/domain.md ("Status"): the pairs of the Partner Center referral API. */
    static final List<String> STATUSES = List.of("New", "Active", "Closed", "Received", "Pending", "Accepted", "Won",
            "Lost", "Declined", "Expired", "Error");

    /**
     * A {@code --status} value as stored (any case accepted).
     *
     * @throws ParameterException (exit 64) naming the value and the ones allowed: an unknown one would
     *     export nothing and look like an empty database
     */
    static String knownStatus(String value, CommandSpec spec) {
        for (String s : STATUSES) {
            if (s.equalsIgnoreCase(value.strip())) {
                return s;
            }
        }
        throw new ParameterException(spec.commandLine(), "--status '" + value + "' is not a status or substatus; one of: "
                + String.join(", ", STATUSES));
    }

    private static final Set<Field> SHOWN = Set.of(Field.REFERRAL_ID, Field.CRM_ID, Field.PARTNER_ID, Field.DEAL_NAME,
            Field.DEAL_TYPE, Field.DIRECTION, Field.LOCATION, Field.CUSTOMER_NAME, Field.CUSTOMER_COUNTRY, Field.STATUS,
            Field.SUBSTATUS, Field.REASON_CODE, Field.SALES_STAGE, Field.ESTIMATED_VALUE, Field.CURRENCY,
            Field.ESTIMATED_CLOSE_DATE, Field.ASSESSMENT_LOCATION, Field.STAGE_SECURE_LOE, Field.STAGE_COLLECT_DATA,
            Field.STAGE_PREPARE_REPORT, Field.STAGE_PRESENT, Field.RECEIVED_DATE, Field.CREATED_DATE, Field.INVITED_BY);

    static void print(Deal d, List<HistoryEntry> history, PrintStream out) {
        out.println("Deal " + d.getId() + "  (stored " + d.getStoredOn() + ", version " + d.getVersion() + ")");
        for (Field f : Field.values()) {
            if (SHOWN.contains(f)) {
                String v = f == Field.SALES_STAGE ? d.getDerivedStage() + "%" : d.get(f);
                if (!v.isEmpty()) {
                    out.printf("  %-28s %s%n", f.header(), v);
                }
            }
        }
        out.printf("  %-28s %s%n", "Solution", d.getSolutionId());
        out.printf("  %-28s %d member(s)%n", "Team", d.getTeamSize());
        out.println();
        out.println("History");
        for (HistoryEntry h : history) {
            String where = h.fileName() == null ? "sweep" : h.fileName() + (h.line() == null ? "" : ":" + h.line());
            String move = h.oldStatus() == null || h.oldStatus().isEmpty() ? h.newStatus()
                    : h.oldStatus().equals(h.newStatus()) ? h.newStatus() : h.oldStatus() + " -> " + h.newStatus();
            out.printf("  #%d  %s  as of %s  %-15s %-40s %s%n", h.seq(), h.changedAt(), h.asOf(), h.action(), where, move);
            if (h.changes() != null && !h.changes().isEmpty()) {
                out.println("        " + h.changes());
            }
        }
        out.println();
    }
}
