package io.dealsync.read;

import io.dealsync.model.Dates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * A profile's {@code date.pattern} (docs/formats.md, source profiles): reads the source's date cells,
 * strictly (no 31 February), with day and month also in one digit as exports without padding write them.
 */
final class ProfileDateFormat {
    private static final LocalDate PROBE = LocalDate.of(2026, 11, 26);

    private final String pattern;
    private final DateTimeFormatter strict;
    private final DateTimeFormatter relaxed;

    private ProfileDateFormat(String pattern, DateTimeFormatter strict, DateTimeFormatter relaxed) {
        this.pattern = pattern;
        this.strict = strict;
        this.relaxed = relaxed;
    }

    /**
     * The format of a pattern as a profile writes it ({@code dd/MM/yyyy}).
     *
     * @throws IllegalArgumentException or {@link DateTimeException} when the pattern is empty, not a
     *     pattern, or does not read back a whole date
     */
    static ProfileDateFormat of(String pattern) {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        DateTimeFormatter strict = formatter(javaPattern(pattern, false));
        DateTimeFormatter relaxed = formatter(javaPattern(pattern, true));
        if (!PROBE.equals(LocalDate.parse(strict.format(PROBE), strict))) {
            throw new IllegalArgumentException("it does not read back a whole date");
        }
        return new ProfileDateFormat(pattern, strict, relaxed);
    }

    /** The pattern as written in the profile. */
    String pattern() {
        return pattern;
    }

    /**
     * The date a cell's text (already stripped, not empty) holds: in the pattern, in the pattern followed by
     * a time (ignored), or in ISO 8601; null when none of these.
     */
    LocalDate parse(String s) {
        LocalDate d = parseInPattern(s);
        if (d == null) {
            int sp = s.indexOf(' ');
            if (sp > 0) {
                d = parseInPattern(s.substring(0, sp));
            }
        }
        if (d == null && looksIso(s)) {
            d = Dates.parse(s);
        }
        return d;
    }

    private LocalDate parseInPattern(String s) {
        try {
            return LocalDate.parse(s, strict);
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(s, relaxed);
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }

    private static boolean looksIso(String s) {
        return s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && Character.isDigit(s.charAt(0));
    }

    private static DateTimeFormatter formatter(String javaPattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(javaPattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * The pattern for {@link DateTimeFormatter}, outside quoted text: {@code y} as {@code u} (years, so that
     * STRICT needs no era) and, relaxed, {@code dd} as {@code d} and {@code MM} as {@code M} (so that
     * 5/11/2030 reads under dd/MM/yyyy).
     */
    static String javaPattern(String pattern, boolean relaxed) {
        StringBuilder sb = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && relaxed && (c == 'd' || c == 'M')) {
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) == c) {
                    j++;
                }
                sb.append(j - i == 2 ? String.valueOf(c) : pattern.substring(i, j));
                i = j - 1;
            } else {
                sb.append(!quoted && c == 'y' ? 'u' : c);
            }
        }
        return sb.toString();
    }
}
