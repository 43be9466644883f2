package io.coincalltrader.engine.recovery;

import io.coincalltrader.engine.execution.ExecutionParams;
import io.coincalltrader.engine.execution.ExecutionLeg;
import io.coincalltrader.engine.execution.ExecutionPlan;
import io.coincalltrader.engine.execution.GatewayMarketView;
import io.coincalltrader.engine.execution.ExecutionService;
import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.common.Crashpoints;
import io.coincalltrader.engine.common.EngineThread;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.OrderServiceConfig;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.NewOrder;
import io.coincalltrader.store.StoreConfig;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine in a child JVM for crash tests: runs one scenario against a paper exchange given by URL, and is stopped
 * dead at the crashpoint named by {@code -Dcct.crashAt}. Prints DONE if it got to the end.
 * Arguments: base URL, data directory, scenario, symbol. Keys come from the environment, as in the app.
 */
public final class EngineCrashChild {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path dir = Path.of(args[1]);
        String scenario = args[2];
        String symbol = args[3];
        CoincallClient client = CoincallClient.create(CoincallConfig.of(url,
                new Credentials(System.getenv("CCT_KEY"), System.getenv("CCT_SECRET"))).withTimeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(3)));
        Database db = Database.open(StoreConfig.of(dir, "test", Clock.systemUTC()));
        EngineThread engine = new EngineThread("engine");
        ScheduledExecutorService io = Executors.newScheduledThreadPool(4);
        OrderService orders = new OrderService(client.orders(), db, engine, io, Clock.systemUTC(),
                new OrderServiceConfig(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        orders.start();
        if (scenario.equals("rfq")) {
            rfq(client, db, orders, symbol);
            return;
        }
        OrderBook book = client.market().orderBook(symbol);
        long id = orders.nextClientOrderId();
        OrderRequest request = switch (scenario) {
            case "resting" -> OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, new BigDecimal("0.1"), new BigDecimal("5"), id);
            // Well through the offer, so it fills on arrival even if the book moved since it was read.
            case "marketable" -> OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, new BigDecimal("0.1"),
                    book.bestAsk().orElseThrow().price().multiply(new BigDecimal("1.10")).setScale(0, java.math.RoundingMode.UP), id);
            case "sweep" -> OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY,
                    book.asks().stream().map(BookLevel::size).reduce(BigDecimal.ZERO, BigDecimal::add), book.asks().getLast().price(), id);
            default -> throw new IllegalArgumentException(scenario);
        };
        System.out.println("CLIENT_ORDER_ID " + id);
        orders.place(NewOrder.of(request), Cause.USER, "crash test").get(10, TimeUnit.SECONDS);
        orders.when(id, o -> o.state() != OrderState.SENT && o.state() != OrderState.PENDING_SEND).get(10, TimeUnit.SECONDS);
        if (scenario.equals("resting")) {
            orders.when(id, o -> o.state() == OrderState.ACKED).get(10, TimeUnit.SECONDS);
            // Acknowledged and recorded, resting, not filled: a kill here must leave it followed, not forgotten.
            Crashpoints.hit("after-ack");
            orders.cancel(id, Cause.USER).get(10, TimeUnit.SECONDS);
        }
        orders.finished(id).get(15, TimeUnit.SECONDS); // completes once the final state is durable
        System.out.println("DONE");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** A two-leg call spread through an RFQ: {@code symbol} bought, the next call strike up sold. */
    private static void rfq(CoincallClient client, Database db, OrderService orders, String symbol) throws Exception {
        String other = client.market().optionInstruments("BTC").stream().map(Instrument.Option::symbol)
                .filter(s -> s.endsWith("-C") && !s.equals(symbol)).findFirst().orElseThrow();
        ExecutionService exec = new ExecutionService(orders, client.rfq(), db, new GatewayMarketView(client.market(),
                Clock.systemUTC()), Clock.systemUTC());
        ExecutionService.Execution x = exec.submit(new ExecutionPlan(
                "crash spread", List.of(ExecutionLeg.of(symbol, Side.BUY, BigDecimal.ONE),
                ExecutionLeg.of(other, Side.SELL, BigDecimal.ONE)),
                ExecutionParams.rfq().withRfqMinWait(Duration.ofSeconds(1))
                        .withBand(new BigDecimal("0.5"), new BigDecimal("50")), null), Cause.USER);
        x.onProgress(p -> {
            if (p.step().startsWith("RFQ ")) {
                System.out.println("RFQ_ID " + p.step().split(" ")[1]);
                System.out.flush();
            }
        });
        System.out.println("CLIENT_ORDER_ID 0");
        System.out.println("OTHER " + other);
        System.out.flush();
        var r = x.result().get(40, TimeUnit.SECONDS);
        System.out.println("RESULT " + r.status() + " " + r.message());
        System.out.println("DONE");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
