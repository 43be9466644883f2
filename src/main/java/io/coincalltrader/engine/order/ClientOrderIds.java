package io.coincalltrader.engine.order;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client order ids: milliseconds since the epoch times 1,000 plus a sequence, strictly increasing in this process and
 * above every id already recorded, so an id is never reused across restarts (the exchange may reject or, worse,
 * confuse a reused one).
 */
public final class ClientOrderIds {
    private final Clock clock;
    private final AtomicLong last;

    public ClientOrderIds(Clock clock, long highestRecorded) {
        this.clock = clock;
        this.last = new AtomicLong(highestRecorded);
    }

    public long next() {
        long candidate = clock.millis() * 1_000;
        return last.updateAndGet(prev -> Math.max(prev + 1, candidate));
    }
}
