package io.dealsync.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Deterministic benchmark data: canonical CSV deals (about 10% invalid, spread over the rules), a second
 * day that updates them (edits, stage moves, some refused changes), and Partner Center JSON.
 */
public final class DataGenerator {
    static final String HEADER = "Referral ID,CRM ID,PartnerID,Deal Name,Deal Type,Deal Direction,Location,Customer Name,"
            + "Customer Address Line 1,Customer City,Customer Postal code,Customer Country,Customer D-U-N-S ID,"
            + "Customer Contact First Name,Customer Contact Last Name,Customer Contact Phone number,"
            + "Customer Contact Email Address,Partner Referral Status,Partner Referral Substatus,Declined/Lost/Error reason,"
            + "Sales Stage,Stage Secure LOE Date,Stage Collect Data Date,Stage Prepare Report Date,Stage Present Date,"
            + "Estimated Deal Value,Currency,Estimated Close Date,Notes,Consent to share Customer/Partner contact,"
            + "Solution 1,Assessment Location,Team member 1,Team member 2,Received Date,Created Date,Invited By";

    private static final String[] SOLUTIONS = {"SOL-SA-INFRA", "SOL-SA-DATA", "SOL-SA-APPMOD", "SOL-SA-SECURITY",
            "SOL-SA-MODERNWORK", "SOL-SA-BIZAPPS", "SOL-SA-AI"};
    private static final String[] MARK_DATES = {"2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"};

    private DataGenerator() {
    }

    /** Day 1: {@code n} deals, CRM-00000001 …; about 10% invalid. Incoming deals every 20th, received long ago every 40th. */
    public static void day1Csv(Path out, int n, long seed) throws IOException {
        day1Csv(out, n, seed, 0);
    }

