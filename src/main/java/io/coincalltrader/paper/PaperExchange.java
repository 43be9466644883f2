package io.coincalltrader.paper;

import io.coincalltrader.paper.api.PaperApi;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.paper.rfq.RfqDesk;
import io.coincalltrader.paper.trading.PaperLedger;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded paper exchange: Coincall's REST and WebSocket API served on 127.0.0.1 only, with a simulated
 * market, a paper account (with a demo book), matching, margin, settlement, RFQ makers and fault injection.
 * State is guarded by one lock; the market ticks on its own thread. Start it, point a client at
 * {@link #baseUrl()}, sign with {@link #apiKey()}/{@link #apiSecret()}.
 */
public final class PaperExchange implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PaperExchange.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final PaperConfig config;
    private final Object lock = new Object();
    private final SimClock clock;
    private final PaperFaults faults = new PaperFaults();
    private final PaperMarket market;
    private final PaperLedger ledger;
    private final RfqDesk desk;
    private final PaperApi api;
    private final Javalin server;
    private final ScheduledExecutorService ticker;
    private final long startupMillis;

    private PaperExchange(PaperConfig config) {
        long t0 = System.nanoTime();
        this.config = config;
        Clock wall = Clock.systemUTC();
        this.clock = new SimClock(config.start() == null ? wall.instant() : config.start(), config.speed(), System::nanoTime);
        AtomicLong ids = new AtomicLong(1_983_000_000_000_000_000L + (config.seed() & 0xFFFFF) * 1_000_000_000L);
        Instant now = clock.instant();
        this.market = new PaperMarket(config.seed(), now);
        this.api = new PaperApi(lock, market, config.apiKey(), config.apiSecret(), faults, clock, wall);
        this.ledger = new PaperLedger(market, config.startingBalance(), ids::incrementAndGet, api);
        this.desk = new RfqDesk(market, ledger, ids::incrementAndGet, config.makerDelay(), config.rfqLifetime(), config.quoteRefresh(), api);
        if (config.demoBook()) {
            DemoBook.enter(market, ledger, now);
        }
        this.server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            api.register(cfg, ledger, desk, wall, config.apiKey());
        });
        server.start(LOOPBACK, config.port());
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paper-market");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> log.error("paper market thread failed", e));
            return t;
        });
        long every = Math.max(10, config.tickInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        this.startupMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info("paper exchange on {} (seed {}, speed {}x) started in {} ms", baseUrl(), config.seed(), config.speed(), startupMillis);
    }

    /** Starts a paper exchange on 127.0.0.1. */
    public static PaperExchange start(PaperConfig config) {
        return new PaperExchange(config);
    }

    private void tick() {
        List<Runnable> sends;
        try {
            synchronized (lock) {
                Instant now = clock.instant();
                market.tick(now);
                ledger.onTick(now);
                desk.onTick(now);
                market.delistExpired(now);
                sends = api.tickPushes(now, ledger.account(now));
            }
            sends.forEach(Runnable::run);
        } catch (RuntimeException e) {
            log.error("paper market tick failed", e);
        }
    }

    /** Runs one market tick now (tests that want time to move without waiting). */
    public void tickNow() {
        tick();
    }

    public String baseUrl() {
        return "http://" + LOOPBACK + ":" + server.port();
    }

    public String optionsWebSocketUrl() {
        return "ws://" + LOOPBACK + ":" + server.port() + "/options";
    }

    public String futuresWebSocketUrl() {
        return "ws://" + LOOPBACK + ":" + server.port() + "/futures";
    }

    public int port() {
        return server.port();
    }

    public String apiKey() {
        return config.apiKey();
    }

    public String apiSecret() {
        return config.apiSecret();
    }

    /** The simulated clock markets, expiries and RFQ lifetimes run on. */
    public SimClock clock() {
        return clock;
    }

    public PaperFaults faults() {
        return faults;
    }

    /** A read-only view of the exchange's truth, for tests: orders by client id, trades, positions. */
    public PaperOracle oracle() {
        return new PaperOracle(lock, ledger, desk);
    }

    /** Connected WebSocket sessions (logged in). */
    public int webSocketSessions() {
        return api.webSocketSessions();
    }

    /** Subscriptions held by all WebSocket sessions. */
    public int webSocketSubscriptions() {
        return api.webSocketSubscriptions();
    }

    public long startupMillis() {
        return startupMillis;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop();
    }
}
