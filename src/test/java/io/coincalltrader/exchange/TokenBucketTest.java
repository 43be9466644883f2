package io.coincalltrader.exchange;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong();
    private final List<Long> grantedAt = new ArrayList<>();

    private TokenBucket bucket(int capacity, double perSecond) {
        return new TokenBucket(capacity, perSecond, now::get, now::addAndGet);
    }

    @Test
    void placeBucketNeverExceedsEightyPercentOfThirtyPerTwoSeconds() throws InterruptedException {
        TokenBucket b = bucket(RateBucket.PLACE.capacity(), RateBucket.PLACE.refillPerSecond());
        for (int i = 0; i < 200; i++) {
            b.acquire();
            grantedAt.add(now.get());
        }
        long window = TimeUnit.SECONDS.toNanos(2);
        int worst = 0;
        for (int i = 0; i < grantedAt.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < grantedAt.size() && grantedAt.get(j) - grantedAt.get(i) < window; j++) {
                inWindow++;
            }
            worst = Math.max(worst, inWindow);
        }
        assertThat(worst).isLessThanOrEqualTo(24);
        // 200 actions at 8/s after a burst of 8 take about 24 s of (fake) time.
        assertThat(now.get()).isBetween(TimeUnit.SECONDS.toNanos(23), TimeUnit.SECONDS.toNanos(25));
    }

    @Test
    void retryAfterPausesTheBucket() throws InterruptedException {
        TokenBucket b = bucket(5, 5);
        b.pauseFor(TimeUnit.SECONDS.toNanos(2));
        b.acquire();
        assertThat(now.get()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(2));
    }
}
