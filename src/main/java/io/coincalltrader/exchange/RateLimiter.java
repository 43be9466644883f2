package io.coincalltrader.exchange;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** One token bucket per documented rate-limit group. */
public final class RateLimiter {
    private final Map<RateBucket, TokenBucket> buckets = new EnumMap<>(RateBucket.class);

    public RateLimiter(LongSupplier nanoTime, TokenBucket.Sleeper sleeper) {
        for (RateBucket b : RateBucket.values()) {
            buckets.put(b, new TokenBucket(b.capacity(), b.refillPerSecond(), nanoTime, sleeper));
        }
    }

    /** The real-time limiter. */
    public static RateLimiter system() {
        return new RateLimiter(System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public void acquire(RateBucket bucket) throws InterruptedException {
        buckets.get(bucket).acquire();
    }

    public void pause(RateBucket bucket, long nanos) {
        buckets.get(bucket).pauseFor(nanos);
    }
}
