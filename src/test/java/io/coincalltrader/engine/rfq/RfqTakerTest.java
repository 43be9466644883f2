package io.coincalltrader.engine.rfq;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.order.OrderServiceConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.ws.Backoff;
import io.coincalltrader.exchange.ws.CoincallWebSocket;
import io.coincalltrader.exchange.ws.ConnectionStatus;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.JournalFilter;
import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.testing.Await;
import io.coincalltrader.testing.EngineFixture;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ticket's RFQs against the paper exchange: quotes by push and by polling, accept the one picked, cancel, expiry. */
class RfqTakerTest {
    @TempDir
    Path dir;
    private PaperExchange paper;
    private EngineFixture f;
    private RfqTaker taker;
    private CoincallWebSocket socket;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger trades = new AtomicInteger();
    private final List<RfqTaker.Live> updates = new CopyOnWriteArrayList<>();

    private void start(PaperConfig config, Duration pollEvery, boolean withSocket) {
        paper = PaperExchange.start(config.withDemoBook(false).withMakerDelay(Duration.ofMillis(200)));
        f = new EngineFixture(paper, dir, new OrderServiceConfig(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMinutes(1)));
        taker = new RfqTaker(f.client.rfq(), f.db, Clock.systemUTC(), pollEvery, trades::incrementAndGet);
        taker.onUpdate(updates::add);
        if (withSocket) {
            socket = new CoincallWebSocket(new OkHttpClient(), paper.optionsWebSocketUrl(), new Credentials(paper.apiKey(), paper.apiSecret()),
                    Clock.systemUTC(), new Random(5), scheduler, Duration.ofSeconds(5), new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(10)));
            taker.attach(socket);
            socket.start();
            Await.until("the socket live with both RFQ channels", Duration.ofSeconds(5),
                    () -> socket.status().state() == ConnectionStatus.State.LIVE && paper.webSocketSubscriptions() >= 2);
        }
    }

    @AfterEach
    void stop() {
        if (socket != null) {
            socket.close();
        }
        scheduler.shutdownNow();
        if (taker != null) {
            taker.close();
        }
        if (f != null) {
            f.close();
        }
        if (paper != null) {
            paper.close();
        }
    }

    private static final String ACCEPT = "/open/option/blocktrade/request/accept/v1";

    private List<String> calls() {
        return f.client.market().optionInstruments("BTC").stream().map(Instrument.Option::symbol).filter(s -> s.endsWith("-C")).limit(2).toList();
    }

    private List<RfqLeg> callSpread() {
        List<String> c = calls();
        return List.of(new RfqLeg(c.get(0), Side.BUY, BigDecimal.ONE), new RfqLeg(c.get(1), Side.SELL, BigDecimal.ONE));
    }

    private RfqTaker.Live await(String what, String requestId, java.util.function.Predicate<RfqTaker.Live> done) {
        return Await.value(what, Duration.ofSeconds(10), () -> taker.get(requestId).filter(done));
    }

    /** The first quote on this RFQ that trades the call spread as asked. */
    private RfqQuote firstAsAsked(String requestId) {
        List<RfqLeg> asked = callSpread();
        return await("a quote as asked", requestId, x -> x.quotes().stream().anyMatch(q -> QuoteSelection.match(asked, q).orElse(null) == Side.BUY))
                .quotes().stream().filter(x -> QuoteSelection.match(asked, x).orElse(null) == Side.BUY).findFirst().orElseThrow();
    }

    private static long makers(RfqTaker.Live l) {
        return l.quotes().stream().map(RfqQuote::maker).filter(java.util.Objects::nonNull).distinct().count();
    }

    @Test
    void quotesFromEveryMakerArriveByPushBothWaysAndTheMakerIsKnownFromPolling() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), new BigDecimal("100"), Cause.USER).get(5, TimeUnit.SECONDS);
        assertThat(sent.state()).isEqualTo(RfqState.ACTIVE);

        RfqTaker.Live l = await("six quotes from three makers", sent.requestId(), x -> x.quotes().size() == 6 && makers(x) == 3);
        List<RfqLeg> asked = callSpread();
        assertThat(l.quotes()).extracting(q -> QuoteSelection.match(asked, q).orElseThrow()).containsOnly(Side.BUY, Side.SELL);
        assertThat(l.quotes()).filteredOn(q -> QuoteSelection.match(asked, q).orElseThrow() == Side.BUY).hasSize(3);
        assertThat(f.db.rfqs().find(sent.requestId()).orElseThrow().quotes()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(f.db.journal().since(Instant.EPOCH, JournalFilter.all())).anySatisfy(e -> assertThat(e.message()).startsWith("RFQ sent: BUY 1"));
    }

    @Test
    void pollingAloneDeliversQuotesWhenThereIsNoSocket() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(200), false);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        await("quotes by polling", sent.requestId(), x -> x.quotes().size() == 6);
    }

    @Test
    void belowTheMinimumNotionalNothingIsSent() {
        start(PaperConfig.defaults(), Duration.ofMillis(300), false);
        String c = calls().getFirst();
        assertThatThrownBy(() -> taker.send(List.of(new RfqLeg(c, Side.BUY, new BigDecimal("0.1"))), null, Cause.USER).get())
                .hasMessageContaining("below the exchange's RFQ minimum of 50000 USD");
        assertThat(f.db.rfqs().since(Instant.EPOCH)).isEmpty();
    }

    @Test
    void theQuotePickedIsTheOneTradedOnceAndItsLegsAreRecorded() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        List<RfqLeg> asked = callSpread();
        RfqTaker.Live l = await("three quotes as asked", sent.requestId(),
                x -> x.quotes().stream().filter(q -> QuoteSelection.match(asked, q).orElse(null) == Side.BUY).count() == 3);
        // Not the best: the trader may pick any open quote (say the maker they prefer).
        RfqQuote worst = l.quotes().stream().filter(q -> QuoteSelection.match(asked, q).orElse(null) == Side.BUY)
                .max(Comparator.comparing(RfqQuote::takerCost)).orElseThrow();

        RfqTaker.Live done = taker.accept(sent.requestId(), worst.quoteId(), Cause.USER).get(10, TimeUnit.SECONDS);

        assertThat(done.state()).isEqualTo(RfqState.FILLED);
        assertThat(done.trade().quoteId()).isEqualTo(worst.quoteId());
        assertThat(paper.oracle().blockTrades()).hasSize(1);
        StoredRfq stored = f.db.rfqs().find(sent.requestId()).orElseThrow();
        assertThat(stored.acceptedQuoteId()).isEqualTo(worst.quoteId());
        assertThat(stored.rfq().state()).isEqualTo(RfqState.FILLED);
        assertThat(f.db.fills().since(Instant.EPOCH)).hasSize(2);
        Await.until("structures and positions re-read after the fill", Duration.ofSeconds(5), () -> trades.get() == 1);
        assertThat(paper.oracle().positions().get(calls().get(0))).isEqualByComparingTo("1");
        assertThat(paper.oracle().positions().get(calls().get(1))).isEqualByComparingTo("-1");

        // A second click on another quote is refused before anything leaves.
        RfqQuote other = l.quotes().stream().filter(q -> !q.quoteId().equals(worst.quoteId())).findFirst().orElseThrow();
        assertThatThrownBy(() -> taker.accept(sent.requestId(), other.quoteId(), Cause.USER).get()).hasMessageContaining("the RFQ is filled");
        assertThat(paper.oracle().blockTrades()).hasSize(1);
    }

    /** The mouse-down before the confirm readies an accept thread: the confirm's accept runs on it and fills. */
    @Test
    void anAcceptReadiedAtTheMouseDownRunsOnTheThreadStandingBy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "no thread stands by on one core");
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        String quote = await("a quote", sent.requestId(), x -> !x.quotes().isEmpty()).quotes().getFirst().quoteId();

        // A click refused by the engine stands the thread down at once: it does not spin out its window.
        taker.acceptMayFollow();
        Await.until("an accept thread standing by", Duration.ofSeconds(5), taker.acceptStandby::standing);
        assertThat(taker.accept(sent.requestId(), "no-such-quote", Cause.USER)).isCompletedExceptionally();
        assertThat(taker.acceptStandingBy()).isFalse();

        assertThat(taker.arm(sent.requestId(), quote, Cause.USER).get(5, TimeUnit.SECONDS)).isTrue();
        taker.acceptMayFollow();
        Await.until("an accept thread standing by", Duration.ofSeconds(5), taker.acceptStandby::standing);
        List<Thread> toldOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        RfqTaker.Live done = taker.accept(sent.requestId(), quote, Cause.USER, () -> toldOn.add(Thread.currentThread()))
                .get(10, TimeUnit.SECONDS);
        assertThat(done.state()).isEqualTo(RfqState.FILLED);
        assertThat(taker.acceptStandby.taken()).as("taken by the thread standing by, not the pool").isEqualTo(1);
        assertThat(toldOn).as("an armed quote's accept is shown as leaving by the clicking thread, once").containsExactly(Thread.currentThread());
        assertThat(taker.acceptStandingBy()).isFalse();
        assertThat(paper.oracle().blockTrades()).hasSize(1);
    }

    @Test
    void aConfirmOfAQuoteArmedDurablySendsWithoutWaitingForTheStore() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        String quote = await("a quote", sent.requestId(), x -> !x.quotes().isEmpty()).quotes().getFirst().quoteId();
        assertThat(taker.arm(sent.requestId(), quote, Cause.USER).get(5, TimeUnit.SECONDS)).isTrue();
        StoredRfq armed = f.db.rfqs().find(sent.requestId()).orElseThrow();
        assertThat(armed.armedQuoteId()).isEqualTo(quote);
        assertThat(armed.mayHaveAccepted()).as("recovery would ask the exchange, never cancel under it").isTrue();

        // The store's writer is held busy: an accept that waited for its own intent's write could not leave.
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        f.db.writer().submit(c -> {
            entered.countDown();
            try {
                hold.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        java.util.concurrent.CompletableFuture<RfqTaker.Live> answer = taker.accept(sent.requestId(), quote, Cause.USER);
        try {
            Await.until("the block trade done at the exchange while the store is held", Duration.ofSeconds(5),
                    () -> paper.oracle().blockTrades().size() == 1);
            assertThat(answer).as("the fills wait for the store before the answer").isNotDone();
        } finally {
            hold.countDown();
        }

        RfqTaker.Live done = answer.get(10, TimeUnit.SECONDS);
        assertThat(done.state()).isEqualTo(RfqState.FILLED);
        StoredRfq stored = f.db.rfqs().find(sent.requestId()).orElseThrow();
        assertThat(stored.acceptedQuoteId()).as("the intent was written all the same").isEqualTo(quote);
        assertThat(stored.rfq().state()).isEqualTo(RfqState.FILLED);
        assertThat(stored.mayHaveAccepted()).isFalse();
        assertThat(f.db.fills().since(Instant.EPOCH)).hasSize(2);
        assertThat(taker.arm(sent.requestId(), quote, Cause.USER).get(5, TimeUnit.SECONDS)).as("nothing to arm once filled").isFalse();
    }

    @Test
    void restartRecoverySettlesAnArmedQuoteFromTheExchangeAndNeverCancelsUnderIt() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMinutes(5), false); // the taker does not look again by itself here
        io.coincalltrader.engine.recovery.RfqRecovery recovery = new io.coincalltrader.engine.recovery.RfqRecovery(f.client.rfq(), f.db, Clock.systemUTC());
        RfqTaker.Live a = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        RfqTaker.Live b = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        Await.until("quotes on both", Duration.ofSeconds(10), () -> !f.client.rfq().quotesReceived(a.requestId()).isEmpty()
                && !f.client.rfq().quotesReceived(b.requestId()).isEmpty());
        String qa = f.client.rfq().quotesReceived(a.requestId()).getFirst().quoteId();
        String qb = f.client.rfq().quotesReceived(b.requestId()).getFirst().quoteId();
        // Both armed; A's confirm left (straight to the exchange, as a crash right after the send would leave it), B's never did.
        assertThat(taker.arm(a.requestId(), qa, Cause.USER).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(taker.arm(b.requestId(), qb, Cause.USER).get(5, TimeUnit.SECONDS)).isTrue();
        f.client.rfq().accept(a.requestId(), qa);

        List<io.coincalltrader.engine.recovery.ReconciliationReport.Finding> found = recovery.resolve();

        assertThat(f.db.rfqs().find(a.requestId()).orElseThrow().rfq().state()).isEqualTo(RfqState.FILLED);
        assertThat(found).anySatisfy(x -> assertThat(x.toString()).contains(a.requestId()).contains("armed").contains("recorded block trade"));
        assertThat(f.db.fills().since(Instant.EPOCH)).hasSize(2);
        // B is still open at the exchange: with a quote armed it is left to its answer or its expiry, never cancelled.
        assertThat(f.client.rfq().list(b.requestId(), null, "TAKER", b.rfq().createTime().minusSeconds(60), Instant.now().plusSeconds(1)))
                .singleElement().extracting(io.coincalltrader.domain.rfq.Rfq::state).isEqualTo(RfqState.ACTIVE);
        assertThat(f.db.rfqs().unresolved()).extracting(r -> r.rfq().requestId()).containsExactly(b.requestId());
        assertThat(found).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(io.coincalltrader.engine.recovery.ReconciliationReport.Kind.RFQ_UNRESOLVED);
            assertThat(x.subject()).contains(b.requestId());
            assertThat(x.action()).startsWith("left open");
        });
    }

    @Test
    void aRefusedAcceptOfAnArmedQuoteTakesItsArmAlong() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        RfqQuote q = firstAsAsked(sent.requestId());
        assertThat(taker.arm(sent.requestId(), q.quoteId(), Cause.USER).get(5, TimeUnit.SECONDS)).isTrue();
        paper.faults().next(ACCEPT, new io.coincalltrader.paper.PaperFaults.Fault.Http(200, "{\"code\":10540,\"msg\":\"quote expired\",\"data\":null}"));

        RfqTaker.Live after = taker.accept(sent.requestId(), q.quoteId(), Cause.USER).get(10, TimeUnit.SECONDS);

        assertThat(after.state()).isEqualTo(RfqState.ACTIVE);
        assertThat(after.message()).contains("refused");
        StoredRfq stored = f.db.rfqs().find(sent.requestId()).orElseThrow();
        assertThat(stored.acceptedQuoteId()).isNull();
        assertThat(stored.armedQuoteId()).as("a refused quote no longer stands for an accept that may have left").isNull();
        assertThat(stored.mayHaveAccepted()).isFalse();
        assertThat(paper.oracle().blockTrades()).isEmpty();
        List<String> journal = f.db.journal().since(Instant.EPOCH, JournalFilter.all().kinds("RFQ")).stream().map(e -> e.message()).toList();
        assertThat(journal).containsSubsequence("Quote " + q.quoteId() + " armed for an accept", "Accepting quote " + q.quoteId());
        assertThat(journal.getLast()).startsWith("Accept of quote " + q.quoteId() + " refused");
    }

    @Test
    void anAcceptWhoseIntentTheStoreRefusesSendsNothing() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        RfqTaker.Live l = await("a quote", sent.requestId(), x -> !x.quotes().isEmpty());
        // The disk "refuses" the intent's write (a trigger aborts it): the accept must not leave.
        f.db.writer().submit(c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE TRIGGER refuse_intent BEFORE UPDATE OF accepted_quote_id ON rfqs"
                        + " BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
            }
            return null;
        }).get(5, TimeUnit.SECONDS);

        RfqTaker.Live after = taker.accept(sent.requestId(), l.quotes().getFirst().quoteId(), Cause.USER).get(10, TimeUnit.SECONDS);

        assertThat(after.state()).isEqualTo(RfqState.ACTIVE);
        assertThat(after.message()).startsWith("not accepted").contains("disk says no");
        assertThat(paper.oracle().blockTrades()).isEmpty();
        assertThat(f.db.rfqs().find(sent.requestId()).orElseThrow().acceptedQuoteId()).isNull();
    }

    @Test
    void aSingleLegGoesOutAsBuyAndItsSellQuoteSells() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        String c = calls().getFirst();
        RfqTaker.Live sent = taker.send(List.of(new RfqLeg(c, Side.SELL, BigDecimal.ONE)), null, Cause.USER).get(5, TimeUnit.SECONDS);
        assertThat(sent.rfq().legs().getFirst().side()).isEqualTo(Side.BUY);
        RfqTaker.Live l = await("a quote to sell into", sent.requestId(), x -> x.quotes().stream().anyMatch(q -> q.takerDirection() == Side.SELL));
        RfqQuote sell = l.quotes().stream().filter(q -> q.takerDirection() == Side.SELL).findFirst().orElseThrow();

        taker.accept(sent.requestId(), sell.quoteId(), Cause.USER).get(10, TimeUnit.SECONDS);

        assertThat(paper.oracle().positions().get(c)).isEqualByComparingTo("-1");
    }

    @Test
    void cancelClosesTheRfqAndItsQuotes() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        await("a quote", sent.requestId(), x -> !x.quotes().isEmpty());

        RfqTaker.Live l = taker.cancel(sent.requestId(), Cause.USER).get(5, TimeUnit.SECONDS);

        assertThat(l.state()).isEqualTo(RfqState.CANCELLED);
        assertThat(l.quotes()).allSatisfy(q -> assertThat(q.state()).isNotEqualTo(QuoteState.OPEN));
        Await.until("stored as cancelled", Duration.ofSeconds(5),
                () -> f.db.rfqs().find(sent.requestId()).orElseThrow().rfq().state() == RfqState.CANCELLED);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> taker.accept(sent.requestId(), l.quotes().getFirst().quoteId(), Cause.USER).get());
        assertThat(e.getCause()).hasMessageContaining("cancelled");
    }

    @Test
    void anRfqPastItsLifeIsShownExpiredAndRecorded() throws Exception {
        start(PaperConfig.defaults().withRfqLifetime(Duration.ofSeconds(2)), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);

        await("expired", sent.requestId(), x -> x.state() == RfqState.EXPIRED);
        Await.until("stored as expired", Duration.ofSeconds(5),
                () -> f.db.rfqs().find(sent.requestId()).orElseThrow().rfq().state() == RfqState.EXPIRED);
        assertThat(updates).anySatisfy(u -> assertThat(u.state()).isEqualTo(RfqState.EXPIRED));
    }

    @Test
    void anAcceptWhoseAnswerCannotBeReadIsLookedUpAndShownFilledNotRefused() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), true);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);
        RfqQuote q = firstAsAsked(sent.requestId());
        // The exchange executes the accept, then answers something that is not JSON.
        paper.faults().next(ACCEPT, new io.coincalltrader.paper.PaperFaults.Fault.Malformed());

        RfqTaker.Live done = taker.accept(sent.requestId(), q.quoteId(), Cause.USER).get(20, TimeUnit.SECONDS);

        assertThat(done.state()).isEqualTo(RfqState.FILLED);
        assertThat(done.trade()).isNotNull();
        assertThat(paper.oracle().blockTrades()).hasSize(1);
        assertThat(paper.faults().requests(ACCEPT)).as("never sent twice").isEqualTo(1);
        assertThat(f.db.rfqs().find(sent.requestId()).orElseThrow().rfq().state()).isEqualTo(RfqState.FILLED);
        assertThat(f.db.fills().since(Instant.EPOCH)).hasSize(2);
    }

    @Test
    void closingTheTakerCancelsTheRfqsStillAsking() throws Exception {
        start(PaperConfig.defaults(), Duration.ofMillis(300), false);
        RfqTaker.Live sent = taker.send(callSpread(), null, Cause.USER).get(5, TimeUnit.SECONDS);

        taker.close();

        Await.until("recorded as cancelled", Duration.ofSeconds(5),
                () -> f.db.rfqs().find(sent.requestId()).orElseThrow().rfq().state() == RfqState.CANCELLED);
        assertThat(f.client.rfq().list(sent.requestId(), null, "TAKER", Instant.now().minusSeconds(600), Instant.now().plusSeconds(1)))
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(RfqState.CANCELLED));
    }
}
