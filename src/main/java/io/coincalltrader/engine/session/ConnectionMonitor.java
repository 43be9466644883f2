package io.coincalltrader.engine.session;

import io.coincalltrader.engine.common.Listeners;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.ExchangeGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Probes the exchange's clock endpoint at a fixed interval and publishes the link's health and round-trip time. */
public final class ConnectionMonitor implements AutoCloseable {
    private static final long SLOW_MILLIS = 1000;
    private static final int DOWN_AFTER = 3;

    private final ExchangeGateway gateway;
    private final ScheduledExecutorService io;
    private final Clock clock;
    private final Duration interval;
    private final Listeners<ConnectionHealth> listeners = new Listeners<>("connection health");
    private volatile ConnectionHealth latest = ConnectionHealth.connecting();
    private volatile ScheduledFuture<?> task;
    private int failures;

    public ConnectionMonitor(ExchangeGateway gateway, ScheduledExecutorService io, Clock clock, Duration interval) {
        this.gateway = gateway;
        this.io = io;
        this.clock = clock;
        this.interval = interval;
    }

    public Subscription onHealth(Consumer<ConnectionHealth> listener) {
        return listeners.add(listener);
    }

    public ConnectionHealth latest() {
        return latest;
    }

    public void start() {
        task = io.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One probe, on the calling thread. */
    public ConnectionHealth probe() {
        long start = System.nanoTime();
        ConnectionHealth h;
        try {
            gateway.serverTime();
            long rtt = (System.nanoTime() - start) / 1_000_000;
            failures = 0;
            h = new ConnectionHealth(rtt > SLOW_MILLIS ? ConnectionHealth.State.DEGRADED : ConnectionHealth.State.UP, rtt, clock.instant(), null);
        } catch (ExchangeException e) {
            h = failed(e.traderMessage());
        } catch (RuntimeException e) {
            h = failed(e.getMessage());
        }
        latest = h;
        listeners.publish(h);
        return h;
    }

    private ConnectionHealth failed(String why) {
        failures++;
        Instant last = latest.lastAnswer();
        return new ConnectionHealth(failures >= DOWN_AFTER ? ConnectionHealth.State.DOWN : ConnectionHealth.State.DEGRADED,
                latest.roundTripMillis(), last, why);
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }
}
