package io.coincalltrader.engine.execution;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.execution.ExecutionResult.Status;
import io.coincalltrader.engine.order.OrderServiceConfig;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.paper.trading.PaperOrder;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.JournalFilter;
import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.testing.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The three execution modes and the legging policy, against the paper exchange over HTTP with a real store. */
class ExecutionServiceTest {
    private PaperExchange paper;
    @TempDir
    Path dir;
    private EngineFixture f;
    private ExecutionService exec;
    private List<String> calls;

    @BeforeEach
    void start() {
        // A fresh exchange per test: every test starts flat.
        paper = PaperExchange.start(PaperConfig.defaults().withDemoBook(false).withMakerDelay(Duration.ofMillis(200)));
        f = new EngineFixture(paper, dir, new OrderServiceConfig(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        f.orders.start();
        exec = new ExecutionService(f.orders, f.client.rfq(), f.db,
                new GatewayMarketView(f.client.market(), Clock.systemUTC()), Clock.systemUTC());
        // Liquid calls near the money of the nearest expiry, by strike: a call spread's two legs.
        calls = f.client.market().optionInstruments("BTC").stream().map(Instrument.Option::symbol)
                .filter(s -> s.endsWith("-C")).filter(s -> book(s).bestAsk().isPresent() && book(s).bestBid().isPresent())
                .limit(2).toList();
    }

    @AfterEach
    void stop() {
        exec.close();
        f.close();
        paper.close();
    }

    private OrderBook book(String s) {
        return f.client.market().orderBook(s);
    }

    private ExecutionResult run(ExecutionPlan plan) throws Exception {
        ExecutionService.Execution x = exec.submit(plan, Cause.USER);
        return x.result().get(90, TimeUnit.SECONDS);
    }

    private List<PaperOrder> exchangeOrders(String symbol) {
        return paper.oracle().orders(ProductType.OPTION).stream().filter(o -> o.symbol().equals(symbol)).toList();
    }

    @Test
    void aggressiveBuyFillsWithinTheBandAndNeverRestsAnOrder() throws Exception {
        String s = calls.getFirst();
        BigDecimal mark = f.client.market().optionDetail(s).markPrice();
        ExecutionResult r = run(new ExecutionPlan("buy call", List.of(ExecutionLeg.of(s, Side.BUY, new BigDecimal("0.5"))),
                ExecutionParams.aggressive(), null));

        assertThat(r.status()).isEqualTo(Status.FILLED);
        assertThat(r.legs().getFirst().filled()).isEqualByComparingTo("0.5");
        BigDecimal band = mark.multiply(new BigDecimal("0.05")).max(new BigDecimal("5"));
        assertThat(r.legs().getFirst().averagePrice()).isLessThanOrEqualTo(mark.add(band).add(new BigDecimal("50")));
        assertThat(exchangeOrders(s)).allSatisfy(o -> {
            assertThat(o.timeInForce()).isEqualTo("IOC");
            assertThat(o.isOpen()).isFalse();
        });
        assertThat(paper.oracle().positions().get(s)).isEqualByComparingTo("0.5");
    }

    @Test
    void limitOrderIsRequotedTowardsTheOfferUntilItFills() throws Exception {
        String s = calls.getFirst();
        ExecutionParams p = ExecutionParams.limit().withReference(PriceReference.MARK).withRequote(Duration.ofMillis(300), 500)
                .withBand(new BigDecimal("0.30"), new BigDecimal("20")).withTimeout(Duration.ofSeconds(40));
        BigDecimal bid = book(s).bestBid().orElseThrow().price();
        ExecutionResult r = run(new ExecutionPlan("buy call", List.of(ExecutionLeg.of(s, Side.BUY, BigDecimal.ONE).withPrice(bid)),
                p.withReference(PriceReference.EXPLICIT), null));

        assertThat(r.status()).isEqualTo(Status.FILLED);
        assertThat(r.legs().getFirst().clientOrderIds()).hasSize(1);
        PaperOrder o = exchangeOrders(s).getFirst();
        assertThat(o.price()).as("amended up from the bid").isGreaterThan(bid);
        assertThat(f.db.journal().since(Instant.EPOCH, JournalFilter.all()))
                .anySatisfy(e -> assertThat(e.message()).startsWith("Amend requested"));
        assertThat(paper.oracle().ordersWithClientId(ProductType.OPTION, String.valueOf(r.legs().getFirst().clientOrderIds().getFirst())))
                .isEqualTo(1);
    }

    @Test
    void limitOrderThatCannotFillIsCancelledAtTheTimeout() throws Exception {
        String s = calls.getFirst();
        BigDecimal low = book(s).bestBid().orElseThrow().price().divide(BigDecimal.valueOf(4), 0, java.math.RoundingMode.DOWN).max(BigDecimal.ONE);
        ExecutionParams p = ExecutionParams.limit().withReference(PriceReference.EXPLICIT).withTimeout(Duration.ofSeconds(2));
        ExecutionResult r = run(new ExecutionPlan("cheap bid", List.of(new ExecutionLeg(s, Side.BUY, BigDecimal.ONE, low, low)), p, null));

        assertThat(r.status()).isEqualTo(Status.NOT_FILLED);
        assertThat(exchangeOrders(s)).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(PaperOrder.CANCELED);
            assertThat(o.price()).isEqualByComparingTo(low);
        });
    }

