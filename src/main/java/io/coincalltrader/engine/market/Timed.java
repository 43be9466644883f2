package io.coincalltrader.engine.market;

import java.time.Duration;
import java.time.Instant;

/** A market value with the moment we received it, so anything can tell how old it is. */
public record Timed<T>(T value, Instant receivedAt) {
    public Duration age(Instant now) {
        return Duration.between(receivedAt, now);
    }

    public boolean isStale(Instant now, Duration limit) {
        return age(now).compareTo(limit) > 0;
    }
}
