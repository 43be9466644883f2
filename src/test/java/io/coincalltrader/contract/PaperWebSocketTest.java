package io.coincalltrader.contract;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.ws.Backoff;
import io.coincalltrader.exchange.ws.CoincallWebSocket;
import io.coincalltrader.exchange.ws.ConnectionStatus;
import io.coincalltrader.exchange.ws.WsEvent;
import io.coincalltrader.exchange.ws.WsSubscription;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Our WebSocket client against the paper exchange's WebSocket over loopback. */
class PaperWebSocketTest {
    private PaperExchange paper;
    private CoincallClient rest;
    private CoincallWebSocket ws;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final BlockingQueue<WsEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<ConnectionStatus.State> states = new LinkedBlockingQueue<>();
    private final AtomicInteger resyncs = new AtomicInteger();
    private final List<WsEvent> history = new ArrayList<>();

    @BeforeEach
    void start() {
        paper = PaperExchange.start(PaperConfig.defaults().withDemoBook(false).withTickInterval(Duration.ofMillis(100)));
        Credentials keys = new Credentials(paper.apiKey(), paper.apiSecret());
        rest = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), keys));
        ws = new CoincallWebSocket(new OkHttpClient(), paper.optionsWebSocketUrl(), keys, Clock.systemUTC(), new Random(3), scheduler,
                Duration.ofSeconds(5), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(10)));
        ws.onEvent(events::add);
        ws.onStatus(s -> states.add(s.state()));
        ws.setResyncListener(resyncs::incrementAndGet);
    }

    @AfterEach
    void stop() {
        ws.close();
        scheduler.shutdownNow();
        rest.close();
        paper.close();
    }

    private void awaitState(ConnectionStatus.State wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (states.poll(100, TimeUnit.MILLISECONDS) == wanted) {
                return;
            }
        }
        throw new AssertionError("never reached " + wanted + "; now " + ws.status());
    }

    /** Waits until {@code count} matching events have arrived; earlier events are kept, not consumed. */
    private <T extends WsEvent> List<T> awaitEvents(Class<T> type, Predicate<T> match, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<T> seen = matching(type, match);
        while (seen.size() < count && System.nanoTime() < deadline) {
            WsEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null) {
                history.add(e);
            }
            seen = matching(type, match);
        }
        assertThat(seen).as("%d %s events", count, type.getSimpleName()).hasSize(count);
        return seen;
    }

    private <T extends WsEvent> List<T> matching(Class<T> type, Predicate<T> match) {
        return history.stream().filter(type::isInstance).map(type::cast).filter(match).toList();
    }

    /** Waits until the exchange itself has registered what the client sent. */
    private void awaitExchange(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the exchange registered the client").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private String anOption() {
        return rest.market().optionInstruments("BTC").stream().map(Instrument.Option::symbol).skip(40).findFirst().orElseThrow();
    }

    @Test
    void marketPushesArriveForSubscribedInstruments() throws InterruptedException {
        String symbol = anOption();
        ws.subscribe(WsSubscription.forSymbol("bsInfo", symbol));
        ws.subscribe(WsSubscription.forSymbol("orderBook", symbol));
        ws.start();
        awaitState(ConnectionStatus.State.LIVE);
        WsEvent.Ticker ticker = awaitEvents(WsEvent.Ticker.class, t -> t.symbol().equals(symbol), 1).getFirst();
        assertThat(ticker.mark()).isPositive();
        assertThat(ticker.index()).isPositive();
        WsEvent.Book book = awaitEvents(WsEvent.Book.class, b -> b.book().symbol().equals(symbol), 1).getFirst();
        assertThat(book.book().asks()).isNotEmpty();
        assertThat(resyncs.get()).isEqualTo(1);
    }

    @Test
    void ourOrdersAndFillsArePushed() throws InterruptedException {
        String symbol = anOption();
        ws.subscribe(WsSubscription.privateChannel("order"));
        ws.subscribe(WsSubscription.privateChannel("trade"));
        ws.start();
        awaitState(ConnectionStatus.State.LIVE);
        awaitExchange(() -> paper.webSocketSubscriptions() == 2);
        BigDecimal ask = rest.market().orderBook(symbol).bestAsk().orElseThrow().price();
        // Through the ask by 2%: the book ticks every 100 ms here, and a limit at a stale ask could rest instead of fill.
        BigDecimal limit = ask.multiply(new BigDecimal("1.02")).setScale(1, java.math.RoundingMode.CEILING);
        long clientId = System.currentTimeMillis() * 1000 + 7;
        long orderId = rest.orders().place(OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, new BigDecimal("0.1"), limit, clientId));
        WsEvent.OrderUpdate update = awaitEvents(WsEvent.OrderUpdate.class, o -> o.orderId() == orderId, 1).getFirst();
        assertThat(update.clientOrderId()).isEqualTo(clientId);
        assertThat(update.filledQuantity()).isEqualByComparingTo("0.1");
        WsEvent.TradeFill fill = awaitEvents(WsEvent.TradeFill.class, f -> f.fill().orderId() == orderId, 1).getFirst();
        assertThat(fill.fill().price()).as("filled at the book, not at the limit").isLessThanOrEqualTo(limit).isPositive();
        assertThat(fill.fill().fee()).isPositive();
    }

    @Test
    void aDroppedSocketReconnectsAndResyncs() throws InterruptedException {
        ws.start();
        awaitState(ConnectionStatus.State.LIVE);
        awaitExchange(() -> paper.webSocketSessions() == 1);
        paper.faults().dropWebSockets();
        awaitState(ConnectionStatus.State.RECONNECTING);
        awaitState(ConnectionStatus.State.LIVE);
        assertThat(resyncs.get()).isEqualTo(2);
    }

    @Test
    void duplicatedPushesCarryTheSameTradeIdSoTheStoreCanDropThem() throws InterruptedException {
        String symbol = anOption();
        ws.subscribe(WsSubscription.privateChannel("trade"));
        ws.start();
        awaitState(ConnectionStatus.State.LIVE);
        awaitExchange(() -> paper.webSocketSubscriptions() == 1);
        paper.faults().duplicatePushes(true);
        BigDecimal ask = rest.market().orderBook(symbol).bestAsk().orElseThrow().price();
        long orderId = rest.orders().place(OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, new BigDecimal("0.1"), ask,
                System.currentTimeMillis() * 1000 + 9));
        List<WsEvent.TradeFill> fills = awaitEvents(WsEvent.TradeFill.class, f -> f.fill().orderId() == orderId, 2);
        assertThat(fills.get(0).fill().tradeId()).isEqualTo(fills.get(1).fill().tradeId());
    }

    @Test
    void reorderedPushesDeliverTheFillBeforeTheOrderUpdate() throws InterruptedException {
        String symbol = anOption();
        ws.subscribe(WsSubscription.privateChannel("order"));
        ws.subscribe(WsSubscription.privateChannel("trade"));
        ws.start();
        awaitState(ConnectionStatus.State.LIVE);
        awaitExchange(() -> paper.webSocketSubscriptions() == 2);
        BigDecimal ask = rest.market().orderBook(symbol).bestAsk().orElseThrow().price();
        paper.faults().reorderPushes(false);
        long normal = rest.orders().place(OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, new BigDecimal("0.1"), ask,
                System.currentTimeMillis() * 1000 + 11));
        awaitEvents(WsEvent.OrderUpdate.class, o -> o.orderId() == normal, 1);
        paper.faults().reorderPushes(true);
        long reordered = rest.orders().place(OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, new BigDecimal("0.1"), ask,
                System.currentTimeMillis() * 1000 + 13));
        awaitEvents(WsEvent.OrderUpdate.class, o -> o.orderId() == reordered, 1);
        awaitEvents(WsEvent.TradeFill.class, f -> f.fill().orderId() == reordered, 1);
        int fillAt = indexOf(e -> e instanceof WsEvent.TradeFill f && f.fill().orderId() == reordered);
        int orderAt = indexOf(e -> e instanceof WsEvent.OrderUpdate o && o.orderId() == reordered);
        int normalFillAt = indexOf(e -> e instanceof WsEvent.TradeFill f && f.fill().orderId() == normal);
        int normalOrderAt = indexOf(e -> e instanceof WsEvent.OrderUpdate o && o.orderId() == normal);
        assertThat(normalFillAt).as("in order: the fill, then the order update").isLessThan(normalOrderAt);
        assertThat(fillAt).as("the order of the pair is changed").isNotEqualTo(orderAt).isNotNegative();
        assertThat(Integer.signum(fillAt - orderAt)).isNotEqualTo(Integer.signum(normalFillAt - normalOrderAt));
    }

    private int indexOf(Predicate<WsEvent> p) {
        for (int i = 0; i < history.size(); i++) {
            if (p.test(history.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
