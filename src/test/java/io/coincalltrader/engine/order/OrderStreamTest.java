package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.ws.Backoff;
import io.coincalltrader.exchange.ws.CoincallWebSocket;
import io.coincalltrader.exchange.ws.ConnectionStatus;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.FillSource;
import io.coincalltrader.store.NewOrder;
import io.coincalltrader.store.StoredFill;
import io.coincalltrader.testing.Await;
import io.coincalltrader.testing.EngineFixture;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills pushed on the private WebSocket (RELIABILITY.md: duplicates, reordering, a drop during fills): each trade
 * recorded once, the order complete, nothing lost while the socket was down.
 */
class OrderStreamTest {
    @TempDir
    Path dir;
    private PaperExchange paper;
    private EngineFixture f;
    private CoincallWebSocket socket;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private String symbol;

    @BeforeEach
    void start() throws Exception {
        paper = PaperExchange.start(PaperConfig.defaults().withDemoBook(false).withTickInterval(Duration.ofMillis(100)));
        // Slow polling: the socket is the fast path; polling is the safety net.
        f = new EngineFixture(paper, dir, new OrderServiceConfig(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        f.orders.start();
        socket = new CoincallWebSocket(new OkHttpClient(), paper.optionsWebSocketUrl(), new Credentials(paper.apiKey(), paper.apiSecret()),
                Clock.systemUTC(), new Random(5), scheduler, Duration.ofSeconds(5), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(10)));
        new OrderStream(socket, f.orders).start();
        Await.until("the socket live with both private channels", Duration.ofSeconds(5),
                () -> socket.status().state() == ConnectionStatus.State.LIVE && paper.webSocketSubscriptions() >= 2);
        symbol = f.someOption();
    }

    @AfterEach
    void stop() {
        socket.close();
        scheduler.shutdownNow();
        f.close();
        paper.close();
    }

    private long buyThroughTheOffer(String qty) throws Exception {
        BigDecimal ask = f.client.market().orderBook(symbol).bestAsk().orElseThrow().price();
        long id = f.orders.nextClientOrderId();
        f.orders.place(NewOrder.of(OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, new BigDecimal(qty),
                ask.multiply(new BigDecimal("1.1")).setScale(0, RoundingMode.UP), id)), Cause.USER, "test").get(5, TimeUnit.SECONDS);
        return id;
    }

    private void assertEachTradeRecordedOnce(long clientId) {
        TrackedOrder o = f.orders.when(clientId, x -> true).join();
        Await.until("the exchange's trades of the order recorded", Duration.ofSeconds(5), () -> f.db.fills().forOrder(clientId).size()
                >= paper.oracle().trades().stream().filter(t -> t.orderId() == o.exchangeOrderId()).count());
        List<String> exchange = paper.oracle().trades().stream().filter(t -> t.orderId() == o.exchangeOrderId()).map(t -> Long.toString(t.tradeId())).sorted().toList();
        List<String> recorded = f.db.fills().forOrder(clientId).stream().map(s -> s.fill().tradeId()).sorted().toList();
        assertThat(recorded).isEqualTo(exchange).isNotEmpty();
        assertThat(o.filledQuantity()).isEqualByComparingTo(f.db.fills().forOrder(clientId).stream().map(s -> s.fill().quantity())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aPushedFillCompletesTheOrderBeforeAnyPollAndDuplicatesCountOnce() throws Exception {
        paper.faults().duplicatePushes(true);
        long id = buyThroughTheOffer("0.1");
        TrackedOrder done = f.orders.when(id, o -> o.state() == OrderState.FILLED).get(2, TimeUnit.SECONDS); // polls come every 3 s
        assertThat(done.filledQuantity()).isEqualByComparingTo("0.1");
        assertEachTradeRecordedOnce(id);
        assertThat(f.db.fills().forOrder(id)).extracting(StoredFill::source).contains(FillSource.WS);
    }

    @Test
    void anOrderUpdateAheadOfItsFillWaitsForTheFill() throws Exception {
        paper.faults().reorderPushes(true);
        long id = buyThroughTheOffer("0.1");
        TrackedOrder done = f.orders.when(id, o -> o.state() == OrderState.FILLED).get(5, TimeUnit.SECONDS);
        assertThat(done.filledQuantity()).isEqualByComparingTo("0.1");
        assertEachTradeRecordedOnce(id);
    }

    @Test
    void fillsWhileTheSocketIsDownAreRecoveredOnceByPollingAndResync() throws Exception {
        paper.faults().silenceWebSockets(true);
        long id = buyThroughTheOffer("0.1");
        paper.faults().dropWebSockets();
        paper.faults().silenceWebSockets(false);
        TrackedOrder done = f.orders.when(id, o -> o.state() == OrderState.FILLED).get(15, TimeUnit.SECONDS);
        assertThat(done.filledQuantity()).isEqualByComparingTo("0.1");
        assertEachTradeRecordedOnce(id);
        assertThat(paper.oracle().ordersWithClientId(ProductType.OPTION, Long.toString(id))).isEqualTo(1);
    }
}
