package io.dealsync.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dealsync.model.Deal;
import io.dealsync.model.Field;
import io.dealsync.model.Solution;
import io.dealsync.model.TeamMember;
import io.dealsync.reject.CsvRecordFileWriter;
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
        h.add(Field.SOLUTION_PREFIX + "1");
        for (int i = 1; i <= teamColumns; i++) {
            h.add(Field.TEAM_PREFIX + i);
        }
        return h;
    }

    public long csv(DealReads.DealFilter filter, Viewer viewer, OutputStream out) {
        int teamColumns = (int) Math.max(1, store.database().count("SELECT COALESCE(MAX(team_size), 0) FROM deal"));
        long[] n = {0};
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
                    row.add(cell(f == Field.SALES_STAGE
                            ? Integer.toString(d.getDerivedStage()) : f == Field.RECEIVED_DATE ? receivedDate(d) : d.get(f)));
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
                n[0]++;
            });
            printer.flush();
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the export failed", e);
        }
    }

    public long json(DealReads.DealFilter filter, Viewer viewer, OutputStream out) {
        long[] n = {0};
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
                n[0]++;
            });
            g.writeRaw('\n');
            g.writeEndArray();
            g.writeRaw('\n');
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the export failed", e);
        }
    }

    /** One deal as a Partner Center referral resource, with dealsync's extensions. */
    static void writeReferral(JsonGenerator g, Deal d) throws IOException {
        g.writeStartObject();
        str(g, "id", d.get(Field.REFERRAL_ID));
        str(g, "engagementId", d.get(Field.ENGAGEMENT_ID));
        str(g, "crmId", d.get(Field.CRM_ID));
        str(g, "partnerId", d.get(Field.PARTNER_ID));
        str(g, "name", d.get(Field.DEAL_NAME));
        str(g, "dealType", d.get(Field.DEAL_TYPE));
        str(g, "direction", d.get(Field.DIRECTION));
        str(g, "location", d.get(Field.LOCATION));
        str(g, "status", d.get(Field.STATUS));
        str(g, "substatus", d.get(Field.SUBSTATUS));
        str(g, "statusReason", d.get(Field.STATUS_REASON));
        str(g, "declineReasonCode", d.get(Field.REASON_CODE));
        g.writeNumberField("salesStage", d.getDerivedStage());
        str(g, "campaignId", d.get(Field.MARKETING_CAMPAIGN_ID));
        str(g, "assessmentLocation", d.get(Field.ASSESSMENT_LOCATION));
        str(g, "createdDateTime", d.get(Field.CREATED_DATE));
        str(g, "receivedDateTime", receivedDate(d));
        g.writeObjectFieldStart("customerProfile");
        str(g, "name", d.get(Field.CUSTOMER_NAME));
        g.writeObjectFieldStart("address");
        str(g, "addressLine1", d.get(Field.CUSTOMER_ADDRESS_1));
        str(g, "addressLine2", d.get(Field.CUSTOMER_ADDRESS_2));
        str(g, "city", d.get(Field.CUSTOMER_CITY));
        str(g, "state", d.get(Field.CUSTOMER_STATE));
        str(g, "postalCode", d.get(Field.CUSTOMER_POSTAL_CODE));
        str(g, "country", d.get(Field.CUSTOMER_COUNTRY));
        g.writeEndObject();
        if (!d.get(Field.CUSTOMER_DUNS).isEmpty()) {
            g.writeArrayFieldStart("ids");
            g.writeStartObject();
            g.writeStringField("profileType", "Duns");
            g.writeStringField("id", d.get(Field.CUSTOMER_DUNS));
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeArrayFieldStart("team");
        person(g, new TeamMember(d.get(Field.CONTACT_FIRST_NAME), d.get(Field.CONTACT_LAST_NAME),
                d.get(Field.CONTACT_PHONE), d.get(Field.CONTACT_EMAIL)));
        g.writeEndArray();
        g.writeEndObject();
        if (!d.get(Field.CONSENT).isEmpty()) {
            g.writeObjectFieldStart("consent");
            g.writeBooleanField("consentToToShareInfoWithOthers", "Yes".equals(d.get(Field.CONSENT)));
            g.writeEndObject();
        }
        g.writeObjectFieldStart("details");
        str(g, "notes", d.get(Field.NOTES));
        str(g, "dealValue", d.get(Field.ESTIMATED_VALUE));
        str(g, "currency", d.get(Field.CURRENCY));
        str(g, "closingDateTime", d.get(Field.ESTIMATED_CLOSE_DATE));
        g.writeObjectFieldStart("requirements");
        g.writeArrayFieldStart("solutions");
        for (Solution s : d.getSolutions()) {
            g.writeStartObject();
            g.writeStringField("id", s.getId());
            str(g, "currency", s.getCurrency());
            str(g, "price", s.getPrice());
            str(g, "quantity", s.getQuantity());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("team");
        for (TeamMember m : d.getTeam()) {
            person(g, m);
        }
        g.writeEndArray();
        if (!d.get(Field.INVITED_BY).isEmpty()) {
            g.writeObjectFieldStart("inviteContext");
            g.writeObjectFieldStart("invitedBy");
            g.writeStringField("organizationId", d.get(Field.INVITED_BY));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeObjectFieldStart("stageMarks");
        String[] keys = {"secureLoe", "collectData", "prepareReport", "present"};
        for (int i = 0; i < keys.length; i++) {
            str(g, keys[i], d.get(Field.STAGE_MARKS.get(i)));
        }
        g.writeEndObject();
        g.writeEndObject();
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

    private static void person(JsonGenerator g, TeamMember m) throws IOException {
        g.writeStartObject();
        g.writeStringField("firstName", m.getFirstName());
        g.writeStringField("lastName", m.getLastName());
        g.writeStringField("phoneNumber", m.getPhone());
        g.writeStringField("email", m.getEmail());
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
