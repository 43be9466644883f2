package io.coincalltrader.contract;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.ExchangeRejectedException;
import io.coincalltrader.exchange.OrderGateway;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every client call against the paper exchange over real HTTP on loopback. */
class PaperContractTest {
    private static PaperExchange paper;
    private static CoincallClient client;
    private static final AtomicLong clientIds = new AtomicLong(System.currentTimeMillis() * 1000);

    @BeforeAll
    static void start() {
        paper = PaperExchange.start(PaperConfig.defaults().withMakerDelay(Duration.ofMillis(100)).withTickInterval(Duration.ofMillis(50)));
        client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), new Credentials(paper.apiKey(), paper.apiSecret())));
    }

    @AfterAll
    static void stop() {
        client.close();
        paper.close();
    }

    private static Instrument.Option nearMoneyCall() {
        List<Instrument.Option> options = client.market().optionInstruments("BTC");
        BigDecimal index = client.market().indexPrice("BTCUSD");
        Instant expiry = options.stream().map(Instrument.Option::expiry).sorted().skip(3).findFirst().orElseThrow();
        return options.stream().filter(o -> o.expiry().equals(expiry) && o.type().name().equals("CALL"))
                .min((a, b) -> a.strike().subtract(index).abs().compareTo(b.strike().subtract(index).abs())).orElseThrow();
    }

    @Test
    void publicMarketData() {
        assertThat(client.serverTime()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofSeconds(5)));
        assertThat(client.market().optionRules()).containsKeys("BTCUSD", "ETHUSD");
        Instrument.Option call = nearMoneyCall();
        assertThat(call.spec().tickSize()).isEqualByComparingTo("0.1");
        var chain = client.market().optionChain("BTCUSD", call.expiry());
        assertThat(chain.options()).isNotEmpty().allSatisfy(q -> {
            assertThat(q.markPrice()).isPositive();
            assertThat(q.expiry()).isEqualTo(call.expiry());
        });
        var detail = client.market().optionDetail(call.symbol());
        assertThat(detail.iv()).isBetween(0.1, 3.0);
        var book = client.market().orderBook(call.symbol());
        assertThat(book.bestAsk().orElseThrow().price()).isGreaterThan(book.bestBid().orElseThrow().price());
        assertThat(client.market().orderBook("BTCUSD").asks()).isNotEmpty();
        assertThat(client.market().orderBook("ETHUSDT").bids()).isNotEmpty();
        assertThat(client.market().futuresTickers()).extracting(t -> t.symbol()).contains("BTCUSD", "ETHUSD");
        assertThat(client.market().futuresInstruments()).isNotEmpty();
        assertThat(client.market().spotInstruments()).hasSize(2);
        paper.tickNow();
        assertThat(client.market().lastTrades("BTCUSD")).isNotEmpty().allSatisfy(t -> {
            assertThat(t.price()).isPositive();
            assertThat(t.side()).isNotNull();
        });
        assertThat(client.market().futuresTickers()).extracting(t -> t.symbol()).anyMatch(s -> s.matches("BTCUSD-\\d{1,2}[A-Z]{3}\\d{2}"));
    }

    @Test
    void demoBookAndAccount() {
        var summary = client.account().summary();
        assertThat(summary.equity()).isPositive();
        assertThat(summary.initialMargin()).isPositive();
        assertThat(client.account().wallet()).singleElement().satisfies(c -> assertThat(c.coin()).isEqualTo("USDT"));
        assertThat(client.account().optionPositions()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(client.account().futuresPositions()).singleElement().satisfies(p -> assertThat(p.symbol()).isEqualTo("BTCUSD"));
        assertThat(client.account().apiKeyInfo().readOnly()).isFalse();
    }

    @Test
    void marketableOrderFillsAndShowsInHistoryAndPositions() {
        Instrument.Option call = nearMoneyCall();
        BigDecimal ask = client.market().orderBook(call.symbol()).bestAsk().orElseThrow().price();
        // Through the ask by 2%: the book ticks every 50 ms here, and a limit at a stale ask could rest instead of fill.
        BigDecimal limit = ask.multiply(new BigDecimal("1.02")).setScale(1, java.math.RoundingMode.CEILING);
        long clientId = clientIds.incrementAndGet();
        long id = client.orders().place(OrderRequest.limit(ProductType.OPTION, call.symbol(), Side.BUY, new BigDecimal("0.1"), limit, clientId));
        var order = client.orders().byClientOrderId(ProductType.OPTION, clientId).orElseThrow();
        assertThat(order.orderId()).isEqualTo(id);
        assertThat(order.state()).isEqualTo(ExchangeOrderState.FILLED);
        assertThat(order.averagePrice()).as("filled at the book, not at the limit").isLessThanOrEqualTo(limit).isPositive();
        var fills = client.orders().fills(ProductType.OPTION, OrderGateway.HistoryQuery.since(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60)));
        assertThat(fills.items()).anySatisfy(f -> assertThat(f.orderId()).isEqualTo(id));
        assertThat(client.account().optionPositions()).anySatisfy(p -> assertThat(p.symbol()).isEqualTo(call.symbol()));
        assertThat(client.orders().history(ProductType.OPTION, OrderGateway.HistoryQuery.since(null, null)).items())
                .anySatisfy(o -> assertThat(o.orderId()).isEqualTo(id));
    }

    @Test
    void restingOrderCanBeAmendedAndCancelled() {
        Instrument.Option call = nearMoneyCall();
        BigDecimal bid = client.market().orderBook(call.symbol()).bestBid().orElseThrow().price();
        BigDecimal low = bid.multiply(new BigDecimal("0.5")).setScale(1, java.math.RoundingMode.DOWN);
        long clientId = clientIds.incrementAndGet();
        long id = client.orders().place(OrderRequest.limit(ProductType.OPTION, call.symbol(), Side.BUY, new BigDecimal("0.2"), low, clientId));
        assertThat(client.orders().openOrders(ProductType.OPTION, "BTC")).anySatisfy(o -> assertThat(o.orderId()).isEqualTo(id));
        client.orders().amend(ProductType.OPTION, call.symbol(), id, new BigDecimal("0.3"), low.subtract(new BigDecimal("0.1")));
        assertThat(client.orders().byId(ProductType.OPTION, id).orElseThrow().quantity()).isEqualByComparingTo("0.3");
        client.orders().cancelByClientOrderId(ProductType.OPTION, clientId);
        assertThat(client.orders().byId(ProductType.OPTION, id).orElseThrow().state()).isEqualTo(ExchangeOrderState.CANCELED);
        assertThat(client.orders().openOrders(ProductType.OPTION, "BTC")).noneSatisfy(o -> assertThat(o.orderId()).isEqualTo(id));
    }

    @Test
    void refusalsCarryCoincallsCodes() {
        Instrument.Option call = nearMoneyCall();
        long clientId = clientIds.incrementAndGet();
        assertThatThrownBy(() -> client.orders().place(OrderRequest.limit(ProductType.OPTION, call.symbol(), Side.BUY,
                new BigDecimal("0.001"), new BigDecimal("10"), clientId)))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.code()).isEqualTo(10558));
        assertThatThrownBy(() -> client.orders().place(OrderRequest.limit(ProductType.OPTION, "BTCUSD-1JAN20-1000-C", Side.BUY,
                new BigDecimal("1"), new BigDecimal("10"), clientIds.incrementAndGet())))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.code()).isEqualTo(40034));
        assertThat(client.orders().byClientOrderId(ProductType.OPTION, 42L)).isEmpty();
        long dup = clientIds.incrementAndGet();
        BigDecimal low = new BigDecimal("0.1");
        client.orders().place(OrderRequest.limit(ProductType.OPTION, call.symbol(), Side.BUY, new BigDecimal("0.1"), low, dup));
        assertThatThrownBy(() -> client.orders().place(OrderRequest.limit(ProductType.OPTION, call.symbol(), Side.BUY, new BigDecimal("0.1"), low, dup)))
                .isInstanceOf(ExchangeRejectedException.class).hasMessageContaining("clientOrderId");
    }

    @Test
    void futuresStopAndBatchAndCancelAll() {
        long stopId = clientIds.incrementAndGet();
        client.orders().place(new OrderRequest(ProductType.FUTURE, "BTCUSD", Side.SELL, OrderType.STOP_MARKET, new BigDecimal("0.01"),
                null, null, stopId, false, new BigDecimal("1000")));
        assertThat(client.orders().byClientOrderId(ProductType.FUTURE, stopId).orElseThrow().state()).isEqualTo(ExchangeOrderState.WAITING_EFFECT);
        client.orders().cancelAll(ProductType.FUTURE, "BTCUSD");
        assertThat(client.orders().openOrders(ProductType.FUTURE, "BTCUSD")).isEmpty();

        Instrument.Option call = nearMoneyCall();
        List<OrderRequest> batch = List.of(
                OrderRequest.limit(ProductType.OPTION, call.symbol(), Side.BUY, new BigDecimal("0.1"), new BigDecimal("0.1"), clientIds.incrementAndGet()),
                OrderRequest.limit(ProductType.OPTION, call.symbol(), Side.BUY, new BigDecimal("0.001"), new BigDecimal("0.1"), clientIds.incrementAndGet()));
        var results = client.orders().placeBatch(batch);
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(1).code()).isEqualTo(10558);
        var cancelled = client.orders().cancelBatch(List.of(results.get(0).orderId()));
        assertThat(cancelled).singleElement().satisfies(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void rfqFromSeveralMakersAcceptedFillsEveryLeg() {
        Instrument.Option call = nearMoneyCall();
        String put = call.symbol().substring(0, call.symbol().length() - 1) + "P";
        List<RfqLeg> legs = List.of(new RfqLeg(call.symbol(), Side.BUY, BigDecimal.ONE), new RfqLeg(put, Side.SELL, BigDecimal.ONE));
        var rfq = client.rfq().create(legs);
        assertThat(rfq.state()).isEqualTo(RfqState.ACTIVE);
        List<RfqQuote> quotes = io.coincalltrader.testing.Await.value("six quotes from three makers", Duration.ofSeconds(10), () -> {
            List<RfqQuote> q = client.rfq().quotesReceived(rfq.requestId());
            return q.size() >= 6 ? java.util.Optional.of(q) : java.util.Optional.empty();
        });
        assertThat(quotes).hasSizeGreaterThanOrEqualTo(6);
        RfqQuote best = QuoteSelection.best(legs, quotes, Instant.now()).orElseThrow();
        var trade = client.rfq().accept(rfq.requestId(), best.quoteId());
        assertThat(trade.legs()).hasSize(2);
        assertThat(trade.legs()).anySatisfy(l -> {
            assertThat(l.instrumentName()).isEqualTo(call.symbol());
            assertThat(l.side()).isEqualTo(Side.BUY);
        });
        assertThat(client.rfq().blockTrades(null, 10)).anySatisfy(b -> assertThat(b.blockTradeId()).isEqualTo(trade.blockTradeId()));
        assertThat(client.rfq().list(rfq.requestId(), null, "TAKER", null, null)).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(RfqState.FILLED));
        assertThatThrownBy(() -> client.rfq().accept(rfq.requestId(), best.quoteId())).isInstanceOf(ExchangeRejectedException.class);
    }

    @Test
    void makersReQuoteOnTheirTimerCancellingTheQuotesTheyReplace() {
        try (PaperExchange fast = PaperExchange.start(PaperConfig.defaults().withMakerDelay(Duration.ofMillis(100))
                .withTickInterval(Duration.ofMillis(50)).withQuoteRefresh(Duration.ofMillis(700)));
             CoincallClient c = CoincallClient.create(CoincallConfig.of(fast.baseUrl(), new Credentials(fast.apiKey(), fast.apiSecret())))) {
            Instrument.Option call = nearMoneyCall();
            String put = call.symbol().substring(0, call.symbol().length() - 1) + "P";
            List<RfqLeg> legs = List.of(new RfqLeg(call.symbol(), Side.BUY, BigDecimal.ONE), new RfqLeg(put, Side.SELL, BigDecimal.ONE));
            var rfq = c.rfq().create(legs);
            List<RfqQuote> first = io.coincalltrader.testing.Await.value("the first maker's quotes", Duration.ofSeconds(10), () -> {
                List<RfqQuote> q = c.rfq().quotesReceived(rfq.requestId()).stream().filter(x -> "71001".equals(x.maker())).toList();
                return q.size() == 2 ? java.util.Optional.of(q) : java.util.Optional.empty();
            });
            List<RfqQuote> later = io.coincalltrader.testing.Await.value("its quotes replaced", Duration.ofSeconds(10), () -> {
                List<RfqQuote> q = c.rfq().quotesReceived(rfq.requestId()).stream().filter(x -> "71001".equals(x.maker())).toList();
                return q.size() >= 4 ? java.util.Optional.of(q) : java.util.Optional.empty();
            });
            List<String> firstIds = first.stream().map(RfqQuote::quoteId).toList();
            assertThat(later).filteredOn(q -> firstIds.contains(q.quoteId())).allSatisfy(q -> assertThat(q.state()).isEqualTo(QuoteState.CANCELLED));
            assertThat(later.stream().filter(q -> q.state() == QuoteState.OPEN).count()).as("one quote each way, never more").isLessThanOrEqualTo(2);
            assertThatThrownBy(() -> c.rfq().accept(rfq.requestId(), firstIds.getFirst())).isInstanceOf(ExchangeRejectedException.class);
        }
    }

    @Test
    void rfqBelowMinimumIsRefusedAndCancelWorks() {
        Instrument.Option call = nearMoneyCall();
        assertThatThrownBy(() -> client.rfq().create(List.of(new RfqLeg(call.symbol(), Side.BUY, new BigDecimal("0.1")))))
                .isInstanceOf(ExchangeRejectedException.class).hasMessageContaining("below the minimum");
        var rfq = client.rfq().create(List.of(new RfqLeg(call.symbol(), Side.SELL, BigDecimal.ONE)));
        client.rfq().cancel(rfq.requestId());
        assertThat(client.rfq().list(rfq.requestId(), null, null, null, null).getFirst().state()).isEqualTo(RfqState.CANCELLED);
    }

    @Test
    void aBadSignatureAndAStaleTimestampAreRefused() {
        try (CoincallClient wrong = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), new Credentials(paper.apiKey(), "wrong-secret")))) {
            assertThatThrownBy(() -> wrong.account().summary())
                    .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.code()).isEqualTo(10562));
        }
        CoincallClient late = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), new Credentials(paper.apiKey(), paper.apiSecret())));
        late.transport().setServerOffsetMillis(-60_000);
        assertThatThrownBy(() -> late.account().summary())
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.code()).isEqualTo(10557));
        late.close();
    }

    @Test
    void spotOrdersAndMakerCalls() {
        long clientId = clientIds.incrementAndGet();
        BigDecimal ask = client.market().orderBook("BTCUSDT").bestAsk().orElseThrow().price();
        long id = client.orders().place(OrderRequest.limit(ProductType.SPOT, "BTCUSDT", Side.BUY, new BigDecimal("0.001"), ask, clientId));
        var order = client.orders().byClientOrderId(ProductType.SPOT, clientId).orElseThrow();
        assertThat(order.orderId()).isEqualTo(id);
        assertThat(order.state()).isEqualTo(ExchangeOrderState.FILLED);
        assertThat(client.orders().fills(ProductType.SPOT, OrderGateway.HistoryQuery.since(null, null)).items())
                .anySatisfy(f -> assertThat(f.orderId()).isEqualTo(id));
        // The paper account is a taker: maker calls answer as Coincall does for an RFQ that is not open to quote.
        assertThat(client.rfq().myQuotes(null, "OPEN")).isEmpty();
        client.rfq().cancelAllQuotes();
        assertThatThrownBy(() -> client.rfq().createQuote(new io.coincalltrader.domain.rfq.MakerQuoteRequest("1", Side.SELL,
                List.of(new io.coincalltrader.domain.rfq.QuoteLeg(nearMoneyCall().symbol(), Side.SELL, BigDecimal.TEN, BigDecimal.ONE)))))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.code()).isEqualTo(50014));
        assertThatThrownBy(() -> client.rfq().cancelQuote("1")).isInstanceOf(ExchangeRejectedException.class);
    }

    @Test
    void futuresModifyAndSingleQuery() {
        long clientId = clientIds.incrementAndGet();
        long id = client.orders().place(OrderRequest.limit(ProductType.FUTURE, "BTCUSD", Side.BUY, new BigDecimal("0.01"), new BigDecimal("50000"), clientId));
        client.orders().amend(ProductType.FUTURE, "BTCUSD", id, new BigDecimal("0.02"), new BigDecimal("50000.5"));
        var order = client.orders().byId(ProductType.FUTURE, id).orElseThrow();
        assertThat(order.quantity()).isEqualByComparingTo("0.02");
        assertThat(order.price()).isEqualByComparingTo("50000.5");
        client.orders().cancel(ProductType.FUTURE, id);
        assertThat(client.orders().byId(ProductType.FUTURE, id).orElseThrow().state()).isEqualTo(ExchangeOrderState.CANCELED);
    }
}
