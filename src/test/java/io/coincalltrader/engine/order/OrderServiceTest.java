package io.coincalltrader.engine.order;

import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.paper.PaperFaults.Fault;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.NewOrder;
import io.coincalltrader.store.StoredOrder;
import io.coincalltrader.testing.EngineFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The order service against the paper exchange over HTTP, with a real store (RELIABILITY.md B1, B2, B5, B10, C4). */
class OrderServiceTest {
    private static final String CREATE = "/open/option/order/create/v1";
    private static final String QUERY = "/open/option/order/singleQuery/v1";
    private static PaperExchange paper;
    @TempDir
    Path dir;
    private EngineFixture f;
    private String symbol;

    @BeforeAll
    static void startExchange() {
        paper = PaperExchange.start(PaperConfig.defaults().withDemoBook(false));
    }

    @AfterAll
    static void stopExchange() {
        paper.close();
    }

    @BeforeEach
    void start() {
        paper.faults().clear();
        f = new EngineFixture(paper, dir, new OrderServiceConfig(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        f.orders.start();
        symbol = f.someOption();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private OrderRequest buy(BigDecimal qty, BigDecimal price) {
        return OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, qty, price, f.orders.nextClientOrderId());
    }

    private TrackedOrder place(OrderRequest r) throws Exception {
        return f.orders.place(NewOrder.of(r), Cause.USER, "test").get(5, TimeUnit.SECONDS);
    }

    private TrackedOrder finished(long id) throws Exception {
        return f.orders.finished(id).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMarketableOrderIsRecordedBeforeItLeavesAndFillsOnce() throws Exception {
        BookLevel ask = f.client.market().orderBook(symbol).bestAsk().orElseThrow();
        OrderRequest r = buy(new BigDecimal("0.1"), ask.price());
        TrackedOrder durable = place(r);
        assertThat(durable.state()).isEqualTo(OrderState.PENDING_SEND);
        TrackedOrder done = finished(r.clientOrderId());
        assertThat(done.state()).isEqualTo(OrderState.FILLED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("0.1");
        StoredOrder row = f.db.orders().byClientOrderId(r.clientOrderId()).orElseThrow();
        assertThat(row.state()).isEqualTo(OrderState.FILLED);
        assertThat(f.db.fills().forOrder(r.clientOrderId())).hasSize(1);
        assertThat(f.db.orders().events(r.clientOrderId())).extracting(e -> e.to())
                .startsWith(OrderState.PENDING_SEND, OrderState.SENT).contains(OrderState.FILLED);
        assertThat(paper.oracle().ordersWithClientId(ProductType.OPTION, Long.toString(r.clientOrderId()))).isEqualTo(1);
    }

    @Test
    void aLargeOrderFillsPartiallyAndItsFillsAreCountedOnce() throws Exception {
        OrderBook book = f.client.market().orderBook(symbol);
        BigDecimal depth = book.asks().stream().map(BookLevel::size).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal worst = book.asks().getLast().price();
        OrderRequest r = buy(depth.add(new BigDecimal("5")), worst);
        place(r);
        TrackedOrder partial = f.orders.when(r.clientOrderId(), o -> o.state() == OrderState.PARTIALLY_FILLED).get(10, TimeUnit.SECONDS);
        assertThat(partial.filledQuantity()).isPositive().isLessThan(r.quantity());
        // The rest may still trade on the next market tick (the paper book refreshes) or be cancelled: either way,
        // after many polls every fill is counted exactly once.
        f.orders.cancel(r.clientOrderId(), Cause.USER);
        TrackedOrder done = finished(r.clientOrderId());
        assertThat(done.state()).isIn(OrderState.CANCELLED, OrderState.FILLED);
        io.coincalltrader.testing.Await.until("every fill of the order recorded", Duration.ofSeconds(10), () ->
                f.db.fills().forOrder(r.clientOrderId()).stream().map(s -> s.fill().quantity()).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .compareTo(f.client.orders().byClientOrderId(ProductType.OPTION, r.clientOrderId()).orElseThrow().filledQuantity()) == 0);
        BigDecimal recorded = f.db.fills().forOrder(r.clientOrderId()).stream().map(s -> s.fill().quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal atExchange = f.client.orders().byClientOrderId(ProductType.OPTION, r.clientOrderId()).orElseThrow().filledQuantity();
        assertThat(recorded).isEqualByComparingTo(atExchange);
        assertThat(f.db.orders().byClientOrderId(r.clientOrderId()).orElseThrow().filledQuantity()).isEqualByComparingTo(atExchange);
    }

    @Test
    void aTimeoutAfterTheExchangeAcceptedIsResolvedByQueryNotByResending() throws Exception {
        int before = paper.faults().requests(CREATE);
        paper.faults().next(CREATE, new Fault.AcceptThenDelay(Duration.ofMillis(1500)));
        OrderRequest r = buy(new BigDecimal("0.1"), new BigDecimal("5"));
        place(r);
        f.orders.when(r.clientOrderId(), o -> o.state() == OrderState.IN_DOUBT).get(5, TimeUnit.SECONDS);
        TrackedOrder acked = f.orders.when(r.clientOrderId(), o -> o.state() == OrderState.ACKED).get(5, TimeUnit.SECONDS);
        assertThat(acked.exchangeOrderId()).isNotNull();
        assertThat(paper.faults().requests(CREATE) - before).as("sent once").isEqualTo(1);
        assertThat(paper.oracle().ordersWithClientId(ProductType.OPTION, Long.toString(r.clientOrderId()))).isEqualTo(1);
        f.orders.cancel(r.clientOrderId(), Cause.USER).get(5, TimeUnit.SECONDS);
        assertThat(finished(r.clientOrderId()).state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void aServerErrorOnCreateIsInDoubtUntilTheGraceWindowProvesItWasNotPlaced() throws Exception {
        int before = paper.faults().requests(CREATE);
        paper.faults().next(CREATE, new Fault.Http(503, "<html>503</html>"));
        OrderRequest r = buy(new BigDecimal("0.1"), new BigDecimal("5"));
        place(r);
        TrackedOrder done = finished(r.clientOrderId());
        assertThat(done.state()).isEqualTo(OrderState.NOT_PLACED);
        assertThat(paper.faults().requests(CREATE) - before).isEqualTo(1);
        assertThat(f.db.orders().events(r.clientOrderId())).extracting(e -> e.to()).contains(OrderState.IN_DOUBT, OrderState.NOT_PLACED);
    }

    @Test
    void aRateLimitedCreateIsNotResent() throws Exception {
        int before = paper.faults().requests(CREATE);
        paper.faults().next(CREATE, new Fault.RateLimit(1));
        OrderRequest r = buy(new BigDecimal("0.1"), new BigDecimal("5"));
        place(r);
        assertThat(finished(r.clientOrderId()).state()).isEqualTo(OrderState.NOT_PLACED);
        assertThat(paper.faults().requests(CREATE) - before).isEqualTo(1);
    }

    @Test
    void anOrderTheQueryCannotSeeYetStaysInDoubtThenIsFoundInTheBook() throws Exception {
        paper.faults().next(CREATE, new Fault.AcceptThenDelay(Duration.ofMillis(1500)));
        paper.faults().next(QUERY, new Fault.NotFoundFor(Duration.ofSeconds(10)));
        OrderRequest r = buy(new BigDecimal("0.1"), new BigDecimal("5"));
        place(r);
        TrackedOrder acked = f.orders.when(r.clientOrderId(), o -> o.state() == OrderState.ACKED).get(8, TimeUnit.SECONDS);
        assertThat(acked.state()).isEqualTo(OrderState.ACKED);
        f.orders.cancel(r.clientOrderId(), Cause.USER).get(5, TimeUnit.SECONDS);
        finished(r.clientOrderId());
    }

    @Test
    void aRefusalIsFinalAndSaysWhy() throws Exception {
        OrderRequest r = buy(new BigDecimal("0.0001"), new BigDecimal("5"));
        place(r);
        TrackedOrder done = finished(r.clientOrderId());
        assertThat(done.state()).isEqualTo(OrderState.REJECTED);
        assertThat(done.rejectMessage()).isNotBlank();
    }

    @Test
    void anAmendChangesPriceAtTheExchange() throws Exception {
        OrderRequest r = buy(new BigDecimal("0.1"), new BigDecimal("5"));
        place(r);
        f.orders.when(r.clientOrderId(), o -> o.state() == OrderState.ACKED).get(5, TimeUnit.SECONDS);
        TrackedOrder amended = f.orders.amend(r.clientOrderId(), null, new BigDecimal("6"), Cause.USER).get(5, TimeUnit.SECONDS);
        assertThat(amended.request().price()).isEqualByComparingTo("6");
        assertThat(f.client.orders().byClientOrderId(ProductType.OPTION, r.clientOrderId()).orElseThrow().price()).isEqualByComparingTo("6");
        assertThat(f.db.orders().byClientOrderId(r.clientOrderId()).orElseThrow().price()).isEqualByComparingTo("6");
        f.orders.cancel(r.clientOrderId(), Cause.USER).get(5, TimeUnit.SECONDS);
        finished(r.clientOrderId());
    }
}
