package io.dealsync.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The widths of the text columns a deal is stored in ({@code db/migration/V1__deals.sql}). A value wider
 * than its column cannot be written: the record must be rejected before the write, with a reason naming
 * the column, or the whole batch fails (and was retried as if the database were down). Kept with the facts,
 * not in store/, so the judge checks them without depending on the store (which depends on the judge).
 */
public final class ColumnLimits {
    private static final Map<Field, Integer> DEAL = new EnumMap<>(Field.class);
    static {
        DEAL.put(Field.REFERRAL_ID, 100);
        DEAL.put(Field.ENGAGEMENT_ID, 100);
        DEAL.put(Field.CRM_ID, 200);
        DEAL.put(Field.PARTNER_ID, 100);
        DEAL.put(Field.DEAL_NAME, 500);
        DEAL.put(Field.DEAL_TYPE, 50);
        DEAL.put(Field.DIRECTION, 20);
        DEAL.put(Field.LOCATION, 100);
        DEAL.put(Field.CUSTOMER_NAME, 500);
        DEAL.put(Field.CUSTOMER_ADDRESS_1, 500);
        DEAL.put(Field.CUSTOMER_ADDRESS_2, 500);
        DEAL.put(Field.CUSTOMER_CITY, 200);
        DEAL.put(Field.CUSTOMER_STATE, 200);
        DEAL.put(Field.CUSTOMER_POSTAL_CODE, 50);
        DEAL.put(Field.CUSTOMER_COUNTRY, 10);
        DEAL.put(Field.CUSTOMER_DUNS, 20);
        DEAL.put(Field.CONTACT_FIRST_NAME, 200);
        DEAL.put(Field.CONTACT_LAST_NAME, 200);
        DEAL.put(Field.CONTACT_PHONE, 50);
        DEAL.put(Field.CONTACT_EMAIL, 320);
        DEAL.put(Field.STATUS, 20);
        DEAL.put(Field.SUBSTATUS, 20);
        DEAL.put(Field.REASON_CODE, 20);
        DEAL.put(Field.STATUS_REASON, 2000);
        DEAL.put(Field.ESTIMATED_VALUE, 50);
        DEAL.put(Field.CURRENCY, 10);
        DEAL.put(Field.MARKETING_CAMPAIGN_ID, 200);
        DEAL.put(Field.NOTES, 10000);
        DEAL.put(Field.CONSENT, 10);
        DEAL.put(Field.ASSESSMENT_LOCATION, 100);
        DEAL.put(Field.INVITED_BY, 100);
    }

    private static final int SOLUTION = 500;
    private static final int NAME = 200;
    private static final int PHONE = 50;
    private static final int EMAIL = 320;
    private static final int TEAM = 100;

    private ColumnLimits() {
    }

    /** The widest value the column of {@code f} holds, or 0 when it is not stored as text (dates, the stage). */
    public static int of(Field f) {
        return DEAL.getOrDefault(f, 0);
    }

    /**
     * Every value of the deal wider than its column, as {@code {column, message}}; the message names the
     * column and the widths, never the value (it may be personal data).
     */
    public static List<String[]> overlong(Deal d) {
        List<String[]> out = null;
        for (Map.Entry<Field, Integer> e : DEAL.entrySet()) {
            out = check(out, e.getKey().header(), d.get(e.getKey()), e.getValue());
        }
        List<Solution> sols = d.getSolutions();
        if (!sols.isEmpty()) {
            out = check(out, Field.SOLUTION_PREFIX + "1", sols.get(0).toCell(), SOLUTION);
        }
        List<TeamMember> team = d.getTeam();
        if (team.size() > TEAM) { // the team is one column of the deal row
            out = out == null ? new ArrayList<>(1) : out;
            out.add(new String[] {Field.TEAM_PREFIX + (TEAM + 1), "at most " + TEAM + " team members are stored"});
        }
        for (int i = 0; i < team.size(); i++) {
            TeamMember m = team.get(i);
            String column = Field.TEAM_PREFIX + (i + 1);
            out = check(out, column, m.getFirstName(), NAME);
            out = check(out, column, m.getLastName(), NAME);
            out = check(out, column, m.getPhone(), PHONE);
            out = check(out, column, m.getEmail(), EMAIL);
        }
        return out == null ? List.of() : out;
    }

    private static List<String[]> check(List<String[]> out, String column, String v, int max) {
        if (v == null || v.length() <= max) {
            return out;
        }
        int chars = v.codePointCount(0, v.length()); // the database counts characters, not UTF-16 units
        if (chars <= max) {
            return out;
        }
        if (out == null) {
            out = new ArrayList<>(1);
        }
        out.add(new String[] {column, "it is " + chars + " characters long; at most " + max + " are stored"});
        return out;
    }
}
