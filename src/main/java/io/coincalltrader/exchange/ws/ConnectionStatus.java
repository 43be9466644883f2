package io.coincalltrader.exchange.ws;

import java.time.Duration;
import java.time.Instant;

/** Where a WebSocket connection stands, for the status bar: the state, since when, and retry details. */
public record ConnectionStatus(State state, Instant since, int attempt, Duration nextRetry, String reason) {

    /** The life of a connection. Only LIVE means updates are flowing and the REST resync is done. */
    public enum State {
        DISCONNECTED, CONNECTING, RESYNCING, LIVE, RECONNECTING, FAILED
    }

    static ConnectionStatus of(State state, Instant since) {
        return new ConnectionStatus(state, since, 0, Duration.ZERO, null);
    }
}
