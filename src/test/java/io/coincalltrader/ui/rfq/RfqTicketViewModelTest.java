package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.MakerQuoteRequest;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.rfq.RfqTaker;
import io.coincalltrader.exchange.RfqGateway;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.StoreConfig;
import io.coincalltrader.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket's rules without a window: the notional check, leg checks, the guards at the click, stale updates. */
class RfqTicketViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 25);
    private static final List<BigDecimal> STRIKES = List.of(new BigDecimal("90000"), new BigDecimal("95000"), new BigDecimal("100000"),
            new BigDecimal("105000"), new BigDecimal("110000"));

    @TempDir
    Path dir;
    private Database db;
    private final MutableClock clock = new MutableClock(T0);
    private final StubGateway gateway = new StubGateway();
    private RfqTaker taker;
    private RfqTicketViewModel vm;
    private RfqTicketViewModel.Guards guards = RfqTicketViewModel.Guards.defaults();

    @BeforeEach
    void open() {
        db = Database.open(StoreConfig.of(dir, "vm", clock));
        taker = new RfqTaker(gateway, db, clock, Duration.ofMillis(30), () -> { });
        vm = new RfqTicketViewModel(taker, () -> guards, clock);
        vm.market(market(T0));
    }

    @AfterEach
    void close() {
        gateway.release.countDown();
        taker.close();
        db.close();
    }

    private static RfqTicketViewModel.Market market(Instant at) {
        Map<String, OptionQuote> chain = new HashMap<>();
        for (BigDecimal k : STRIKES) {
            for (OptionType t : OptionType.values()) {
                double moneyness = (k.doubleValue() - 100000) / 10000;
                double delta = t == OptionType.CALL ? 0.5 - moneyness * 0.4 : -0.5 - moneyness * 0.4;
                BigDecimal mark = BigDecimal.valueOf(Math.max(50, 3000 - Math.abs(k.doubleValue() - 100000) * 0.3));
                String s = InstrumentName.Option.of("BTC", EXPIRY, k, t).text();
                chain.put(s, new OptionQuote(s, k, t, EXPIRY.atTime(8, 0).toInstant(ZoneOffset.UTC), mark, mark.subtract(BigDecimal.TEN),
                        BigDecimal.ONE, mark.add(BigDecimal.TEN), BigDecimal.ONE, 0.55, 0.54, 0.56, new BigDecimal("100000"), null, null,
                        delta, 0.00002, 90, -40));
            }
        }
        Map<LocalDate, List<BigDecimal>> strikes = new TreeMap<>(Map.of(EXPIRY, STRIKES));
        return new RfqTicketViewModel.Market("BTC", strikes, chain, new BigDecimal("100000"),
                Map.of("BTCUSD", new BigDecimal("100010"), "BTCUSD-26MAR27", new BigDecimal("101500")),
                new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("0.001"), at);
    }

    @Test
    void theTemplateBuildsAroundTheMoneyAndTheNotionalCheckNamesTheSizeNeeded() {
        assertThat(vm.legs()).hasSize(4); // iron condor by default
        assertThat(vm.legs()).extracting(l -> l.strikeProperty().get().intValue()).containsExactly(90000, 95000, 105000, 110000);
        vm.sizeProperty().set("0.1");
        // 0.1 × (90k + 95k + 105k + 110k) = 40,000 USD < 50,000
        assertThat(vm.sizeProblemProperty().get()).startsWith("Below the exchange's RFQ minimum: notional 40,000.00 USD")
                .endsWith("A size of at least 0.13 is needed");
        assertThat(vm.sendableProperty().get()).isFalse();
        vm.sizeProperty().set("0.125");
        assertThat(vm.sizeProblemProperty().get()).isEqualTo("Leg sizes must be multiples of 0.01 contracts");
        vm.sizeProperty().set("0,5");
        assertThat(vm.sizeProblemProperty().get()).isEqualTo("Use a point for decimals: 0.5");
        vm.sizeProperty().set("0.13");
        assertThat(vm.sizeProblemProperty().get()).isNull();
        assertThat(vm.sendableProperty().get()).isTrue();
        assertThat(vm.payoffProperty().get().maxLoss()).isPositive();
    }

    @Test
    void theHedgeIsSizedFromTheDeltaOnThePerpetualOrADatedFuture() {
        vm.templateProperty().set(StructureTemplate.SINGLE); // a call at the money: delta 0.5
        vm.hedgeProperty().set(true);
        assertThat(vm.hedgeChoices()).containsExactly("BTCUSD", "BTCUSD-26MAR27");
        assertThat(vm.hedgeTextProperty().get()).startsWith("SELL 0.5 BTCUSD (perpetual) at ≈ 100,010.00");
        assertThat(vm.hedgedDeltaProperty().get()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        vm.hedgeSymbolProperty().set("BTCUSD-26MAR27");
        assertThat(vm.hedgeTextProperty().get()).startsWith("SELL 0.5 BTCUSD-26MAR27 (future) at ≈ 101,500.00");
        vm.hedgeProperty().set(false);
        assertThat(vm.hedgeTextProperty().get()).isEmpty();
        assertThat(vm.hedgedDeltaProperty().get()).isNull();
    }

    @Test
    void aLegTwiceOrWithoutAStrikeCannotBeSent() {
        vm.legs().get(1).strikeProperty().set(vm.legs().get(0).strikeProperty().get());
        vm.legs().get(1).typeProperty().set(vm.legs().get(0).typeProperty().get());
        assertThat(vm.structureProblemProperty().get()).startsWith("Each option may appear in one leg only");
        assertThat(vm.sendableProperty().get()).isFalse();
        vm.legs().get(1).strikeProperty().set(null);
        assertThat(vm.structureProblemProperty().get()).isEqualTo("Every leg needs an expiry and a strike");
    }

    @Test
    void theStrikeByDeltaIsTheListedOneNearestTheTarget() {
        TicketLeg call = vm.legs().get(2);
        assertThat(vm.strikeByDelta(call, "0.1")).isNull();
        assertThat(call.strikeProperty().get()).isEqualByComparingTo("110000"); // delta 0.5 - 1.0*0.4 = 0.1
        assertThat(vm.strikeByDelta(call, "1.5")).contains("between 0 and 1");
        assertThat(vm.strikeByDelta(call, "x")).contains("a number");
    }

    @Test
    void aQuoteIsJudgedAtTheClickAndAnAcceptInFlightRefusesMoreClicks() throws Exception {
        sendWithAQuote();
        vm.tick(clock.instant());
        RfqTicketViewModel.LadderRow row = vm.offerRows().getFirst();
        assertThat(row.row().hittable()).isTrue();

        // 31 s later, with no market read since, the marks are too old to judge the band: refused at the click.
        clock.advance(Duration.ofSeconds(31));
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.REFUSED);
        assertThat(vm.statusProperty().get()).contains("the marks are 31 s old");
        // Fresh marks, but the quote itself is now stale, though the ladder was not redrawn: the click judges it now.
        vm.market(market(clock.instant()));
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.REFUSED);
        assertThat(vm.statusProperty().get()).contains("older than the stale limit");

        guards = new RfqTicketViewModel.Guards(Duration.ofMinutes(5), new java.math.BigDecimal("0.05"), java.math.BigDecimal.ONE, false);
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.ARMED);
        assertThat(vm.offerRows().getFirst().armed()).isTrue();
        assertThat(vm.click(row)).as("the second half of a double click").isEqualTo(RfqTicketViewModel.Click.REFUSED);
        clock.advance(RfqTicketViewModel.CONFIRM_AFTER);
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.SENT);
        java.util.concurrent.LinkedBlockingQueue<Runnable> fx = new java.util.concurrent.LinkedBlockingQueue<>();
        vm.accept(row, fx::add);
        // Until the intent is durable the ticket shows nothing new, but a second click is already refused.
        assertThat(vm.acceptingProperty().get()).isFalse();
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.REFUSED);
        assertThat(vm.statusProperty().get()).startsWith("An accept is on its way");
        fx.poll(5, TimeUnit.SECONDS).run(); // the intent was written: the accept is leaving
        assertThat(vm.acceptingProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Accepting quote " + row.quoteId());

        // A refused accept: clicks are taken again, and no line still shows the quote as armed (Confirm). The answer
        // re-checks the ticket but does not price the package again (nothing it is priced from changed).
        PackageRisk.Matrix grid = vm.spotVolProperty().get();
        assertThat(grid).isNotNull();
        vm.acceptAnswered(null, new IllegalStateException("that quote is no longer open"));
        assertThat(vm.spotVolProperty().get()).isSameAs(grid);
        assertThat(vm.acceptingProperty().get()).isFalse();
        assertThat(vm.offerRows()).isNotEmpty().noneMatch(RfqTicketViewModel.LadderRow::armed);
    }

    @Test
    void inOneClickModeTheMouseDownArmsTheQuoteForTheEngineBeforeTheClickSends() throws Exception {
        RfqTaker.Live sent = sendWithAQuote();
        RfqTicketViewModel.LadderRow row = vm.offerRows().getFirst();

        vm.pressed(row); // arm-then-confirm: the arming click writes the arm, a mouse-down does nothing
        db.writer().submit(c -> null).get(5, TimeUnit.SECONDS);
        assertThat(db.rfqs().find(sent.requestId()).orElseThrow().armedQuoteId()).isNull();

        guards = new RfqTicketViewModel.Guards(Duration.ofSeconds(30), new java.math.BigDecimal("0.05"), java.math.BigDecimal.ONE, true);
        vm.pressed(row);
        db.writer().submit(c -> null).get(5, TimeUnit.SECONDS);
        assertThat(db.rfqs().find(sent.requestId()).orElseThrow().armedQuoteId()).isEqualTo(row.quoteId());
        assertThat(vm.armedQuoteProperty().get()).as("nothing shown as armed").isNull();
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.SENT);
    }

    /** The mouse-down before a click that would send has the engine keep an accept thread ready; other presses do not. */
    @Test
    void aMouseDownOnTheQuoteAClickWouldTakeHasAnAcceptThreadStandBy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "no thread stands by on one core");
        sendWithAQuote();
        RfqTicketViewModel.LadderRow row = vm.offerRows().getFirst();
        vm.pressed(row);
        assertThat(taker.acceptStandingBy()).as("a press that can only arm").isFalse();
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.ARMED);
        vm.pressed(vm.offerRows().getFirst()); // the mouse goes down on Confirm
        assertThat(taker.acceptStandingBy()).isTrue();
        assertThat(vm.click(row)).as("the second half of a double click").isEqualTo(RfqTicketViewModel.Click.REFUSED);
        assertThat(taker.acceptStandingBy()).as("a refused click stands the thread down").isFalse();
        vm.pressed(vm.offerRows().getFirst());
        assertThat(taker.acceptStandingBy()).isTrue();
        vm.moved();
        assertThat(taker.acceptStandingBy()).as("released over another quote").isFalse();
        vm.pressed(vm.offerRows().getFirst());
        assertThat(taker.acceptStandingBy()).isTrue();
        vm.released();
        assertThat(taker.acceptStandingBy()).as("released off the button: no click").isFalse();
        vm.pressed(vm.offerRows().getFirst());
        assertThat(taker.acceptStandingBy()).isTrue();
        Await.until("the thread to stop standing by once the window passes", Duration.ofSeconds(5), () -> !taker.acceptStandingBy());

        guards = new RfqTicketViewModel.Guards(Duration.ofSeconds(30), new java.math.BigDecimal("0.05"), java.math.BigDecimal.ONE, true);
        vm.pressed(vm.offerRows().getFirst());
        assertThat(taker.acceptStandingBy()).as("one-click mode: the click sends").isTrue();
        clock.advance(RfqTicketViewModel.CONFIRM_AFTER);
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.SENT);
        vm.accept(row, Runnable::run);
        Await.until("the accept taken (RfqTakerTest shows by which thread)", Duration.ofSeconds(5), () -> !taker.acceptStandingBy());
        vm.pressed(vm.offerRows().getFirst());
        assertThat(taker.acceptStandingBy()).as("nothing stands by while an accept is out").isFalse();
    }

    /** Makers re-quote (cancel, then a new quote): an armed quote its maker withdrew is disarmed, never confirmed. */
    @Test
    void aQuoteArmedAndThenReplacedByItsMakerIsDisarmed() throws Exception {
        RfqTaker.Live sent = sendWithAQuote();
        RfqTicketViewModel.LadderRow row = vm.offerRows().getFirst();
        assertThat(vm.click(row)).isEqualTo(RfqTicketViewModel.Click.ARMED);
        String armed = row.quoteId();

        RfqQuote old = gateway.quotes.getFirst();
        gateway.quotes.set(0, new RfqQuote(old.quoteId(), old.requestId(), QuoteState.CANCELLED, old.createTime(), old.expiryTime(), old.legs(),
                old.maker()));
        gateway.quote(sent.requestId(), vm.legs());
        vm.rfq(Await.value("the new quote merged", Duration.ofSeconds(2), () -> taker.get(sent.requestId())
                .filter(l -> l.quotes().stream().anyMatch(q -> !q.quoteId().equals(armed) && q.state() == QuoteState.OPEN))));

        assertThat(vm.armedQuoteProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Disarmed: the maker withdrew it");
        assertThat(vm.offerRows()).extracting(RfqTicketViewModel.LadderRow::quoteId).doesNotContain(armed);
        assertThat(vm.offerRows().getFirst().armed()).isFalse();
        clock.advance(RfqTicketViewModel.CONFIRM_AFTER);
        assertThat(vm.click(row)).as("the old line's Confirm, clicked late").isNotEqualTo(RfqTicketViewModel.Click.SENT);
    }

    @Test
    void anOlderUpdateNeverReplacesANewerOne() throws Exception {
        vm.sizeProperty().set("1");
        RfqTaker.Live sent = vm.send().get(5, TimeUnit.SECONDS);
        vm.sent(sent, null);
        gateway.quote(sent.requestId(), vm.legs());
        RfqTaker.Live newer = await(sent.requestId());
        assertThat(vm.rfq(newer)).isTrue();
        RfqTaker.Live older = new RfqTaker.Live(sent.rfq(), List.of(), null, null, null, newer.changedNanos() - 1);
        assertThat(vm.rfq(older)).isFalse();
        vm.sent(older, null);
        assertThat(vm.liveProperty().get()).isSameAs(newer);
        assertThat(vm.offerRows()).hasSize(1);
        assertThat(vm.offers()).hasSize(RfqTicketViewModel.LADDER_LINES);
    }

    /** Traded away, expired, cancelled: each is named, the ladders empty, the builder open, and no quote can be hit. */
    @Test
    void anRfqThatEndedIsShownPlainlyAndItsQuotesCannotBeHit() throws Exception {
        sendWithAQuote();
        RfqTaker.Live quoted = vm.liveProperty().get();
        RfqTicketViewModel.LadderRow row = vm.offerRows().getFirst();
        assertThat(vm.rfqStateProperty().get()).isEqualTo("Active");
        assertThat(vm.countdownProperty().get()).startsWith("expires in ");
        assertThat(vm.lockedProperty().get()).isTrue();
        Map<RfqState, String> shown = new java.util.LinkedHashMap<>();
        shown.put(RfqState.TRADED_AWAY, "Traded away");
        shown.put(RfqState.EXPIRED, "Expired");
        shown.put(RfqState.CANCELLED, "Cancelled");
        long at = quoted.changedNanos();
        for (Map.Entry<RfqState, String> end : shown.entrySet()) {
            Rfq r = quoted.rfq();
            Rfq ended = new Rfq(r.requestId(), end.getKey(), r.createTime(), r.expiryTime(), r.legs());
            assertThat(vm.rfq(new RfqTaker.Live(ended, quoted.quotes(), null, null, null, ++at))).isTrue();
            assertThat(vm.rfqStateProperty().get()).as(end.getKey().name()).isEqualTo(end.getValue());
            assertThat(vm.offerRows()).as(end.getKey().name()).isEmpty();
            assertThat(vm.ladderEmptyProperty().get()).as(end.getKey().name()).startsWith("The RFQ ");
            assertThat(vm.countdownProperty().get()).as(end.getKey().name()).isEmpty();
            assertThat(vm.lockedProperty().get()).as(end.getKey().name() + ": the structure can be edited again").isFalse();
            if (end.getKey() == RfqState.TRADED_AWAY) {
                assertThat(vm.statusProperty().get()).startsWith("Traded away: the RFQ closed with another quote taken");
            } else if (end.getKey() == RfqState.EXPIRED) {
                assertThat(vm.statusProperty().get()).contains("expired without a trade");
            }
            assertThat(vm.click(row)).as(end.getKey().name()).isEqualTo(RfqTicketViewModel.Click.REFUSED);
        }
    }

    /** Sends the ticket's structure (size 1) and shows the quote a maker answers with; returns the RFQ as sent. */
    private RfqTaker.Live sendWithAQuote() throws Exception {
        vm.sizeProperty().set("1");
        RfqTaker.Live sent = vm.send().get(5, TimeUnit.SECONDS);
        vm.sent(sent, null);
        gateway.quote(sent.requestId(), vm.legs());
        vm.rfq(await(sent.requestId()));
        return sent;
    }

    private RfqTaker.Live await(String requestId) {
        return Await.value("a quote merged", Duration.ofSeconds(2),
                () -> taker.get(requestId).filter(l -> !l.quotes().isEmpty()));
    }

    /** An RFQ gateway that creates RFQs and returns the quotes put in; accepts can be held. */
    private final class StubGateway implements RfqGateway {
        final List<RfqQuote> quotes = new CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        int ids;

        void quote(String requestId, List<TicketLeg> legs) {
            List<QuoteLeg> out = new ArrayList<>();
            for (TicketLeg l : legs) {
                OptionQuote q = l.quoteProperty().get();
                out.add(new QuoteLeg(q.symbol(), l.sideProperty().get().opposite(), q.markPrice(), BigDecimal.ONE));
            }
            // No socket here: the taker's polling picks it up.
            quotes.add(new RfqQuote("Q" + (++ids), requestId, QuoteState.OPEN, clock.instant(), clock.instant().plusSeconds(300), out, "71001"));
        }

        @Override
        public Rfq create(List<RfqLeg> legs) {
            return new Rfq("R" + (++ids), RfqState.ACTIVE, clock.instant(), clock.instant().plus(Duration.ofHours(1)), legs);
        }

        @Override
        public List<RfqQuote> quotesReceived(String requestId) {
            return List.copyOf(quotes);
        }

        @Override
        public BlockTrade accept(String requestId, String quoteId) {
            // Held until the test ends: the accept stays in flight while the test clicks.
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("not used");
        }

        @Override
        public void cancel(String requestId) {
        }

        @Override
        public List<Rfq> list(String requestId, String state, String role, Instant start, Instant end) {
            return List.of();
        }

        @Override
        public List<BlockTrade> blockTrades(String blockTradeId, int pageSize) {
            return List.of();
        }

        @Override
        public RfqQuote createQuote(MakerQuoteRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancelQuote(String quoteId) {
        }

        @Override
        public void cancelAllQuotes() {
        }

        @Override
        public List<RfqQuote> myQuotes(String requestId, String state) {
            return List.of();
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
