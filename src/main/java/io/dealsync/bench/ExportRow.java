package io.dealsync.bench;

import java.util.SplittableRandom;

/**
 * One deal as a CRM exports it, every column of the Partner Center bulk template filled the way CRMs fill
 * it: full customer address, notes of 40-200 characters in sentences (commas, the odd quote), 1-3 team
 * members (50/35/15 %), about 10 % Won with all four stage dates, 10 % Incoming Received, 7 % Lost with a
 * reason, close dates in both formats, about 10 % invalid records spread over the rules. A deal's row is a
 * pure function of (seed, deal number), so the second night can rebuild the first night's row exactly.
 */
final class ExportRow {
    static final String[] HEADER = {"Referral ID", "Engagement ID", "CRM ID", "PartnerID (formerly MPN ID)", "Deal Name",
        "Deal Type", "Deal Direction", "Location", "Customer Name", "Customer Address Line 1", "Customer Address Line 2",
        "Customer City", "Customer State", "Customer Postal code", "Customer Country", "Customer D-U-N-S ID",
        "Customer Contact First Name", "Customer Contact Last Name", "Customer Contact Phone number",
        "Customer Contact Email Address", "Partner Referral Status", "Partner Referral Substatus",
        "Declined/Lost/Error reason", "Status Reason", "Sales Stage", "Stage Secure LOE Date", "Stage Collect Data Date",
        "Stage Prepare Report Date", "Stage Present Date", "Estimated Deal Value", "Currency", "Estimated Close Date",
        "Marketing Campaign ID", "Notes", "Consent to share Customer/Partner contact", "Solution 1", "Assessment Location",
        "Team member 1", "Team member 2", "Team member 3", "Received Date", "Created Date", "Invited By"};

    // column positions used below
    static final int REFERRAL = 0, ENGAGEMENT = 1, CRM = 2, PARTNER = 3, NAME = 4, TYPE = 5, DIRECTION = 6, LOCATION = 7,
            CUSTOMER = 8, ADDR1 = 9, ADDR2 = 10, CITY = 11, STATE = 12, POSTAL = 13, COUNTRY = 14, DUNS = 15,
            C_FIRST = 16, C_LAST = 17, C_PHONE = 18, C_EMAIL = 19, STATUS = 20, SUBSTATUS = 21, REASON = 22,
            STATUS_REASON = 23, STAGE = 24, MARK1 = 25, VALUE = 29, CURRENCY = 30, CLOSE = 31, CAMPAIGN = 32,
            NOTES = 33, CONSENT = 34, SOLUTION = 35, ASSESSMENT_LOCATION = 36, TEAM1 = 37, RECEIVED = 40,
            CREATED = 41, INVITED_BY = 42;

    private static final String[] SOLUTIONS = {"SOL-SA-INFRA", "SOL-SA-DATA", "SOL-SA-APPMOD", "SOL-SA-SECURITY",
        "SOL-SA-MODERNWORK", "SOL-SA-BIZAPPS", "SOL-SA-AI"};
    private static final String[] FIRST = {"Alex", "Maria", "Jean-Pierre", "Aiko", "Liam", "Sofia", "Noah", "Chloé",
        "Mateo", "Emma", "Ravi", "Olga", "Kwame", "Lucía", "Henrik", "Mei"};
    private static final String[] LAST = {"Doe", "García", "Dubois", "Tanaka", "O'Brien", "Rossi", "Müller", "Nguyen",
        "Kowalski", "Smith", "Patel", "Ivanova", "Mensah", "Fernández", "Larsen", "Chen"};
    private static final String[] COMPANY = {"Contoso", "Fabrikam", "Northwind Traders", "Adventure Works", "Tailspin Toys",
        "Wide World Importers", "Litware", "Proseware", "Woodgrove Bank", "Lamna Healthcare", "Trey Research",
        "Alpine Ski House"};
    private static final String[] SUFFIX = {"Ltd", "Inc.", "GmbH", "S.A.", "LLC", "plc", "Group", "Holdings"};
    private static final String[] STREET = {"Main Street", "Example Way", "Harbour Road", "Rue de la Paix", "Lindenallee",
        "Market Square", "Station Road", "Park Avenue", "Innovation Drive", "Bahnhofstrasse"};
    private static final String[][] CITY_STATE_COUNTRY = {{"Redmond", "WA", "US"}, {"Seattle", "WA", "US"},
        {"Austin", "TX", "US"}, {"Paris", "Île-de-France", "FR"}, {"Lyon", "Auvergne-Rhône-Alpes", "FR"},
        {"Munich", "Bavaria", "DE"}, {"Berlin", "Berlin", "DE"}, {"London", "England", "GB"}, {"Toronto", "ON", "CA"},
        {"Madrid", "Madrid", "ES"}, {"Sydney", "NSW", "AU"}, {"Tokyo", "Tokyo", "JP"}};
    private static final String[] CURRENCY_OF = {"USD", "USD", "USD", "EUR", "EUR", "EUR", "EUR", "GBP", "CAD", "EUR",
        "AUD", "JPY"};
    private static final String[] SENTENCES = {"Customer wants a readiness review before the budget cycle closes.",
        "Kick-off held with the CIO, the infrastructure lead and two architects.",
        "They run about 400 VMs on premises, mostly Windows Server, some Linux.",
        "Main concern: licensing costs, downtime during the move, and data residency.",
        "Follow-up call booked for next week; waiting on the inventory export.",
        "The customer said \"we need numbers before March\", so the report is urgent.",
        "Security team asked for a review of identity, endpoints and email protection.",
        "Workshop done, notes shared, next step is the assessment report.",
        "Champion is the head of data; sponsor is the CFO.",
        "Competing offer from another vendor, price matters, timeline is tight."};
    private static final String[] STATUS_REASONS = {"Customer chose another vendor after the workshop.",
        "Budget frozen until next fiscal year.", "No response from the customer since the kick-off.",
        "Requirements changed, assessment no longer needed."};
    private static final int[] PERCENT = {10, 20, 40, 60, 80};

