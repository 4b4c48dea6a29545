package io.dealsync.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Deterministic benchmark data shaped like real exports (see {@link ExportRow}): the first night's canonical
 * CSV, the second night (the full export again: about 80 % unchanged, 4 % new notes, 2 % a stage moved,
 * 1 % a new value, 2 % new deals; the rest, the first night's invalid records among them, sent again as
 * they were), and the same deals as Partner Center referral JSON.
 */
public final class DataGenerator {
    private DataGenerator() {
    }

    /** The first night: deals 1..n. */
    public static void day1Csv(Path out, int n, long seed) throws IOException {
        day1Csv(out, n, seed, 0);
    }

    /** The first night with deals firstId+1 .. firstId+n (several files of distinct deals). */
    public static void day1Csv(Path out, int n, long seed, int firstId) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(1024);
            ExportRow.appendCsv(sb, ExportRow.HEADER);
            for (long i = firstId + 1L; i <= firstId + (long) n; i++) {
                ExportRow.appendCsv(sb, ExportRow.day1(seed, i));
                if (sb.length() > 64 * 1024) {
                    w.append(sb);
                    sb.setLength(0);
                }
            }
            w.append(sb);
        }
    }

    /** The second night over the first night's n deals: the full export again, plus 2 % new deals at its end. */
    public static void day2Csv(Path out, int n, long seed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(1024);
            ExportRow.appendCsv(sb, ExportRow.HEADER);
            for (long i = 1; i <= n + n / 50; i++) {
                String[] c = ExportRow.day1(seed, i);
                if (i <= n) {
                    nextNight(c, ExportRow.rnd(seed + 1, i));
                }
                ExportRow.appendCsv(sb, c);
                if (sb.length() > 64 * 1024) {
                    w.append(sb);
                    sb.setLength(0);
                }
            }
            w.append(sb);
        }
    }

    /** What a night changes on an open deal; closed deals come back as they were. */
    static void nextNight(String[] c, SplittableRandom r) {
        int k = r.nextInt(100);
        boolean open = !"Closed".equals(c[ExportRow.STATUS]);
        if (!open || k >= 7) {
            return;
        }
        if (k < 4) {
            c[ExportRow.NOTES] = c[ExportRow.NOTES].isEmpty() ? "" : "Update " + (1 + r.nextInt(9)) + ": customer confirmed"
                    + " the scope, next meeting booked. " + c[ExportRow.NOTES].substring(0, Math.min(120, c[ExportRow.NOTES].length()));
        } else if (k < 6) {
            moveStage(c);
        } else {
            c[ExportRow.VALUE] = c[ExportRow.VALUE].startsWith("-") || c[ExportRow.VALUE].contains(",")
                    ? c[ExportRow.VALUE] : Integer.toString(1000 + r.nextInt(200_000));
        }
    }

    /** The next stage: a Received deal is accepted, an Accepted one marks its next stage (or is won after the fourth). */
    private static void moveStage(String[] c) {
        if ("New".equals(c[ExportRow.STATUS])) {
            c[ExportRow.STATUS] = "Active";
            c[ExportRow.SUBSTATUS] = "Accepted";
            return;
        }
        int marks = 0;
        while (marks < 4 && !c[ExportRow.MARK1 + marks].isEmpty()) {
            marks++;
        }
        if (marks == 4) {
            c[ExportRow.STATUS] = "Closed";
            c[ExportRow.SUBSTATUS] = "Won";
            c[ExportRow.STAGE] = "100";
            return;
        }
        c[ExportRow.MARK1 + marks] = "2026-11-2" + marks;
        c[ExportRow.STAGE] = Integer.toString(new int[] {20, 40, 60, 80}[marks]);
    }

    /** The same deals as Partner Center referral resources, one JSON array (the API's shape plus its extensions). */
    public static void partnerCenterJson(Path out, int n, long seed) throws IOException {
        JsonFactory f = new JsonFactory();
        try (JsonGenerator g = f.createGenerator(out.toFile(), JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (long i = 1; i <= n; i++) {
                writeReferral(g, ExportRow.day1(seed + 2, i), i);
            }
            g.writeEndArray();
        }
    }

    private static void writeReferral(JsonGenerator g, String[] c, long i) throws IOException {
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringField("id", c[ExportRow.REFERRAL].isEmpty() ? "" : c[ExportRow.REFERRAL]);
        optional(g, "engagementId", c[ExportRow.ENGAGEMENT]);
        g.writeStringField("externalReferenceId", c[ExportRow.CRM]);
        g.writeStringField("partnerId", c[ExportRow.PARTNER]);
        g.writeStringField("name", c[ExportRow.NAME]);
        g.writeStringField("dealType", c[ExportRow.TYPE]);
        g.writeStringField("direction", c[ExportRow.DIRECTION]);
        g.writeStringField("location", c[ExportRow.LOCATION]);
        g.writeStringField("assessmentLocation", c[ExportRow.ASSESSMENT_LOCATION]);
        g.writeStringField("status", c[ExportRow.STATUS]);
        g.writeStringField("substatus", c[ExportRow.SUBSTATUS]);
        optional(g, "statusReason", c[ExportRow.STATUS_REASON]);
        optional(g, "declineReasonCode", c[ExportRow.REASON]);
        g.writeStringField("salesStage", c[ExportRow.STAGE]);
        g.writeObjectFieldStart("stageMarks");
        String[] marks = {"secureLoe", "collectData", "prepareReport", "present"};
        for (int m = 0; m < 4; m++) {
            optional(g, marks[m], c[ExportRow.MARK1 + m]);
        }
        g.writeEndObject();
        g.writeStringField("createdDateTime", c[ExportRow.CREATED] + "T09:30:00Z");
        if (!c[ExportRow.RECEIVED].isEmpty()) {
            g.writeStringField("receivedDateTime", c[ExportRow.RECEIVED] + "T08:00:00Z");
        }
        writeCustomer(g, c);
        g.writeObjectFieldStart("consent");
        g.writeBooleanField("consentToToShareInfoWithOthers", "Yes".equals(c[ExportRow.CONSENT]));
        g.writeEndObject();
        writeDetails(g, c);
        g.writeArrayFieldStart("team");
        for (int t = 0; t < 3; t++) {
            String cell = c[ExportRow.TEAM1 + t];
            if (!cell.isEmpty()) {
                String[] p = cell.split(", ");
                person(g, p[0], p[1], p[2], p[3]);
            }
        }
        g.writeEndArray();
        if (!c[ExportRow.INVITED_BY].isEmpty()) {
            g.writeObjectFieldStart("inviteContext");
            g.writeObjectFieldStart("invitedBy");
            g.writeStringField("organizationId", c[ExportRow.INVITED_BY]);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The referral's customerProfile: name, address, D-U-N-S id, the customer contact. */
    private static void writeCustomer(JsonGenerator g, String[] c) throws IOException {
        g.writeObjectFieldStart("customerProfile");
        g.writeStringField("name", c[ExportRow.CUSTOMER]);
        g.writeObjectFieldStart("address");
        g.writeStringField("addressLine1", c[ExportRow.ADDR1]);
        optional(g, "addressLine2", c[ExportRow.ADDR2]);
        g.writeStringField("city", c[ExportRow.CITY]);
        g.writeStringField("state", c[ExportRow.STATE]);
        g.writeStringField("postalCode", c[ExportRow.POSTAL]);
        g.writeStringField("country", c[ExportRow.COUNTRY]);
        g.writeEndObject();
        g.writeArrayFieldStart("ids");
        if (!c[ExportRow.DUNS].isEmpty()) {
            g.writeStartObject();
            g.writeStringField("profileType", "Duns");
            g.writeStringField("id", c[ExportRow.DUNS]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("team");
        person(g, c[ExportRow.C_FIRST], c[ExportRow.C_LAST], c[ExportRow.C_PHONE], c[ExportRow.C_EMAIL]);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The referral's details: notes, value, currency, close date, campaign, the solution. */
    private static void writeDetails(JsonGenerator g, String[] c) throws IOException {
        g.writeObjectFieldStart("details");
        g.writeStringField("notes", c[ExportRow.NOTES]);
        if (c[ExportRow.VALUE].matches("-?[0-9]+(\\.[0-9]+)?")) {
            g.writeNumberField("dealValue", Double.parseDouble(c[ExportRow.VALUE]));
        } else {
            g.writeStringField("dealValue", c[ExportRow.VALUE]);
        }
        g.writeStringField("currency", c[ExportRow.CURRENCY]);
        g.writeStringField("closingDateTime", isoDate(c[ExportRow.CLOSE]) + "T00:00:00Z");
        optional(g, "campaignId", c[ExportRow.CAMPAIGN]);
        g.writeObjectFieldStart("requirements");
        g.writeArrayFieldStart("solutions");
        g.writeStartObject();
        g.writeStringField("id", c[ExportRow.SOLUTION]);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void person(JsonGenerator g, String first, String last, String phone, String email) throws IOException {
        g.writeStartObject();
        g.writeStringField("firstName", first);
        g.writeStringField("lastName", last);
        g.writeStringField("phoneNumber", phone);
        g.writeStringField("email", email);
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (!value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }

    /** M/D/YYYY as yyyy-mm-dd (the API carries ISO timestamps). */
    private static String isoDate(String d) {
        if (!d.contains("/")) {
            return d;
        }
        String[] p = d.split("/");
        return String.format("%s-%02d-%02d", p[2], Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    }
}
