package io.dealsync.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scalar columns of a deal, by their canonical (Partner Center bulk-upload template) names, in the
 * order the export writes them. Solutions and team members are lists and live beside these.
 */
public enum Field {
    REFERRAL_ID("Referral ID"),
    ENGAGEMENT_ID("Engagement ID"),
    CRM_ID("CRM ID"),
    PARTNER_ID("PartnerID (formerly MPN ID)", "PartnerID"),
    DEAL_NAME("Deal Name"),
    DEAL_TYPE("Deal Type"),
    DIRECTION("Deal Direction"),
    LOCATION("Location"),
    CUSTOMER_NAME("Customer Name"),
    CUSTOMER_ADDRESS_1("Customer Address Line 1"),
    CUSTOMER_ADDRESS_2("Customer Address Line 2"),
    CUSTOMER_CITY("Customer City"),
    CUSTOMER_STATE("Customer State"),
    CUSTOMER_POSTAL_CODE("Customer Postal code"),
    CUSTOMER_COUNTRY("Customer Country"),
    CUSTOMER_DUNS("Customer D-U-N-S ID"),
    CONTACT_FIRST_NAME("Customer Contact First Name"),
    CONTACT_LAST_NAME("Customer Contact Last Name"),
    CONTACT_PHONE("Customer Contact Phone number"),
    CONTACT_EMAIL("Customer Contact Email Address"),
    STATUS("Partner Referral Status"),
    SUBSTATUS("Partner Referral Substatus"),
    REASON_CODE("Declined/Lost/Error reason"),
    STATUS_REASON("Status Reason"),
    SALES_STAGE("Sales Stage"),
    STAGE_SECURE_LOE("Stage Secure LOE Date"),
    STAGE_COLLECT_DATA("Stage Collect Data Date"),
    STAGE_PREPARE_REPORT("Stage Prepare Report Date"),
    STAGE_PRESENT("Stage Present Date"),
    ESTIMATED_VALUE("Estimated Deal Value"),
    CURRENCY("Currency"),
    ESTIMATED_CLOSE_DATE("Estimated Close Date"),
    MARKETING_CAMPAIGN_ID("Marketing Campaign ID"),
    NOTES("Notes"),
    CONSENT("Consent to share Customer/Partner contact"),
    ASSESSMENT_LOCATION("Assessment Location"),
    RECEIVED_DATE("Received Date"),
    CREATED_DATE("Created Date"),
    INVITED_BY("Invited By");

    /** Header prefixes of the list columns: "Solution 1", "Team member 3". */
    public static final String SOLUTION_PREFIX = "Solution ";
    public static final String TEAM_PREFIX = "Team member ";

    /** The four stages a partner marks, in order, with their Partner Center percentages. */
    public static final List<Field> STAGE_MARKS =
            List.of(STAGE_SECURE_LOE, STAGE_COLLECT_DATA, STAGE_PREPARE_REPORT, STAGE_PRESENT);
    public static final int[] STAGE_MARK_PERCENT = {20, 40, 60, 80};

    /** Fields holding dates; stored and exported as yyyy-mm-dd. */
    public static final List<Field> DATES = List.of(STAGE_SECURE_LOE, STAGE_COLLECT_DATA, STAGE_PREPARE_REPORT,
            STAGE_PRESENT, ESTIMATED_CLOSE_DATE, RECEIVED_DATE, CREATED_DATE);

    private static final Map<String, Field> BY_HEADER = new HashMap<>();
    static {
        for (Field f : values()) {
            for (String name : f.names) {
                BY_HEADER.put(key(name), f);
            }
        }
    }

    private final String header;
    private final String[] names;

    Field(String header, String... aliases) {
        this.header = header;
        this.names = new String[aliases.length + 1];
        this.names[0] = header;
        System.arraycopy(aliases, 0, this.names, 1, aliases.length);
    }

    /** The canonical column name, as written in exports and reject files. */
    public String header() {
        return header;
    }

    /** Exact spellings seen so far: rules ask for "Notes" millions of times, normalising it each time showed in profiles. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Field> BY_EXACT = new java.util.concurrent.ConcurrentHashMap<>();

    /** The field a header names (case-insensitive, surrounding spaces ignored), or null. */
    public static Field byHeader(String header) {
        if (header == null) {
            return null;
        }
        Field f = BY_EXACT.get(header);
        if (f == null) {
            f = BY_HEADER.get(key(header));
            if (f != null && BY_EXACT.size() < 10_000) {
                BY_EXACT.put(header, f);
            }
        }
        return f;
    }

    /** Normalised form of a header for case- and space-insensitive matching. */
    public static String key(String header) {
        return header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Every name a column answers to (template names and aliases), in template order. */
    public static List<String> allNames() {
        List<String> out = new java.util.ArrayList<>();
        for (Field f : values()) {
            out.addAll(List.of(f.names));
        }
        return out;
    }

    /**
     * A name a rule may report a finding on: "" (the record as a whole), a column, or a list column such as
     * "Solution 1" or "Team member 2".
     */
    public static boolean isReportable(String column) {
        return column.isEmpty() || byHeader(column) != null || listIndex(column, SOLUTION_PREFIX) > 0
                || listIndex(column, TEAM_PREFIX) > 0;
    }

    /** The column name closest to a misspelt one (for "did you mean"), or null when none is close. */
    public static String closest(String misspelt) {
        List<String> names = new java.util.ArrayList<>(allNames());
        names.add(SOLUTION_PREFIX + "1");
        names.add(TEAM_PREFIX + "1");
        return Suggest.closest(misspelt, names);
    }

    /** The 1-based number of a list column ("Solution 2" gives 2), or 0 when the header is not one. */
    public static int listIndex(String header, String prefix) {
        String k = key(header);
        String p = key(prefix) + " ";
        if (!k.startsWith(p)) {
            return 0;
        }
        try {
            int n = Integer.parseInt(k.substring(p.length()).strip());
            return n > 0 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
