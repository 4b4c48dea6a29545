package io.dealsync.rulecases;

import java.util.Locale;

/** A {@code key: value} line of a case or template file; key is null when the line has no colon. */
record CaseLine(int number, String key, String value) {
    static CaseLine of(int number, String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new CaseLine(number, null, text) : new CaseLine(number, text.substring(0, colon).strip(),
                text.substring(colon + 1).strip());
    }

    String keyword() {
        return key == null ? "" : key.toLowerCase(Locale.ROOT);
    }
}
