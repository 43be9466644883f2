package io.coincalltrader.paper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/** Simulated time: starts at a chosen instant and runs {@code speed} times faster than the machine's clock. */
public final class SimClock extends Clock {
    private final Instant start;
    private final long startNanos;
    private final double speed;
    private final LongSupplier nanoTime;

    public SimClock(Instant start, double speed, LongSupplier nanoTime) {
        this.start = start;
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    @Override
    public Instant instant() {
        long elapsed = nanoTime.getAsLong() - startNanos;
        return start.plusNanos((long) (elapsed * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    public double speed() {
        return speed;
    }
}
