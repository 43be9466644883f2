package io.coincalltrader.engine.session;

import java.time.Instant;

/** How the link to the exchange is: state, last round-trip time, when it last answered, and why not when down. */
public record ConnectionHealth(State state, long roundTripMillis, Instant lastAnswer, String problem) {

    public enum State {
        CONNECTING,
        /** Answering within a second. */
        UP,
        /** Answering, but slowly (over a second), or one probe failed. */
        DEGRADED,
        /** Several probes in a row failed. */
        DOWN
    }

    public static ConnectionHealth connecting() {
        return new ConnectionHealth(State.CONNECTING, -1, null, null);
    }
}
