package io.dealsync.model;

import static io.dealsync.model.DbColumn.date;
import static io.dealsync.model.DbColumn.integer;
import static io.dealsync.model.DbColumn.text;
import static io.dealsync.model.JsonPath.json;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue of a deal's scalar columns: one line per column with everything the engine knows of it.
 * <ul>
 *   <li>the header: its Partner Center bulk-upload template name (docs/formats.md, "Canonical CSV"), and the
 *       other names it answers to;</li>
 *   <li>its {@link DbColumn} of the {@code deal} table, with the width a value must fit
 *       ({@link ColumnLimits} checks it, store/DealRows builds its SQL from it);</li>
 *   <li>its {@link JsonPath} in the Partner Center referral resource, which ingest/JsonDealMapper reads and
 *       export/DealExporter writes ({@link ReferralShape});</li>
 *   <li>its position in the CSV export: the order of declaration.</li>
 * </ul>
 * Solutions and team members are lists: {@link ListColumn}. A new column is one line here, a migration
 * adding its database column, and its place in docs/formats.md.
 */
public enum Field {
    // header, database column (width), JSON path (place in the document), other names
    REFERRAL_ID("Referral ID", text("referral_id", 100), json(1, "id")),
    ENGAGEMENT_ID("Engagement ID", text("engagement_id", 100), json(2, "engagementId")),
    CRM_ID("CRM ID", text("crm_id", 200), json(3, "crmId")),
    PARTNER_ID("PartnerID (formerly MPN ID)", text("partner_id", 100), json(4, "partnerId"), "PartnerID"),
    DEAL_NAME("Deal Name", text("deal_name", 500), json(5, "name")),
    DEAL_TYPE("Deal Type", text("deal_type", 50), json(6, "dealType")),
    DIRECTION("Deal Direction", text("direction", 20), json(7, "direction")),
    LOCATION("Location", text("location", 100), json(8, "location")),
    CUSTOMER_NAME("Customer Name", text("customer_name", 500), json(18, "customerProfile.name")),
    CUSTOMER_ADDRESS_1("Customer Address Line 1", text("customer_address_1", 500), json(19, "customerProfile.address.addressLine1")),
    CUSTOMER_ADDRESS_2("Customer Address Line 2", text("customer_address_2", 500), json(20, "customerProfile.address.addressLine2")),
    CUSTOMER_CITY("Customer City", text("customer_city", 200), json(21, "customerProfile.address.city")),
    CUSTOMER_STATE("Customer State", text("customer_state", 200), json(22, "customerProfile.address.state")),
    CUSTOMER_POSTAL_CODE("Customer Postal code", text("customer_postal_code", 50), json(23, "customerProfile.address.postalCode")),
    CUSTOMER_COUNTRY("Customer Country", text("customer_country", 10), json(24, "customerProfile.address.country")),
    CUSTOMER_DUNS("Customer D-U-N-S ID", text("customer_duns", 20), json(25, "customerProfile.ids")),
    CONTACT_FIRST_NAME("Customer Contact First Name", text("contact_first_name", 200), json(26, "customerProfile.team[0].firstName")),
    CONTACT_LAST_NAME("Customer Contact Last Name", text("contact_last_name", 200), json(27, "customerProfile.team[0].lastName")),
    CONTACT_PHONE("Customer Contact Phone number", text("contact_phone", 50), json(28, "customerProfile.team[0].phoneNumber")),
    CONTACT_EMAIL("Customer Contact Email Address", text("contact_email", 320), json(29, "customerProfile.team[0].email")),
    STATUS("Partner Referral Status", text("status", 20), json(9, "status")),
    SUBSTATUS("Partner Referral Substatus", text("substatus", 20), json(10, "substatus")),
    REASON_CODE("Declined/Lost/Error reason", text("reason_code", 20), json(12, "declineReasonCode")),
    STATUS_REASON("Status Reason", text("status_reason", 2000), json(11, "statusReason")),
    SALES_STAGE("Sales Stage", integer("sales_stage"), json(13, "salesStage")),
    STAGE_SECURE_LOE("Stage Secure LOE Date", date("mark_1"), json(38, "stageMarks.secureLoe")),
    STAGE_COLLECT_DATA("Stage Collect Data Date", date("mark_2"), json(39, "stageMarks.collectData")),
    STAGE_PREPARE_REPORT("Stage Prepare Report Date", date("mark_3"), json(40, "stageMarks.prepareReport")),
    STAGE_PRESENT("Stage Present Date", date("mark_4"), json(41, "stageMarks.present")),
    ESTIMATED_VALUE("Estimated Deal Value", text("estimated_value", 50), json(32, "details.dealValue")),
    CURRENCY("Currency", text("currency", 10), json(33, "details.currency")),
    ESTIMATED_CLOSE_DATE("Estimated Close Date", date("estimated_close_date"), json(34, "details.closingDateTime")),
    MARKETING_CAMPAIGN_ID("Marketing Campaign ID", text("marketing_campaign_id", 200), json(14, "campaignId")),
    NOTES("Notes", text("notes", 10000), json(31, "details.notes")),
    CONSENT("Consent to share Customer/Partner contact", text("consent", 10), json(30, "consent.consentToToShareInfoWithOthers")),
    ASSESSMENT_LOCATION("Assessment Location", text("assessment_location", 100), json(15, "assessmentLocation")),
    RECEIVED_DATE("Received Date", date("received_date"), json(17, "receivedDateTime")),
    CREATED_DATE("Created Date", date("created_date"), json(16, "createdDateTime")),
    INVITED_BY("Invited By", text("invited_by", 100), json(37, "inviteContext.invitedBy.organizationId"));

    /** Header prefixes of the {@link ListColumn}s: "Solution 1", "Team member 3". */
    public static final String SOLUTION_PREFIX = "Solution ";
    public static final String TEAM_PREFIX = "Team member ";

    /** The four stages a partner marks, in order, with their Partner Center percentages. */
    public static final List<Field> STAGE_MARKS =
            List.of(STAGE_SECURE_LOE, STAGE_COLLECT_DATA, STAGE_PREPARE_REPORT, STAGE_PRESENT);
    public static final int[] STAGE_MARK_PERCENT = {20, 40, 60, 80};

    /** Fields holding dates; stored and exported as yyyy-mm-dd. */
    public static final List<Field> DATES =
            java.util.Arrays.stream(values()).filter(f -> f.column.type() == DbColumn.Type.DATE).toList();

    private static final Map<String, Field> BY_HEADER = new HashMap<>();
    static {
        for (Field f : values()) {
            for (String name : f.names) {
                BY_HEADER.put(key(name), f);
            }
        }
    }

    private final String header;
    private final DbColumn column;
    private final JsonPath jsonPath;
    private final List<String> names;

    Field(String header, DbColumn column, JsonPath jsonPath, String... aliases) {
        this.header = header;
        this.column = column;
        this.jsonPath = jsonPath;
        List<String> all = new java.util.ArrayList<>(List.of(header));
        all.addAll(List.of(aliases));
        this.names = List.copyOf(all);
    }

    /** The canonical column name, as written in exports and reject files. */
    public String header() {
        return header;
    }

    /** Its column of the deal table, with its width. */
    public DbColumn column() {
        return column;
    }

    /** Where it sits in the Partner Center referral resource. */
    public JsonPath jsonPath() {
        return jsonPath;
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
            out.addAll(f.names);
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
