package io.dealsync.model;

/** Small text helpers shared by the facts and the readers. */
public final class Text {
    private Text() {
    }

    /** Trimmed text, never null. */
    public static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