    @Test
    void onelegFilledOtherNotIsFlattenedByPolicy() throws Exception {
        String filled = calls.get(0);
        String stuck = calls.get(1);
        BigDecimal ask = book(filled).bestAsk().orElseThrow().price();
        BigDecimal low = BigDecimal.ONE;
        ExecutionParams p = ExecutionParams.limit().withReference(PriceReference.EXPLICIT).withRequote(null, 1)
                .withTimeout(Duration.ofSeconds(3)).withLegging(1, LeggingPolicy.FLATTEN);
        ExecutionResult r = run(new ExecutionPlan("spread", List.of(
                new ExecutionLeg(filled, Side.BUY, BigDecimal.ONE, ask.multiply(new BigDecimal("1.02")).setScale(0, java.math.RoundingMode.UP), null),
                new ExecutionLeg(stuck, Side.SELL, BigDecimal.ONE, new BigDecimal("900000"), new BigDecimal("900000"))), p, "S1"));

        assertThat(r.status()).as(r.message()).isEqualTo(Status.NOT_FILLED);
        assertThat(r.message()).contains("unwound");
        assertThat(r.legs().getFirst().filled()).isEqualByComparingTo("1");
        assertThat(r.legs().getFirst().unwound()).isEqualByComparingTo("1");
        assertThat(paper.oracle().positions().getOrDefault(filled, BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(paper.oracle().positions().getOrDefault(stuck, BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void alertPolicyLeavesTheExposureAndSaysWhat() throws Exception {
        String filled = calls.get(0);
        String stuck = calls.get(1);
        BigDecimal ask = book(filled).bestAsk().orElseThrow().price();
        ExecutionParams p = ExecutionParams.aggressive().withTimeout(Duration.ofSeconds(3)).withLegging(0, LeggingPolicy.ALERT);
        ExecutionResult r = run(new ExecutionPlan("spread", List.of(
                ExecutionLeg.of(filled, Side.BUY, BigDecimal.ONE),
                new ExecutionLeg(stuck, Side.SELL, BigDecimal.ONE, null, new BigDecimal("900000"))), p, "S2"));

        assertThat(r.status()).isEqualTo(Status.EXPOSED);
        assertThat(r.exposure()).singleElement().satisfies(e -> {
            assertThat(e.symbol()).isEqualTo(filled);
            assertThat(e.quantity()).isEqualByComparingTo("1");
        });
        assertThat(paper.oracle().positions().get(filled)).isEqualByComparingTo("1");
        assertThat(f.db.journal().since(Instant.EPOCH, JournalFilter.all()))
                .anySatisfy(e -> assertThat(e.message()).startsWith("Legging exposure left open"));
        assertThat(ask).isPositive();
    }

    @Test
    void rfqAcceptsTheBestQuoteInsideTheBandOnce() throws Exception {
        ExecutionParams p = ExecutionParams.rfq().withRfqMinWait(Duration.ofSeconds(1)).withTimeout(Duration.ofSeconds(30))
                .withBand(new BigDecimal("0.5"), new BigDecimal("50"));
        ExecutionResult r = run(new ExecutionPlan("call spread", List.of(
                ExecutionLeg.of(calls.get(0), Side.BUY, BigDecimal.ONE), ExecutionLeg.of(calls.get(1), Side.SELL, BigDecimal.ONE)), p, "S3"));

        assertThat(r.status()).as(r.message()).isEqualTo(Status.FILLED);
        assertThat(r.blockTradeId()).isNotNull();
        assertThat(paper.oracle().blockTrades()).filteredOn(b -> b.requestId().equals(r.rfqId())).hasSize(1);
        assertThat(paper.oracle().positions().get(calls.get(0))).isEqualByComparingTo("1");
        assertThat(paper.oracle().positions().get(calls.get(1))).isEqualByComparingTo("-1");
        StoredRfq stored = f.db.rfqs().find(r.rfqId()).orElseThrow();
        assertThat(stored.rfq().state()).isEqualTo(RfqState.FILLED);
        assertThat(stored.quotes()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r.legs()).allSatisfy(l -> assertThat(l.filled()).isEqualByComparingTo("1"));
        assertThat(f.db.fills().since(Instant.EPOCH)).extracting(x -> x.fill().symbol()).containsExactlyInAnyOrder(calls.get(0), calls.get(1));
    }

    @Test
    void rfqWhoseFirstLegIsSoldTradesTheStructureAsAskedNotItsReverse() throws Exception {
        // Closing a long call spread lists the sale first; the quote taken must sell that leg and buy the other.
        ExecutionParams p = ExecutionParams.rfq().withRfqMinWait(Duration.ofSeconds(1)).withTimeout(Duration.ofSeconds(30))
                .withBand(new BigDecimal("0.5"), new BigDecimal("50"));
        ExecutionResult r = run(new ExecutionPlan("short call spread", List.of(
                ExecutionLeg.of(calls.get(0), Side.SELL, BigDecimal.ONE), ExecutionLeg.of(calls.get(1), Side.BUY, BigDecimal.ONE)), p, null));

        assertThat(r.status()).as(r.message()).isEqualTo(Status.FILLED);
        assertThat(paper.oracle().positions().get(calls.get(0))).isEqualByComparingTo("-1");
        assertThat(paper.oracle().positions().get(calls.get(1))).isEqualByComparingTo("1");
        assertThat(f.db.rfqs().find(r.rfqId()).orElseThrow().packageMark()).isNotNull();
    }

    @Test
    void rfqWithNoQuoteInsideATightBandIsCancelledAtTheTimeout() throws Exception {
        ExecutionParams p = ExecutionParams.rfq().withRfqMinWait(Duration.ofMillis(500)).withTimeout(Duration.ofSeconds(3))
                .withBand(new BigDecimal("0.000001"), new BigDecimal("0.000001"));
        ExecutionResult r = run(new ExecutionPlan("straddle-ish", List.of(
                ExecutionLeg.of(calls.get(0), Side.BUY, BigDecimal.ONE), ExecutionLeg.of(calls.get(1), Side.BUY, BigDecimal.ONE)), p, null));

        assertThat(r.status()).isEqualTo(Status.NOT_FILLED);
        assertThat(paper.oracle().blockTrades()).noneMatch(b -> b.requestId().equals(r.rfqId()));
        assertThat(f.db.rfqs().find(r.rfqId()).orElseThrow().rfq().state()).isEqualTo(RfqState.CANCELLED);
        assertThat(paper.oracle().positions().keySet()).doesNotContain(calls.get(0));
    }

    @Test
    void rfqBelowTheMinimumNotionalFailsWithTheExchangesReason() throws Exception {
        String cheapest = calls.stream().min(Comparator.naturalOrder()).orElseThrow();
        ExecutionResult r = run(new ExecutionPlan("tiny", List.of(ExecutionLeg.of(cheapest, Side.BUY, new BigDecimal("0.01"))),
                ExecutionParams.rfq(), null));

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.message()).isNotBlank();
    }
}
