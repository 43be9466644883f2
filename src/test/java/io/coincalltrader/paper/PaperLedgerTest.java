package io.coincalltrader.paper;

import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.paper.market.OptionListing;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.paper.trading.OrderSpec;
import io.coincalltrader.paper.trading.PaperLedger;
import io.coincalltrader.paper.trading.PaperOrder;
import io.coincalltrader.paper.trading.PaperPosition;
import io.coincalltrader.paper.trading.PaperTrade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The paper market and ledger on explicit instants: no threads, no waiting. */
class PaperLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private final AtomicLong ids = new AtomicLong(1000);
    private final List<PaperTrade> trades = new ArrayList<>();
    private final PaperMarket market = new PaperMarket(7, T0);
    private final PaperLedger ledger = new PaperLedger(market, new BigDecimal("100000"), ids::incrementAndGet, new PaperLedger.LedgerEvents() {
        @Override
        public void orderChanged(PaperOrder order) {
        }

        @Override
        public void traded(PaperTrade trade) {
            trades.add(trade);
        }

        @Override
        public void positionChanged(PaperPosition position) {
        }
    });

    private OptionListing atmCall() {
        BigDecimal index = market.index("BTC");
        return market.options("BTC").stream().filter(l -> l.name().type().name().equals("CALL"))
                .filter(l -> l.name().expiry().isAfter(T0.plus(Duration.ofDays(5))))
                .min((a, b) -> a.strike().subtract(index).abs().compareTo(b.strike().subtract(index).abs())).orElseThrow();
    }

    private OrderSpec order(String symbol, int side, String qty, String price, String tif) {
        return new OrderSpec(ProductType.OPTION, symbol, side, 1, new BigDecimal(qty), price == null ? null : new BigDecimal(price), tif,
                Long.toString(ids.incrementAndGet()), false, null);
    }

    @Test
    void theSameSeedGivesTheSameMarket() {
        PaperMarket a = new PaperMarket(42, T0);
        PaperMarket b = new PaperMarket(42, T0);
        PaperMarket c = new PaperMarket(43, T0);
        for (int i = 1; i <= 50; i++) {
            Instant t = T0.plusSeconds(60L * i);
            a.tick(t);
            b.tick(t);
            c.tick(t);
        }
        assertThat(a.index("BTC")).isEqualByComparingTo(b.index("BTC"));
        assertThat(a.index("ETH")).isEqualByComparingTo(b.index("ETH"));
        assertThat(a.index("BTC")).isNotEqualByComparingTo(c.index("BTC"));
    }

    @Test
    void listsCoincallLikeExpiriesAtEightUtcWithStrikesAroundSpot() {
        List<Instant> expiries = market.options("BTC").stream().map(l -> l.name().expiry()).distinct().sorted().toList();
        assertThat(expiries).hasSizeBetween(8, 12).allSatisfy(e -> assertThat(e.toString()).endsWith("T08:00:00Z"));
        assertThat(expiries.getFirst()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(market.options("BTC")).anySatisfy(l -> assertThat(l.strike()).isEqualByComparingTo("98000"));
    }

    @Test
    void sizeBeyondTheBookFillsPartlyAndRests() {
        OptionListing call = atmCall();
        var book = market.book(call.symbol(), T0);
        BigDecimal top = book.asks().getFirst().size();
        BigDecimal all = book.asks().stream().map(l -> l.size()).reduce(BigDecimal.ZERO, BigDecimal::add);
        PaperOrder o = ledger.place(order(call.symbol(), 1, all.add(BigDecimal.ONE).toPlainString(), book.asks().getLast().price().toPlainString(), "GTC"), T0);
        assertThat(o.filled()).isEqualByComparingTo(all);
        assertThat(o.state()).isEqualTo(PaperOrder.PARTIAL);
        assertThat(trades).hasSize(3);
        assertThat(trades.getFirst().quantity()).isEqualByComparingTo(top);
    }

    @Test
    void iocCancelsTheRestAndFokFillsAllOrNothing() {
        OptionListing call = atmCall();
        var book = market.book(call.symbol(), T0);
        String price = book.asks().getFirst().price().toPlainString();
        String tooMuch = book.asks().getFirst().size().add(BigDecimal.ONE).toPlainString();
        PaperOrder ioc = ledger.place(order(call.symbol(), 1, tooMuch, price, "IOC"), T0);
        assertThat(ioc.state()).isEqualTo(PaperOrder.CANCELED);
        assertThat(ioc.filled()).isEqualByComparingTo(book.asks().getFirst().size());
        PaperOrder fok = ledger.place(order(call.symbol(), 1, tooMuch, price, "FOK"), T0);
        assertThat(fok.state()).isEqualTo(PaperOrder.CANCELED);
        assertThat(fok.filled()).isZero();
    }

    @Test
    void postOnlyThatWouldTakeIsRefusedAndARestingOrderFillsWhenTheMarketComesToIt() {
        OptionListing call = atmCall();
        var book = market.book(call.symbol(), T0);
        OrderSpec crossing = new OrderSpec(ProductType.OPTION, call.symbol(), 1, 3, new BigDecimal("0.1"), book.asks().getFirst().price(),
                "GTC", "77", false, null);
        assertThat(ledger.place(crossing, T0).state()).isEqualTo(PaperOrder.INVALID);
        PaperOrder resting = ledger.place(order(call.symbol(), 1, "0.1", book.bids().getFirst().price().toPlainString(), "GTC"), T0);
        assertThat(resting.state()).isEqualTo(PaperOrder.NEW);
        // Walk the market until the ask comes down to our bid (bounded: a few simulated days).
        Instant t = T0;
        for (int i = 0; i < 2000 && resting.isOpen(); i++) {
            t = t.plusSeconds(120);
            market.tick(t);
            ledger.onTick(t);
        }
        assertThat(resting.state()).isIn(PaperOrder.FILLED, PaperOrder.CANCEL_BY_EXERCISE);
    }

    @Test
    void shortOptionsNeedMarginAndRefuseBeyondIt() {
        OptionListing call = atmCall();
        assertThatThrownBy(() -> ledger.place(order(call.symbol(), 2, "50", "0.1", "GTC"), T0))
                .isInstanceOfSatisfying(PaperError.class, e -> assertThat(e.code()).isEqualTo(10529));
        ledger.place(order(call.symbol(), 2, "1", "0.1", "GTC"), T0);
        var account = ledger.account(T0);
        assertThat(account.initialMargin()).isGreaterThan(market.index("BTC").multiply(new BigDecimal("0.10")));
        assertThat(account.maintenanceMargin()).isLessThan(account.initialMargin());
    }

    @Test
    void expiredOptionsSettleToIntrinsicAtTheIndex() {
        OptionListing daily = market.options("BTC").stream().filter(l -> l.name().type().name().equals("CALL"))
                .filter(l -> l.strike().compareTo(market.index("BTC").subtract(new BigDecimal("5000"))) <= 0)
                .min((a, b) -> a.name().expiry().compareTo(b.name().expiry())).orElseThrow();
        ledger.fillDirect(daily.symbol(), 1, BigDecimal.ONE, market.mark(daily.symbol(), T0), false, T0, null);
        Instant after = daily.name().expiry().plusSeconds(1);
        market.tick(after);
        BigDecimal cashBefore = ledger.account(after).cash();
        ledger.onTick(after);
        market.delistExpired(after);
        BigDecimal intrinsic = market.index("BTC").subtract(daily.strike()).max(BigDecimal.ZERO);
        assertThat(ledger.positions()).noneMatch(p -> p.symbol().equals(daily.symbol()));
        assertThat(ledger.account(after).cash().subtract(cashBefore)).isEqualByComparingTo(intrinsic);
        assertThat(market.option(daily.symbol())).isEmpty();
    }

    @Test
    void refusesWhatCoincallRefuses() {
        OptionListing call = atmCall();
        assertThatThrownBy(() -> ledger.place(order(call.symbol(), 1, "0.001", "10", "GTC"), T0))
                .isInstanceOfSatisfying(PaperError.class, e -> assertThat(e.code()).isEqualTo(10558));
        assertThatThrownBy(() -> ledger.place(order(call.symbol(), 1, "1", "10.05", "GTC"), T0))
                .isInstanceOfSatisfying(PaperError.class, e -> assertThat(e.getMessage()).contains("tick"));
        assertThatThrownBy(() -> ledger.place(order(call.symbol(), 1, "2000", "10", "GTC"), T0))
                .isInstanceOfSatisfying(PaperError.class, e -> assertThat(e.code()).isEqualTo(10534));
        OrderSpec reduce = new OrderSpec(ProductType.OPTION, call.symbol(), 2, 1, BigDecimal.ONE, BigDecimal.TEN, "GTC", "5", true, null);
        assertThatThrownBy(() -> ledger.place(reduce, T0)).isInstanceOfSatisfying(PaperError.class,
                e -> assertThat(e.getMessage()).contains("reduce only"));
    }

    @Test
    void datedFuturesTradeAboveTheIndexAndSettleAtDelivery() {
        var futures = market.datedFutures();
        assertThat(futures).hasSize(4).allSatisfy(f -> assertThat(f.delivery().toString()).endsWith("T08:00:00Z"));
        var first = futures.stream().filter(f -> f.base().equals("BTC")).findFirst().orElseThrow();
        assertThat(first.text()).isEqualTo("BTCUSD-25DEC26");
        assertThat(market.mark(first.text(), T0)).isGreaterThan(market.index("BTC"));
        ledger.fillDirect(first.text(), 1, new BigDecimal("0.5"), market.mark(first.text(), T0), false, T0, null);
        Instant delivery = first.delivery().plusSeconds(1);
        market.tick(delivery);
        BigDecimal expected = market.index("BTC").subtract(trades.getLast().price()).multiply(new BigDecimal("0.5"));
        BigDecimal cashBefore = ledger.account(delivery).cash();
        ledger.onTick(delivery);
        market.delistExpired(delivery);
        assertThat(ledger.positions()).noneMatch(p -> p.symbol().equals(first.text()));
        assertThat(ledger.account(delivery).cash().subtract(cashBefore)).isEqualByComparingTo(expected);
        assertThat(market.isListed(first.text())).isFalse();
    }

    @Test
    void theTapeShowsOurTradesAndOtherTraders() {
        OptionListing call = atmCall();
        ledger.fillDirect(call.symbol(), 1, new BigDecimal("0.3"), market.mark(call.symbol(), T0), true, T0, null);
        assertThat(market.lastTrades(call.symbol())).first().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("0.3");
            assertThat(p.takerSide()).isEqualTo(1);
        });
        for (int i = 1; i <= 20; i++) {
            market.tick(T0.plusSeconds(i));
        }
        assertThat(market.lastTrades("BTCUSD")).hasSize(20);
        assertThat(market.lastTrades("BTCUSD").getFirst().time()).isEqualTo(T0.plusSeconds(20));
    }
}
