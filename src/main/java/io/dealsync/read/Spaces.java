package io.dealsync.read;

/**
 * The spaces CRM exports and spreadsheets write besides the plain one (no-break, narrow no-break, thin):
 * headers, stage names and values match whichever of them a source uses.
 */
final class Spaces {
    /** The plain space and its cousins; also what a "space" thousands separator stands for. */
    static final String ALL = " \u00A0\u202F\u2009";

    private Spaces() {
    }

    static boolean isSpace(char c) {
        return ALL.indexOf(c) >= 0;
    }

    /** Text without surrounding spaces of any kind (NBSPs included: spreadsheets leave them); "" for null. */
    static String strip(String s) {
        if (s == null) {
            return "";
        }
        int a = 0;
        int b = s.length();
        while (a < b && (Character.isWhitespace(s.charAt(a)) || isSpace(s.charAt(a)))) {
            a++;
        }
        while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || isSpace(s.charAt(b - 1)))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** NBSP and its cousins as plain spaces, for header and stage-name matching; the same string when none. */
    static String toPlain(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && isSpace(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
