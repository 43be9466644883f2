package io.coincalltrader.testing;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.engine.common.EngineThread;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.OrderServiceConfig;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.StoreConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A paper exchange, a client with short timeouts, a store in a folder and an order service: the engine under test. */
public final class EngineFixture implements AutoCloseable {
    public final PaperExchange paper;
    public final CoincallClient client;
    public final Database db;
    public final EngineThread engine = new EngineThread("engine-test");
    public final ScheduledExecutorService io = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "io-test");
        t.setDaemon(true);
        return t;
    });
    public final OrderService orders;

    public EngineFixture(PaperExchange paper, Path dataDir, OrderServiceConfig config) {
        this.paper = paper;
        this.client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), new Credentials(paper.apiKey(), paper.apiSecret()))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(700))
                .withRetries(3, Duration.ofMillis(20)));
        this.db = Database.open(StoreConfig.of(dataDir, "test", Clock.systemUTC()));
        this.orders = new OrderService(client.orders(), db, engine, io, Clock.systemUTC(), config);
    }

    /** The nearest listed BTC option (liquid, with a two-sided book). */
    public String someOption() {
        return client.market().optionInstruments("BTC").stream().map(Instrument.Option::symbol).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        orders.close();
        io.shutdownNow();
        engine.close();
        db.close();
        client.close();
    }
}
