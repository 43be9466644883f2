package io.coincalltrader.engine.common;

/**
 * Named points where a crash test may stop the JVM dead ({@code -Dcct.crashAt=before-send}), with no shutdown hooks,
 * as a power cut or kill -9 would (docs/ARCHITECTURE.md §Crash tests). Unset in production: each call is one read.
 */
public final class Crashpoints {
    public static final String PROPERTY = "cct.crashAt";

    private Crashpoints() {
    }

    /** Halts the JVM with status 137 when this point is the one named by the system property. */
    public static void hit(String point) {
        String at = System.getProperty(PROPERTY);
        if (at != null && at.equals(point)) {
            System.err.println("crashpoint " + point + ": halting");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
