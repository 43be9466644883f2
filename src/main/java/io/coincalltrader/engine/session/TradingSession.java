package io.coincalltrader.engine.session;

import io.coincalltrader.engine.common.EngineThread;
import io.coincalltrader.engine.common.Listeners;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.engine.market.InstrumentLookup;
import io.coincalltrader.engine.market.MarketDataService;
import io.coincalltrader.engine.portfolio.PortfolioAggregator;
import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import io.coincalltrader.engine.portfolio.PositionMonitor;
import io.coincalltrader.engine.portfolio.StructureBook;
import io.coincalltrader.engine.risk.MarginAlert;
import io.coincalltrader.engine.risk.MarginMonitor;
import io.coincalltrader.store.AccountSnapshot;
import io.coincalltrader.store.Cause;
import io.coincalltrader.engine.execution.ExecutionService;
import io.coincalltrader.engine.execution.GatewayMarketView;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.OrderStream;
import io.coincalltrader.exchange.ws.CoincallWebSocket;
import io.coincalltrader.engine.order.OrderServiceConfig;
import io.coincalltrader.engine.recovery.Reconciler;
import io.coincalltrader.engine.recovery.ReconciliationReport;
import io.coincalltrader.engine.recovery.RfqRecovery;
import io.coincalltrader.engine.rfq.RfqTaker;
import io.coincalltrader.exchange.ExchangeGateway;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.StoreConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final RfqTaker rfqs;
    private final Clock clock;
    private final StructureBook structures = new StructureBook();
    private final InstrumentLookup instruments;
    private final Listeners<MarginAlert> marginAlerts = new Listeners<>("margin alerts");
    private MarketDataService market;
    private PositionMonitor positions;
    private ConnectionMonitor connection;
    private MarginMonitor margin = MarginMonitor.defaults();
    private volatile Instant lastSnapshotStored = Instant.EPOCH;
    private volatile OrderStream stream;
    private final java.util.concurrent.atomic.AtomicBoolean afterFillsPending = new java.util.concurrent.atomic.AtomicBoolean();

    private TradingSession(ExchangeGateway gateway, Database db, Clock clock) {
        this.gateway = gateway;
        this.db = db;
        this.clock = clock;
        this.instruments = new InstrumentLookup(gateway.market(), clock);
        this.engine = new EngineThread("engine");
        this.io = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "io");
            t.setDaemon(true);
            return t;
        });
        this.orders = new OrderService(gateway.orders(), db, engine, io, clock, OrderServiceConfig.defaults());
        this.executions = new ExecutionService(orders, gateway.rfq(), db,
                new GatewayMarketView(instruments), clock);
        this.rfqs = new RfqTaker(gateway.rfq(), db, clock, Duration.ofSeconds(1), this::refreshAfterTrades);
    }

    /**
     * After fills or a block trade (whose legs are one structure): the structures are read again from the store and
     * the positions polled, once for trades close together, so a burst never queues a positions poll per trade.
     */
    private void refreshAfterTrades() {
        if (!afterFillsPending.compareAndSet(false, true)) {
            return;
        }
        io.schedule(() -> {
            afterFillsPending.set(false);
            try {
                structures.refresh(db);
                PositionMonitor p = positions;
                if (p != null) {
                    p.pollNow();
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TradingSession.class).warn("refresh after trades failed: {}", e.getMessage());
            }
        }, 200, TimeUnit.MILLISECONDS);
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

    /**
     * Follows our orders and trades on the exchange's private WebSocket as well as by polling (pushes first,
     * REST as the safety net and after every reconnect).
     */
    public void attachStream(CoincallWebSocket socket) {
        rfqs.attach(socket);
        OrderStream s = new OrderStream(socket, orders);
        stream = s;
        s.start();
    }

    /**
     * Starts what a trading screen watches: index prices, positions and account (every {@code positionsEvery}),
     * the link's health, margin alerts, and an account snapshot a minute for the equity curve.
     */
    public synchronized void startDesk(Duration positionsEvery) {
        if (positions != null) {
            return;
        }
        structures.refresh(db);
        market = new MarketDataService(gateway.market(), io, clock);
        market.startPolling(Duration.ofSeconds(2));
        positions = new PositionMonitor(gateway.account(), new PortfolioAggregator(structures), market::indexPrices, io, clock,
                positionsEvery, Duration.ofSeconds(30));
        positions.onSnapshot(this::onSnapshot);
        connection = new ConnectionMonitor(gateway, io, clock, Duration.ofSeconds(2));
        connection.start();
        // A sweep brings many fills at once: one structure refresh and one positions poll for the burst.
        orders.onFill(f -> refreshAfterTrades());
        positions.start();
    }

    private void onSnapshot(PortfolioSnapshot s) {
        margin.update(s.account(), s.time()).ifPresent(a -> {
            db.journal().append("ALERT", Cause.SYSTEM, "account", "Margin usage " + a.to() + ": "
                    + a.usage().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "% of equity", null);
            marginAlerts.publish(a);
        });
        if (Duration.between(lastSnapshotStored, s.time()).compareTo(Duration.ofMinutes(1)) >= 0) {
            lastSnapshotStored = s.time();
            db.accountSnapshots().record(AccountSnapshot.of(s.account(), s.time()));
        }
    }

    /** Margin thresholds (fractions of equity used by maintenance margin). */
    public void setMarginThresholds(java.math.BigDecimal warn, java.math.BigDecimal critical) {
        margin = new MarginMonitor(warn, critical, new java.math.BigDecimal("0.02"));
    }

    public Subscription onMarginAlert(java.util.function.Consumer<MarginAlert> listener) {
        return marginAlerts.add(listener);
    }

    public PositionMonitor positions() {
        return positions;
    }

    public ConnectionMonitor connection() {
        return connection;
    }

    public MarketDataService market() {
        return market;
    }

    /** Instruments with their rules and current prices (the ticket and executions price from it). */
    public InstrumentLookup instruments() {
        return instruments;
    }

    public Clock clock() {
        return clock;
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

    /** The trader's own RFQs from the ticket. */
    public RfqTaker rfqs() {
        return rfqs;
    }

    public ScheduledExecutorService io() {
        return io;
    }

    @Override
    public void close() {
        OrderStream s = stream;
        if (s != null) {
            s.close();
        }
        if (positions != null) {
            positions.close();
            connection.close();
            market.close();
        }
        executions.close();
        rfqs.close();
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
