package io.dealsync.rules;

import java.util.Map;

/**
 * The analysts' settings ({@code rules/reference/settings.properties}) as a fact, so that a rule can read
 * them: {@code Settings( $hours : wonTooSoonHours )}, or any setting an analyst adds with
 * {@code Settings( $max : number("deal.name.max.length") )}.
 */
public final class Settings {
    private final Map<String, String> values;
    private final int expiryWindowDays;
    private final int wonTooSoonHours;

    public Settings(Map<String, String> values, int expiryWindowDays, int wonTooSoonHours) {
        this.values = Map.copyOf(values);
        this.expiryWindowDays = expiryWindowDays;
        this.wonTooSoonHours = wonTooSoonHours;
    }

    public int getExpiryWindowDays() { return expiryWindowDays; }
    public int getWonTooSoonHours() { return wonTooSoonHours; }

    /** A setting's text, "" when it is not set. */
    public String text(String key) {
        return values.getOrDefault(key, "").strip();
    }

    /** A setting as a whole number, or null when it is not set or not a whole number. */
    public Integer number(String key) {
        try {
            return Integer.valueOf(text(key));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Settings" + values;
    }
}
