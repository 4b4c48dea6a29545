package io.dealsync.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical CSV files for the scenario tests: a full valid row (the sample files' shape) that each test
 * changes column by column, written with RFC 4180 quoting. Line N of the file is row N-1 (header is line 1).
 */
final class Rows {
    static final List<String> HEADER = List.of("Referral ID", "Engagement ID", "CRM ID", "PartnerID", "Deal Name",
            "Deal Type", "Deal Direction", "Location", "Customer Name", "Customer Address Line 1",
            "Customer Address Line 2", "Customer City", "Customer State", "Customer Postal code", "Customer Country",
            "Customer D-U-N-S ID", "Customer Contact First Name", "Customer Contact Last Name",
            "Customer Contact Phone number", "Customer Contact Email Address", "Partner Referral Status",
            "Partner Referral Substatus", "Declined/Lost/Error reason", "Status Reason", "Sales Stage",
            "Stage Secure LOE Date", "Stage Collect Data Date", "Stage Prepare Report Date", "Stage Present Date",
            "Estimated Deal Value", "Currency", "Estimated Close Date", "Marketing Campaign ID", "Notes",
            "Consent to share Customer/Partner contact", "Solution 1", "Assessment Location", "Team member 1",
            "Team member 2", "Received Date", "Created Date", "Invited By");

    private final List<Map<String, String>> rows = new ArrayList<>();

    /** An Outgoing, Active/Accepted SA deal at stage 10 with every required column filled. */
    static Map<String, String> outgoing(String crmId) {
        Map<String, String> r = new LinkedHashMap<>();
        for (String h : HEADER) {
            r.put(h, "");
        }
        r.put("CRM ID", crmId);
        r.put("PartnerID", "4000000");
        r.put("Deal Name", "Assessment for " + crmId);
        r.put("Deal Type", "Solution Assessment");
        r.put("Deal Direction", "Outgoing");
        r.put("Location", "US");
        r.put("Customer Name", "Contoso Ltd (" + crmId + ")");
        r.put("Customer Address Line 1", "1 Example Way");
        r.put("Customer City", "Redmond");
        r.put("Customer Postal code", "98052");
        r.put("Customer Country", "US");
        r.put("Customer D-U-N-S ID", "123456789");
        r.put("Customer Contact First Name", "Alex");
        r.put("Customer Contact Last Name", "Doe");
        r.put("Customer Contact Phone number", "+1 425 555 0100");
        r.put("Customer Contact Email Address", "alex.doe@contoso.example");
        r.put("Partner Referral Status", "Active");
        r.put("Partner Referral Substatus", "Accepted");
        r.put("Sales Stage", "10");
        r.put("Estimated Deal Value", "25000");
        r.put("Currency", "USD");
        r.put("Estimated Close Date", "2030-06-30");
        r.put("Notes", "Customer wants a migration readiness review");
        r.put("Consent to share Customer/Partner contact", "Yes");
        r.put("Solution 1", "SOL-SA-INFRA");
        r.put("Assessment Location", "US");
        r.put("Team member 1", "Sam, Seller, +1 425 555 0101, sam.seller@partner.example");
        r.put("Created Date", "2026-01-10");
        return r;
    }

    /** An Incoming, New/Received SA deal received on the given day, sent by Microsoft. */
    static Map<String, String> incoming(String referralId, String crmId, String receivedOn) {
        Map<String, String> r = outgoing(crmId);
        r.put("Referral ID", referralId);
        r.put("Deal Direction", "Incoming");
        r.put("Partner Referral Status", "New");
        r.put("Partner Referral Substatus", "Received");
        r.put("Received Date", receivedOn);
        r.put("Created Date", "");
        r.put("Invited By", "msft");
        return r;
    }

    /** A copy of a row with some columns changed: with(row, "Notes", "x", "Sales Stage", "40"). */
    static Map<String, String> with(Map<String, String> row, String... columnValue) {
        Map<String, String> r = new LinkedHashMap<>(row);
        for (int i = 0; i < columnValue.length; i += 2) {
            if (!r.containsKey(columnValue[i])) {
                throw new IllegalArgumentException("no column " + columnValue[i]);
            }
            r.put(columnValue[i], columnValue[i + 1]);
        }
        return r;
    }

    Rows add(Map<String, String> row) {
        rows.add(row);
        return this;
    }

    /** The file's text: header, then one line per row (so row i is on line i + 2). */
    String csv() {
        StringBuilder sb = new StringBuilder();
        sb.append(line(HEADER));
        for (Map<String, String> r : rows) {
            sb.append(line(HEADER.stream().map(r::get).toList()));
        }
        return sb.toString();
    }

    private static String line(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", out) + "\r\n";
    }
}
