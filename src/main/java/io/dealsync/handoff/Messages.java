package io.dealsync.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Partner Center's {@code Errors} cell: messages separated by semicolons. Stored and reported without
 * anything that looks like an email address or a phone number (a message may quote the cell it refused).
 */
final class Messages {
    private static final Pattern EMAIL = Pattern.compile("[^\\s@;,]+@[^\\s@;,]+\\.[^\\s@;,]+");
    private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d .()-]{5,}\\d");

    private Messages() {
    }

    static List<String> split(String errors) {
        List<String> out = new ArrayList<>();
        if (errors == null) {
            return out;
        }
        for (String part : errors.split(";")) {
            String m = mask(part.strip());
            if (!m.isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    static String mask(String message) {
        return PHONE.matcher(EMAIL.matcher(message).replaceAll("<email>")).replaceAll("<phone>");
    }
}
