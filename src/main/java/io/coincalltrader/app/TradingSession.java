package io.coincalltrader.app;

import io.coincalltrader.engine.common.EngineThread;
import io.coincalltrader.engine.execution.ExecutionService;
import io.coincalltrader.engine.execution.GatewayMarketView;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.OrderServiceConfig;
import io.coincalltrader.engine.recovery.Reconciler;
import io.coincalltrader.engine.recovery.ReconciliationReport;
import io.coincalltrader.engine.recovery.RfqRecovery;
import io.coincalltrader.exchange.ExchangeGateway;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.StoreConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The trading core of one exchange account: its store, the engine thread, the I/O executor, the order and execution
 * services, and restart reconciliation. The command line and the workstation both build on this.
 */
public final class TradingSession implements AutoCloseable {
    private final ExchangeGateway gateway;
    private final Database db;
    private final EngineThread engine;
    private final ScheduledExecutorService io;
    private final OrderService orders;
    private final ExecutionService executions;
    private final Clock clock;

    private TradingSession(ExchangeGateway gateway, Database db, Clock clock) {
        this.gateway = gateway;
        this.db = db;
        this.clock = clock;
        this.engine = new EngineThread("engine");
        this.io = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "io");
            t.setDaemon(true);
            return t;
        });
        this.orders = new OrderService(gateway.orders(), db, engine, io, clock, OrderServiceConfig.defaults());
        this.executions = new ExecutionService(orders, gateway.rfq(), db,
                new GatewayMarketView(gateway.market(), clock), clock);
    }

    /** Opens the profile's store (checking and repairing it) and starts following orders. */
    public static TradingSession open(ExchangeGateway gateway, Path dataDirectory, String profile, Clock clock) {
        Database db = Database.open(StoreConfig.of(dataDirectory, profile, clock));
        TradingSession s = new TradingSession(gateway, db, clock);
        s.orders.start();
        return s;
    }

    /**
     * Reconciles the store with the exchange (fills since the last one seen, unfinished and in-doubt orders, orders
     * and positions made elsewhere, open RFQs) and journals the report.
     */
    public ReconciliationReport reconcile() {
        return new Reconciler(gateway.orders(), gateway.account(), new RfqRecovery(gateway.rfq(), db, clock), db, orders,
                clock, Duration.ofSeconds(10)).run();
    }

    public ExchangeGateway gateway() {
        return gateway;
    }

    public Database db() {
        return db;
    }

    public OrderService orders() {
        return orders;
    }

    public ExecutionService executions() {
        return executions;
    }

    public EngineThread engine() {
        return engine;
    }

    public ScheduledExecutorService io() {
        return io;
    }

    @Override
    public void close() {
        executions.close();
        orders.close();
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
        db.close();
    }
}
