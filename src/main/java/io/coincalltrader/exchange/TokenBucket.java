package io.coincalltrader.exchange;

import java.util.function.LongSupplier;

/**
 * A token bucket that blocks the calling I/O thread until a token is free. A 429's Retry-After pauses the whole
 * bucket. Time comes from an injected nanosecond source so tests can drive it.
 */
public final class TokenBucket {
    private final int capacity;
    private final double refillPerNano;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long lastRefill;
    private long pausedUntil;

    /** Sleeps for a number of nanoseconds; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public TokenBucket(int capacity, double refillPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.lastRefill = nanoTime.getAsLong();
        this.pausedUntil = lastRefill;
    }

    /** Takes one token, waiting as long as needed. */
    public void acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                refill(now);
                if (now - pausedUntil >= 0 && tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                long untilToken = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / refillPerNano);
                wait = Math.max(untilToken, pausedUntil - now);
            }
            sleeper.sleepNanos(Math.max(wait, 1_000_000));
        }
    }

    /** Stops handing out tokens for the given time (the exchange said Retry-After). */
    public synchronized void pauseFor(long nanos) {
        long until = nanoTime.getAsLong() + nanos;
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
        tokens = 0;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerNano);
        lastRefill = now;
    }
}
