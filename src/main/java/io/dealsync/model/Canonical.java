package io.dealsync.model;

import java.util.Locale;
import java.util.Map;

/**
 * One spelling per value, so that a deal sent again with "incoming", "2026-11-26T10:00Z" or "1000.00"
 * compares equal to what was stored as "Incoming", "2026-11-26" and "1000". Text that is not a valid
 * value is kept as given, for the rules to judge.
 */
final class Canonical {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("incoming", "Incoming"), Map.entry("outgoing", "Outgoing"),
            Map.entry("new", "New"), Map.entry("active", "Active"), Map.entry("closed", "Closed"),
            Map.entry("received", "Received"), Map.entry("pending", "Pending"), Map.entry("accepted", "Accepted"),
            Map.entry("won", "Won"), Map.entry("lost", "Lost"), Map.entry("declined", "Declined"),
            Map.entry("expired", "Expired"), Map.entry("error", "Error"),
            Map.entry("yes", "Yes"), Map.entry("no", "No"), Map.entry("true", "Yes"), Map.entry("false", "No"),
            Map.entry("solution assessment", "Solution Assessment"), Map.entry("co-sell", "Co-sell"),
            Map.entry("partner-led", "Partner-led"), Map.entry("private", "Private"));

    /** The canonical words themselves: most values arrive spelt right, and need no lower-cased copy to look up. */
    private static final java.util.Set<String> CANONICAL_WORDS = java.util.Set.copyOf(WORDS.values());

    private Canonical() {
    }

    static String of(Field f, String value) {
        String s = Text.clean(value);
        if (s.isEmpty()) {
            return s;
        }
        switch (f) {
            case DIRECTION, STATUS, SUBSTATUS, CONSENT, DEAL_TYPE:
                return CANONICAL_WORDS.contains(s) ? s : WORDS.getOrDefault(s.toLowerCase(Locale.ROOT), s);
            case CURRENCY, CUSTOMER_COUNTRY:
                return s.toUpperCase(Locale.ROOT);
            case ESTIMATED_VALUE:
                return Amounts.canonical(s);
            case STAGE_SECURE_LOE, STAGE_COLLECT_DATA, STAGE_PREPARE_REPORT, STAGE_PRESENT, ESTIMATED_CLOSE_DATE,
                    RECEIVED_DATE, CREATED_DATE:
                return Dates.canonical(s);
            default:
                return s;
        }
    }
}