    private ExportRow() {
    }

    /** Per-deal randomness: the same deal number always draws the same values. */
    static SplittableRandom rnd(long seed, long deal) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + deal * 0xBF58476D1CE4E5B9L);
    }

    /** The first night's row of deal {@code i} (1-based). */
    static String[] day1(long seed, long i) {
        SplittableRandom r = rnd(seed, i);
        String[] c = new String[HEADER.length];
        java.util.Arrays.fill(c, "");
        int kind = r.nextInt(100); // 0-9 Won, 10-19 Incoming Received, 20-26 Lost, rest Active
        boolean won = kind < 10;
        boolean received = kind >= 10 && kind < 20;
        boolean lost = kind >= 20 && kind < 27;
        boolean incoming = received || r.nextInt(10) == 0;
        long hash = mix(seed, i);
        c[CRM] = crmId(hash);
        c[REFERRAL] = incoming || r.nextInt(3) == 0 ? referralId(hash) : "";
        c[ENGAGEMENT] = c[REFERRAL].isEmpty() || r.nextBoolean() ? "" : "ENG-" + Long.toString(hash >>> 20, 36);
        c[PARTNER] = r.nextInt(20) == 0 ? "4000017" : "4000000";
        String[] place = CITY_STATE_COUNTRY[r.nextInt(CITY_STATE_COUNTRY.length)];
        String company = COMPANY[r.nextInt(COMPANY.length)] + " " + place[0] + " " + SUFFIX[r.nextInt(SUFFIX.length)];
        c[NAME] = company + " - " + new String[] {"Migration assessment", "Data estate review", "Security posture check",
            "Modern work readiness", "AI readiness workshop"}[r.nextInt(5)] + " FY27";
        c[TYPE] = "Solution Assessment";
        c[DIRECTION] = incoming ? "Incoming" : "Outgoing";
        c[LOCATION] = place[2];
        customer(c, r, place, company);
        int marks = won ? 4 : received ? 0 : r.nextInt(5);
        int month = 1 + r.nextInt(4);
        for (int m = 0; m < marks; m++) {
            c[MARK1 + m] = String.format("2026-%02d-%02d", month + 2 * m, 1 + r.nextInt(27));
        }
        c[STATUS] = won || lost ? "Closed" : received ? "New" : "Active";
        c[SUBSTATUS] = won ? "Won" : lost ? "Lost" : received ? "Received" : "Accepted";
        if (lost) {
            c[REASON] = Integer.toString(1 + r.nextInt(8));
            c[STATUS_REASON] = STATUS_REASONS[r.nextInt(STATUS_REASONS.length)];
        }
        c[STAGE] = won ? "100" : Integer.toString(PERCENT[marks]);
        c[VALUE] = (5 + r.nextInt(250)) * 500 + (r.nextBoolean() ? ".00" : "");
        c[CURRENCY] = CURRENCY_OF[java.util.Arrays.asList(CITY_STATE_COUNTRY).indexOf(place)];
        int closeMonth = 1 + r.nextInt(12);
        int closeDay = 1 + r.nextInt(28);
        int closeYear = r.nextInt(20) == 0 ? 2026 : 2027; // a few close dates already past (R60 warnings)
        c[CLOSE] = r.nextBoolean() ? String.format("%d-%02d-%02d", closeYear, closeMonth, closeDay)
                : closeMonth + "/" + closeDay + "/" + closeYear;
        c[CAMPAIGN] = r.nextInt(4) == 0 ? "" : "CMP-" + (2026000 + r.nextInt(999));
        c[NOTES] = notes(r);
        c[CONSENT] = "Yes";
        c[SOLUTION] = SOLUTIONS[r.nextInt(SOLUTIONS.length)];
        c[ASSESSMENT_LOCATION] = place[2];
        team(c, r);
        c[CREATED] = String.format("2026-%02d-%02d", month, 1 + r.nextInt(27));
        if (incoming) {
            // mostly still inside the answer window on the benchmark's as-of date (2026-11-26), a few past it
            c[RECEIVED] = r.nextInt(10) == 0 ? "2026-10-02" : String.format("2026-11-%02d", 13 + r.nextInt(13));
            c[INVITED_BY] = r.nextInt(4) == 0 ? "5000" + (100 + r.nextInt(900)) : "msft";
            if (!received) {
                c[RECEIVED] = c[CREATED];
            }
        }
        spoil(c, r);
        return c;
    }

    /** The customer: company, address, D-U-N-S id and contact (the draws in the order day 1 has always made them). */
    private static void customer(String[] c, SplittableRandom r, String[] place, String company) {
        c[CUSTOMER] = company;
        c[ADDR1] = (1 + r.nextInt(999)) + " " + STREET[r.nextInt(STREET.length)];
        c[ADDR2] = r.nextInt(3) == 0 ? "Building " + (char) ('A' + r.nextInt(6)) + ", floor " + (1 + r.nextInt(12)) : "";
        c[CITY] = place[0];
        c[STATE] = place[1];
        c[POSTAL] = Integer.toString(10000 + r.nextInt(89999));
        c[COUNTRY] = place[2];
        c[DUNS] = r.nextInt(4) == 0 ? "" : Integer.toString(100_000_000 + r.nextInt(899_999_999));
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        c[C_FIRST] = first;
        c[C_LAST] = last;
        c[C_PHONE] = phone(r);
        c[C_EMAIL] = email(first, last, company);
    }

    /** One to three partner team members, 50/35/15 %. */
    private static void team(String[] c, SplittableRandom r) {
        int team = r.nextInt(100) < 50 ? 1 : r.nextInt(100) < 70 ? 2 : 3;
        for (int t = 0; t < team; t++) {
            String tf = FIRST[r.nextInt(FIRST.length)];
            String tl = LAST[r.nextInt(LAST.length)];
            c[TEAM1 + t] = tf + ", " + tl + ", " + phone(r) + ", " + email(tf, tl, "partner");
        }
    }

    /** About 10 % of the records break one rule each, spread over the rules. */
    private static void spoil(String[] c, SplittableRandom r) {
        int bad = r.nextInt(100);
        if (bad >= 10) {
            return;
        }
        switch (bad) {
            case 0 -> c[NOTES] = "";
            case 1 -> c[VALUE] = r.nextBoolean() ? "-5" : "48,500.00";
            case 2 -> c[CONSENT] = "No";
            case 3 -> { c[TEAM1] = ""; c[TEAM1 + 1] = ""; c[TEAM1 + 2] = ""; }
            case 4 -> c[SOLUTION] = "SOL-1234-PQRS-SA";
            case 5 -> c[COUNTRY] = "USA";
            case 6 -> c[C_EMAIL] = c[C_FIRST].toLowerCase() + "-at-example";
            case 7 -> { c[STATUS] = "Closed"; c[SUBSTATUS] = "Won"; c[STAGE] = "100"; c[MARK1 + 3] = ""; }
            case 8 -> { c[CRM] = ""; c[REFERRAL] = ""; } // no key at all: MISSING_KEY
            default -> c[STAGE] = "80";
        }
    }

    private static String notes(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int target = 40 + r.nextInt(161);
        while (sb.length() < target) {
            sb.append(sb.length() == 0 ? "" : " ").append(SENTENCES[r.nextInt(SENTENCES.length)]);
        }
        return sb.length() > 200 ? sb.substring(0, 199).strip() + "." : sb.toString();
    }

    private static String phone(SplittableRandom r) {
        return "+" + (1 + r.nextInt(60)) + " " + (200 + r.nextInt(700)) + " 555 " + String.format("%04d", r.nextInt(10000));
    }

    private static String email(String first, String last, String company) {
        String domain = company.toLowerCase().replaceAll("[^a-z]", "");
        return ascii(first) + "." + ascii(last) + "@" + (domain.length() > 14 ? domain.substring(0, 14) : domain) + ".example";
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s.toLowerCase(), java.text.Normalizer.Form.NFD).replaceAll("[^a-z]", "");
    }

    /** CRM ids as CRMs make them: opaque, in no particular order (Dynamics-like GUIDs). */
    private static String crmId(long h) {
        long lo = h * 0xD6E8FEB86659FD93L;
        return String.format("%08x-%04x-%04x-%04x-%012x", h >>> 32, (h >>> 16) & 0xffff, h & 0xffff, lo >>> 48,
                lo & 0xffffffffffffL);
    }

    private static String referralId(long h) {
        return String.format("%08x-%04x-4%03x-a%03x-%012x", (h ^ 0x5DEECE66DL) >>> 32, (h >>> 8) & 0xffff, h & 0xfff,
                (h >>> 40) & 0xfff, (h * 31) & 0xffffffffffffL);
    }

    private static long mix(long seed, long i) {
        long z = seed + i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One CSV line (RFC 4180 quoting where a cell needs it), CRLF-terminated. */
    static void appendCsv(StringBuilder sb, String[] cells) {
        for (int k = 0; k < cells.length; k++) {
            if (k > 0) {
                sb.append(',');
            }
            String v = cells[k];
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append("\r\n");
    }
}