    /** Day 1 with CRM ids starting after {@code firstId} (several files of distinct deals). */
    public static void day1Csv(Path out, int n, long seed, int firstId) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write("\r\n");
            StringBuilder sb = new StringBuilder(600);
            for (int i = 1; i <= n; i++) {
                sb.setLength(0);
                int marks = rnd.nextInt(4);
                boolean incoming = i % 20 == 0;
                String status = incoming ? "New" : "Active";
                String sub = incoming ? "Received" : "Accepted";
                int stage = incoming ? 10 : new int[] {10, 20, 40, 60}[marks];
                if (incoming) {
                    marks = 0;
                }
                String notes = "Assessment notes for deal " + i;
                String value = Integer.toString(1000 + rnd.nextInt(90000));
                String consent = "Yes";
                String team = "Sam, Seller, +1 425 555 0101, sam" + (i % 97) + "@partner.example";
                String solution = SOLUTIONS[i % SOLUTIONS.length];
                String country = "US";
                String crm = String.format("CRM-%08d", firstId + i);
                String received = incoming ? (i % 40 == 0 ? "2026-01-05" : "2026-11-20") : "";
                int bad = rnd.nextInt(100);
                if (bad < 10) { // about 10% invalid, spread over the rules
                    switch (bad) {
                        case 0 -> notes = "";
                        case 1 -> value = "-5";
                        case 2 -> consent = "No";
                        case 3 -> team = "";
                        case 4 -> solution = "SOL-1234-PQRS";
                        case 5 -> country = "USA";
                        case 6 -> stage = 80;
                        case 7 -> { status = "Closed"; sub = "Won"; }
                        case 8 -> crm = "";
                        default -> { status = "Closed"; sub = "Lost"; }
                    }
                }
                sb.append(',').append(crm).append(",4000000,Assessment ").append(i)
                        .append(",Solution Assessment,").append(incoming ? "Incoming" : "Outgoing")
                        .append(",US,Customer ").append(i).append(",1 Example Way,Redmond,98052,").append(country)
                        .append(",123456789,Alex,Doe,+1 425 555 0100,alex").append(i % 101).append("@customer.example,")
                        .append(status).append(',').append(sub).append(",,").append(stage);
                for (int m = 0; m < 4; m++) {
                    sb.append(',').append(m < marks ? MARK_DATES[m] : "");
                }
                sb.append(',').append(value).append(",USD,2030-06-30,").append(notes).append(',').append(consent)
                        .append(',').append(solution).append(",US,\"").append(team).append("\",,")
                        .append(received).append(",2026-01-10,").append(incoming ? "msft" : "").append("\r\n");
                w.append(sb);
            }
        }
    }

    /**
     * Day 2 over day 1's deals: most move one stage on and edit notes; some try refused changes (location,
     * unmarking a stage); some are unchanged.
     */
    public static void day2Csv(Path out, int n, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write("\r\n");
            StringBuilder sb = new StringBuilder(600);
            SplittableRandom day1 = new SplittableRandom(seed);
            for (int i = 1; i <= n; i++) {
                // replay day 1's draws for this deal so day 2 knows its marks
                int marks = day1.nextInt(4);
                day1.nextInt(90000);
                day1.nextInt(100);
                boolean incoming = i % 20 == 0;
                if (incoming) {
                    marks = 0;
                }
                int kind = rnd.nextInt(100);
                int newMarks = Math.min(4, marks + (kind < 70 ? 1 : 0));
                String location = kind >= 95 ? "FR" : "US";
                if (kind >= 90 && kind < 95 && newMarks > 0) {
                    newMarks = 0; // unmark: STAGE_REGRESSION when day 1 had marks
                }
                String status = incoming ? "New" : "Active";
                String sub = incoming ? "Received" : "Accepted";
                if (incoming && kind < 50) {
                    status = "Active";
                    sub = "Accepted";
                }
                int stage = new int[] {10, 20, 40, 60, 80}[newMarks];
                sb.setLength(0);
                sb.append(',').append(String.format("CRM-%08d", i)).append(",4000000,Assessment ").append(i)
                        .append(",Solution Assessment,").append(incoming ? "Incoming" : "Outgoing").append(',')
                        .append(location).append(",Customer ").append(i).append(",1 Example Way,Redmond,98052,US,123456789,")
                        .append("Alex,Doe,+1 425 555 0100,alex").append(i % 101).append("@customer.example,")
                        .append(status).append(',').append(sub).append(",,").append(stage);
                for (int m = 0; m < 4; m++) {
                    sb.append(',').append(m < newMarks ? MARK_DATES[m] : "");
                }
                sb.append(',').append(kind < 80 ? "55000" : "1000").append(",USD,2030-06-30,")
                        .append(kind < 80 ? "Updated on day 2" : "Assessment notes for deal " + i).append(",Yes,")
                        .append(SOLUTIONS[i % SOLUTIONS.length]).append(",US,\"Sam, Seller, +1 425 555 0101, sam")
                        .append(i % 97).append("@partner.example\",,")
                        .append(incoming ? (i % 40 == 0 ? "2026-01-05" : "2026-11-20") : "").append(",2026-01-10,")
                        .append(incoming ? "msft" : "").append("\r\n");
                w.append(sb);
            }
        }
    }

    /** Partner Center referral resources as one JSON array; about 10% invalid. */
    public static void partnerCenterJson(Path out, int n, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 2);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("[\n");
            for (int i = 1; i <= n; i++) {
                int bad = rnd.nextInt(100);
                int marks = rnd.nextInt(4);
                String notes = bad == 0 ? "" : "Assessment notes " + i;
                String solution = bad == 1 ? "SOL-1234-PQRS" : SOLUTIONS[i % SOLUTIONS.length];
                String consent = bad == 2 ? "false" : "true";
                String value = bad == 3 ? "\"abc\"" : Integer.toString(1000 + rnd.nextInt(90000));
                StringBuilder sm = new StringBuilder();
                String[] keys = {"secureLoe", "collectData", "prepareReport", "present"};
                for (int m = 0; m < marks; m++) {
                    sm.append(m == 0 ? "" : ",").append('"').append(keys[m]).append("\":\"").append(MARK_DATES[m]).append('"');
                }
                w.write("{\"id\":\"REF-" + i + "\",\"externalReferenceId\":\"PC-" + i + "\",\"name\":\"Assessment " + i
                        + "\",\"status\":\"Active\",\"substatus\":\"Accepted\",\"direction\":\"Outgoing\",\"location\":\"US\","
                        + "\"assessmentLocation\":\"US\",\"dealType\":\"Solution Assessment\",\"salesStage\":\""
                        + new int[] {10, 20, 40, 60}[marks] + "\",\"stageMarks\":{" + sm + "},"
                        + "\"createdDateTime\":\"2026-01-10T09:00:00Z\","
                        + "\"customerProfile\":{\"name\":\"Customer " + i + "\",\"address\":{\"addressLine1\":\"1 Example Way\","
                        + "\"city\":\"Redmond\",\"postalCode\":\"98052\",\"country\":\"US\"},"
                        + "\"ids\":[{\"profileType\":\"Duns\",\"id\":\"123456789\"}],"
                        + "\"team\":[{\"firstName\":\"Alex\",\"lastName\":\"Doe\",\"phoneNumber\":\"+1 425 555 0100\","
                        + "\"email\":\"alex" + (i % 101) + "@customer.example\"}]},"
                        + "\"consent\":{\"consentToToShareInfoWithOthers\":" + consent + "},"
                        + "\"details\":{\"notes\":\"" + notes + "\",\"dealValue\":" + value + ",\"currency\":\"USD\","
                        + "\"closingDateTime\":\"2030-06-30T00:00:00Z\",\"requirements\":{\"solutions\":[{\"id\":\"" + solution + "\"}]}},"
                        + "\"team\":[{\"firstName\":\"Sam\",\"lastName\":\"Seller\",\"phoneNumber\":\"+1 425 555 0101\","
                        + "\"email\":\"sam" + (i % 97) + "@partner.example\"}]}");
                w.write(i < n ? ",\n" : "\n");
            }
            w.write("]\n");
        }
    }
}
