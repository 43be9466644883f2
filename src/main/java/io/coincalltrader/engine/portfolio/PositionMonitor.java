package io.coincalltrader.engine.portfolio;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.engine.common.Listeners;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.exchange.AccountGateway;
import io.coincalltrader.exchange.ExchangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls the account and its positions on an I/O executor and publishes an immutable {@link PortfolioSnapshot}
 * after each successful poll. After a failure it waits longer before the next try (up to a cap) and publishes
 * the failure, so the status bar can show how old the data is.
 */
public final class PositionMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PositionMonitor.class);

    private final AccountGateway account;
    private final PortfolioAggregator aggregator;
    private final Supplier<Map<String, BigDecimal>> indexByCoin;
    private final ScheduledExecutorService io;
    private final Clock clock;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Listeners<PortfolioSnapshot> snapshots = new Listeners<>("portfolio");
    private final Listeners<ExchangeException> failures = new Listeners<>("portfolio failure");
    private volatile PortfolioSnapshot latest;
    private volatile ScheduledFuture<?> next;
    private volatile boolean closed;
    private int consecutiveFailures;

    public PositionMonitor(AccountGateway account, PortfolioAggregator aggregator, Supplier<Map<String, BigDecimal>> indexByCoin,
                           ScheduledExecutorService io, Clock clock, Duration interval, Duration maxBackoff) {
        this.account = account;
        this.aggregator = aggregator;
        this.indexByCoin = indexByCoin;
        this.io = io;
        this.clock = clock;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    public Subscription onSnapshot(Consumer<PortfolioSnapshot> listener) {
        return snapshots.add(listener);
    }

    public Subscription onFailure(Consumer<ExchangeException> listener) {
        return failures.add(listener);
    }

    /** The last published snapshot, or null before the first poll succeeded. */
    public PortfolioSnapshot latest() {
        return latest;
    }

    /** Starts polling now. */
    public void start() {
        schedule(Duration.ZERO);
    }

    /** Polls once, now, on the calling thread (after an order fills, or in tests). */
    public PortfolioSnapshot pollNow() {
        AccountSummary summary = account.summary();
        List<Position> positions = account.positions();
        PortfolioSnapshot snap = aggregator.aggregate(clock.instant(), summary, positions, indexByCoin.get());
        latest = snap;
        snapshots.publish(snap);
        return snap;
    }

    private void poll() {
        if (closed) {
            return;
        }
        try {
            pollNow();
            consecutiveFailures = 0;
            schedule(interval);
        } catch (ExchangeException e) {
            consecutiveFailures++;
            log.warn("positions poll failed ({} in a row): {}", consecutiveFailures, e.traderMessage());
            failures.publish(e);
            schedule(backoff());
        } catch (RuntimeException e) {
            consecutiveFailures++;
            log.error("positions poll failed unexpectedly", e);
            schedule(backoff());
        }
    }

    private Duration backoff() {
        return backoff(interval, consecutiveFailures, maxBackoff);
    }

    /** Doubles the interval per consecutive failure, up to the cap. */
    static Duration backoff(Duration interval, int failures, Duration cap) {
        Duration d = interval.multipliedBy(1L << Math.min(failures, 20));
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private void schedule(Duration delay) {
        if (!closed) {
            next = io.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
    }
}
