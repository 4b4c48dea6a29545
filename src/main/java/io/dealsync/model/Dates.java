package io.dealsync.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The date forms the canonical formats accept: ISO 8601 (date or timestamp, taken as UTC) and M/D/YYYY. */
public final class Dates {
    private Dates() {
    }

    /** The date a text names, or null when it is blank or not a date. */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                // by hand: DateTimeFormatter costs a microsecond a date, and a record has up to seven
                int y = digits(s, 0, 4);
                int m = digits(s, 5, 7);
                int d = digits(s, 8, 10);
                return y < 0 || m < 0 || d < 0 ? null : LocalDate.of(y, m, d);
            }
            if (s.length() > 10 && s.charAt(4) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
                return parseTimestamp(s.replace(' ', 'T'));
            }
            int a = s.indexOf('/');
            int b = s.indexOf('/', a + 1);
            if (a > 0 && b > a && s.indexOf('/', b + 1) < 0 && s.length() - b == 5) {
                return LocalDate.of(Integer.parseInt(s.substring(b + 1)), Integer.parseInt(s.substring(0, a)),
                        Integer.parseInt(s.substring(a + 1, b)));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The number the ASCII digits from..to spell, or -1. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static LocalDate parseTimestamp(String s) {
        try {
            return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return java.time.LocalDateTime.parse(s).toLocalDate();
        }
    }

    /** The canonical text of a date (yyyy-mm-dd), or the text unchanged when it is not a date. */
    public static String canonical(String text) {
        String s = Text.clean(text);
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && parse(s) != null) {
            return s; // already yyyy-mm-dd, which is what LocalDate prints: no second string a date
        }
        LocalDate d = parse(s);
        return d == null ? Text.clean(text) : d.toString();
    }
}
