package io.dealsync.app;

/**
 * Test-only: halts the JVM (as SIGKILL would, no shutdown hooks) at a named point when the system property
 * {@code dealsync.test.halt-at} names it, so the crash test can kill exactly there. Points:
 * {@code notification-written} (a notification document is written, not yet marked delivered) and
 * {@code before-move-done} (a file is committed done in the database, not yet moved to .done/).
 * Unset in production: one string comparison per call.
 */
public final class TestHalt {
    private static final String AT = System.getProperty("dealsync.test.halt-at", "");

    private TestHalt() {
    }

    public static void at(String point) {
        if (AT.equals(point)) {
            System.out.println("dealsync: test halt at " + point);
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
