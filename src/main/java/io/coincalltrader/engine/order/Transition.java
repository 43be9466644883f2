package io.coincalltrader.engine.order;

/**
 * The result of one event: the order after it, whether anything changed, the reason in words for the journal, and
 * an anomaly when the event contradicts what we knew (kept, never thrown: the engine thread must not die).
 */
public record Transition(TrackedOrder order, boolean changed, String cause, boolean newFill, String anomaly) {
    static Transition same(TrackedOrder o, String cause) {
        return new Transition(o, false, cause, false, null);
    }

    static Transition anomaly(TrackedOrder o, String what) {
        return new Transition(o, false, what, false, what);
    }

    static Transition to(TrackedOrder o, String cause) {
        return new Transition(o, true, cause, false, null);
    }
}
