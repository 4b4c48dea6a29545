package io.dealsync.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The dates the rules reason about that a deal works out from its columns and its stored row (R50, R61). */
final class DealDates {
    private DealDates() {
    }

    /** Received Date, else Created Date, else the day the deal was first stored. */
    static LocalDate receivedOn(Deal d) {
        LocalDate day = Dates.parse(d.get(Field.RECEIVED_DATE));
        if (day == null) {
            day = Dates.parse(d.get(Field.CREATED_DATE));
        }
        return day != null ? day : firstStoredOn(d, null);
    }

    /** Created Date, else the day the deal was first stored (the as-of date when new). */
    static LocalDate createdOn(Deal d) {
        LocalDate day = Dates.parse(d.get(Field.CREATED_DATE));
        return day != null ? day : firstStoredOn(d, d.getAsOf());
    }

    /**
     * Hours from the creation day to the as-of date, counted in whole days (dates have no time of day): 72 is
     * three days. Long.MAX_VALUE when either date is unknown.
     */
    static long hoursSinceCreated(Deal d) {
        LocalDate created = createdOn(d);
        return created == null || d.getAsOf() == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(created, d.getAsOf()) * 24;
    }

    /** The day this deal, or the stored deal it updates, was first stored; {@code neverStored} when neither is. */
    private static LocalDate firstStoredOn(Deal d, LocalDate neverStored) {
        return d.getStoredOn() != null ? d.getStoredOn() : d.isFirstSight() ? neverStored : d.getStored().getStoredOn();
    }
}
