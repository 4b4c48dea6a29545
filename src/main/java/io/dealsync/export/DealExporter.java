package io.dealsync.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.ListColumn;
import io.dealsync.model.ReferralShape;
import io.dealsync.model.ReferralShape.Group;
import io.dealsync.model.ReferralShape.Leaf;
import io.dealsync.model.ReferralShape.ListSlot;
import io.dealsync.model.ReferralShape.Node;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import io.dealsync.review.CsvRecordFileWriter;
import io.dealsync.store.DealReads;
import io.dealsync.store.DealStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes stored deals in the canonical formats, streaming page by page: CSV with the bulk-upload template's
 * columns (Sales Stage as a percentage, dates yyyy-mm-dd, Yes/No), or JSON in the Partner Center referral
 * shape. Importing an export into an empty database, or into the one it came from, gives the same deals.
 *
 * <p>The stored values go out as they are: a machine export is read by machines. Only an export
 * {@code forSpreadsheet} (a person opens it in Excel) starts with a UTF-8 BOM and guards cells Excel would
 * run as a formula with a leading {@code '} (which the engine drops again on import).
 */
public final class DealExporter {
    private final DealStore store;
    private final boolean forSpreadsheet;

    /** A machine export: the stored values, no guard. */
    public DealExporter(DealStore store) {
        this(store, false);
    }

    public DealExporter(DealStore store, boolean forSpreadsheet) {
        this.store = store;
        this.forSpreadsheet = forSpreadsheet;
    }

    /** Who is looking: admins see every deal; a location-scoped user only deals of that location with them on the team. */
    public record Viewer(String email, String location) implements Predicate<Deal> {
        public static final Viewer ADMIN = new Viewer(null, null);

        @Override
        public boolean test(Deal d) {
            if (email == null) {
                return true;
            }
            if (location != null && !location.equalsIgnoreCase(d.get(Field.LOCATION))) {
                return false;
            }
            return d.getTeam().stream().anyMatch(m -> m.getEmail().equalsIgnoreCase(email));
        }
    }

    /** The export's columns: every canonical column, then Solution 1, then Team member 1..teamColumns. */
    public static List<String> header(int teamColumns) {
        List<String> h = new ArrayList<>();
        for (Field f : Field.values()) {
            h.add(f.header());
        }
        h.add(ListColumn.SOLUTION.firstHeader());
        for (int i = 1; i <= teamColumns; i++) {
            h.add(Field.TEAM_PREFIX + i);
        }
        return h;
    }

    public long csv(DealReads.DealFilter filter, Viewer viewer, OutputStream out) {
        int teamColumns = (int) Math.max(1, store.database().count("SELECT COALESCE(MAX(team_size), 0) FROM deal"));
        AtomicLong n = new AtomicLong();
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (forSpreadsheet) {
                w.write('\uFEFF'); // Excel on Windows reads UTF-8 only with it
            }
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
            printer.printRecord(header(teamColumns));
            store.reads().forEachDeal(filter, d -> {
                if (!viewer.test(d)) {
                    return;
                }
                List<String> row = new ArrayList<>();
                for (Field f : Field.values()) {
                    row.add(cell(exported(d, f)));
                }
                row.add(d.getSolutions().isEmpty() ? "" : cell(d.getSolutions().get(0).toCell()));
                for (int i = 0; i < teamColumns; i++) {
                    row.add(i < d.getTeam().size() ? cell(d.getTeam().get(i).toCell()) : "");
                }
                try {
                    printer.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                n.incrementAndGet();
            });
            printer.flush();
            return n.get();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the export failed", e);
        }
    }

    public long json(DealReads.DealFilter filter, Viewer viewer, OutputStream out) {
        AtomicLong n = new AtomicLong();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            store.reads().forEachDeal(filter, d -> {
                if (!viewer.test(d)) {
                    return;
                }
                try {
                    g.writeRaw('\n');
                    writeReferral(g, d);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                n.incrementAndGet();
            });
            g.writeRaw('\n');
            g.writeEndArray();
            g.writeRaw('\n');
            return n.get();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the export failed", e);
        }
    }

    /** One deal as a Partner Center referral resource, with dealsync's extensions. */
    static void writeReferral(JsonGenerator g, Deal d) throws IOException {
        g.writeStartObject();
        write(g, d, ReferralShape.REFERRAL);
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, Deal d, Group group) throws IOException {
        for (Node n : group.children()) {
            if (n instanceof Leaf leaf) {
                leaf(g, d, leaf);
            } else if (n instanceof ListSlot list) {
                g.writeArrayFieldStart(list.key());
                if (list.list() == ListColumn.SOLUTION) {
                    for (Solution s : d.getSolutions()) {
                        solution(g, s);
                    }
                } else {
                    for (TeamMember m : d.getTeam()) {
                        person(g, List.of(m.getFirstName(), m.getLastName(), m.getPhone(), m.getEmail()));
                    }
                }
                g.writeEndArray();
            } else {
                group(g, d, (Group) n);
            }
        }
    }

    /**
     * A group of columns: the customer contact as a one-person team, every part written; a wrapper around one
     * column (consent, inviteContext) only when the column has a value; any other group always.
     */
    private static void group(JsonGenerator g, Deal d, Group group) throws IOException {
        if (group.firstOfArray()) {
            List<String> parts = new ArrayList<>(group.children().size());
            for (Node n : group.children()) {
                parts.add(d.get(((Leaf) n).field()));
            }
            g.writeArrayFieldStart(group.key());
            person(g, parts);
            g.writeEndArray();
        } else if (group.only() == null || !d.get(group.only()).isEmpty()) {
            g.writeObjectFieldStart(group.key());
            write(g, d, group);
            g.writeEndObject();
        }
    }

    private static void leaf(JsonGenerator g, Deal d, Leaf leaf) throws IOException {
        String v = d.get(leaf.field());
        switch (leaf.field()) {
            case SALES_STAGE -> g.writeNumberField(leaf.key(), d.getDerivedStage());
            case CONSENT -> g.writeBooleanField(leaf.key(), "Yes".equals(v));
            case CUSTOMER_DUNS -> {
                if (!v.isEmpty()) {
                    g.writeArrayFieldStart(leaf.key());
                    g.writeStartObject();
                    g.writeStringField("profileType", "Duns");
                    g.writeStringField("id", v);
                    g.writeEndObject();
                    g.writeEndArray();
                }
            }
            default -> str(g, leaf.key(), exported(d, leaf.field()));
        }
    }

    private static void solution(JsonGenerator g, Solution s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.getId());
        str(g, "currency", s.getCurrency());
        str(g, "price", s.getPrice());
        str(g, "quantity", s.getQuantity());
        g.writeEndObject();
    }

    /** A column's value as exported: the stored one, but the Sales Stage that of the marks, and {@link #receivedDate}. */
    private static String exported(Deal d, Field f) {
        return switch (f) {
            case SALES_STAGE -> Integer.toString(d.getDerivedStage());
            case RECEIVED_DATE -> receivedDate(d);
            default -> d.get(f);
        };
    }

    /** A CSV cell: the stored value, guarded only in an export for a spreadsheet. */
    private String cell(String value) {
        return forSpreadsheet ? CsvRecordFileWriter.neutralise(value) : value == null ? "" : value;
    }

    /**
     * The Received Date to export: the stored one, with one exception. An Incoming deal still awaiting an
     * answer (New) whose record carried neither Received Date nor Created Date was received, for the engine,
     * on the day it was first stored, and its answer window counts from then: that day is written out, so that
     * importing the export elsewhere on a later day does not restart the window (and importing it where it
     * is stored is no change, see {@link Deal#differences}). Any other deal's date is not derived: a closed
     * deal given a date it never had would be refused on re-import as modified.
     */
    static String receivedDate(Deal d) {
        String v = d.get(Field.RECEIVED_DATE);
        if (v.isEmpty() && d.isIncoming() && d.isReceived() && d.get(Field.CREATED_DATE).isEmpty()
                && d.getStoredOn() != null) {
            return d.getStoredOn().toString();
        }
        return v;
    }

    /** A person's parts (first, last, phone, email) under {@link ReferralShape#PERSON_KEYS}, empty ones too. */
    private static void person(JsonGenerator g, List<String> parts) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < parts.size(); i++) {
            g.writeStringField(ReferralShape.PERSON_KEYS.get(i), parts.get(i));
        }
        g.writeEndObject();
    }

    private static void str(JsonGenerator g, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }

    public static String normalizeFormat(String f) {
        return f == null ? "csv" : f.toLowerCase(Locale.ROOT);
    }
}
