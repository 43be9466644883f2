package io.coincalltrader.exchange.ws;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Capped exponential backoff with full jitter: a random delay in [floor, min(cap, base · 2^attempt)]. */
public record Backoff(Duration base, Duration cap, Duration floor) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMillis(50));

    /** The delay before reconnect attempt number {@code attempt} (0 for the first). */
    public Duration delay(int attempt, RandomGenerator random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        long pick = ceiling <= floor.toMillis() ? floor.toMillis() : random.nextLong(floor.toMillis(), ceiling + 1);
        return Duration.ofMillis(pick);
    }
}
