package io.coincalltrader.engine.rfq;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.common.Listeners;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.ExchangeRejectedException;
import io.coincalltrader.exchange.RfqGateway;
import io.coincalltrader.exchange.ws.CoincallWebSocket;
import io.coincalltrader.exchange.ws.Registration;
import io.coincalltrader.exchange.ws.WsEvent;
import io.coincalltrader.exchange.ws.WsSubscription;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The trader's own RFQs, sent from the ticket: create one, follow its quotes (pushed by the {@code rfqTaker} and
 * {@code quoteReceived} channels, with polling of {@code getQuotesReceived} as the safety net), accept the quote the
 * trader picks through {@link RfqAcceptor} (decision recorded before it leaves), cancel it. Every quote is stored as
 * it arrives; each change is published as an immutable {@link Live} view on the thread that saw it.
 */
public final class RfqTaker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RfqTaker.class);

    /**
     * One RFQ as the ticket shows it.
     *
     * @param quotes        every quote seen, latest state of each, in arrival order
     * @param trade         the block trade once filled
     * @param message       the last thing worth telling the trader (a refusal, an accept in doubt), or null
     * @param changedNanos  {@link System#nanoTime()} when this change was seen (for the quote-to-screen latency)
     */
    public record Live(Rfq rfq, List<RfqQuote> quotes, String acceptedQuoteId, BlockTrade trade, String message, long changedNanos) {
        public Live {
            quotes = List.copyOf(quotes);
        }

        public String requestId() {
            return rfq.requestId();
        }

        public RfqState state() {
            return rfq.state();
        }
    }

    private final RfqGateway rfqs;
    private final Database db;
    private final RfqAcceptor acceptor;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * Accepts run on platform threads (kept a minute when idle): the OS schedules a woken one at once, where a virtual
     * thread waits for a free carrier, and a carrier busy with another virtual thread's work is not taken from it.
     */
    private final ExecutorService accepts = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new java.util.concurrent.SynchronousQueue<>(), r -> {
                Thread th = new Thread(r, "rfq-accept");
                th.setDaemon(true);
                return th;
            });
    /** An accept thread kept running while a click that may accept is on its way (see {@link #acceptMayFollow}). */
    final Standby acceptStandby = new Standby(accepts); // package-private for tests
    private final Clock clock;
    private final Duration pollEvery;
    private final Runnable afterTrade;
    private final Listeners<Live> listeners = new Listeners<>("rfq updates");
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private volatile Registration registration;

    /** {@code afterTrade} runs after a block trade is recorded (the session refreshes structures and positions). */
    public RfqTaker(RfqGateway rfqs, Database db, Clock clock, Duration pollEvery, Runnable afterTrade) {
        this.rfqs = rfqs;
        this.db = db;
        this.acceptor = new RfqAcceptor(rfqs, db, clock);
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.afterTrade = afterTrade;
    }

    /** Follows RFQ and quote pushes on this (private) socket; call before the socket starts. */
    public void attach(CoincallWebSocket socket) {
        registration = socket.onEvent(this::on);
        socket.subscribe(WsSubscription.privateChannel("rfqTaker"));
        socket.subscribe(WsSubscription.privateChannel("quoteReceived"));
    }

    public Subscription onUpdate(java.util.function.Consumer<Live> listener) {
        return listeners.add(listener);
    }

    public Optional<Live> get(String requestId) {
        Tracked t = tracked.get(requestId);
        return t == null ? Optional.empty() : Optional.of(t.view(System.nanoTime()));
    }

    /**
     * Sends an RFQ for these legs (our sides). A single leg goes out as BUY: the direction is chosen at accept
     * (coincall-api.md §6). Refused here, before anything leaves, below the exchange's minimum notional.
     *
     * @param packageMark the package's mark cost for the legs as given (kept with the RFQ for its history)
     */
    public CompletableFuture<Live> send(List<RfqLeg> legs, BigDecimal packageMark, Cause cause) {
        if (legs.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("an RFQ needs at least one leg"));
        }
        BigDecimal notional = QuoteSelection.strikeNotional(legs);
        if (notional.compareTo(QuoteSelection.MINIMUM_NOTIONAL_USD) < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("notional " + notional.toPlainString()
                    + " USD is below the exchange's RFQ minimum of " + QuoteSelection.MINIMUM_NOTIONAL_USD.toPlainString() + " USD"));
        }
        List<RfqLeg> out = legs.size() == 1 ? List.of(new RfqLeg(legs.getFirst().instrumentName(), Side.BUY, legs.getFirst().quantity())) : legs;
        return async(() -> {
            Rfq rfq = rfqs.create(out);
            Tracked t = new Tracked(rfq);
            tracked.put(rfq.requestId(), t);
            db.rfqs().record(rfq).join();
            if (packageMark != null) {
                // The history reads the mark of the RFQ as sent: a single SELL leg went out as BUY.
                db.rfqs().recordMark(rfq.requestId(), legs.size() == 1 && legs.getFirst().side() == Side.SELL ? packageMark.negate() : packageMark);
            }
            db.journal().append("RFQ", cause, "rfq " + rfq.requestId(), "RFQ sent: " + describe(out)
                    + (packageMark == null ? "" : "; package mark " + packageMark.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " USD"), null);
            // Each RFQ is polled on its own virtual thread: a poll waiting for the rate limiter holds none of the
            // session's few I/O threads (which the positions, the clock probe and the ticket's marks need).
            t.poller = Thread.ofVirtual().name("rfq-poll-" + rfq.requestId()).start(() -> {
                while (!t.stopped) {
                    try {
                        Thread.sleep(pollEvery);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!t.stopped) {
                        poll(t);
                    }
                }
            });
            return publish(t);
        });
    }

    /**
     * Arms this quote for an accept (the first click of arm-then-confirm): the arm is written durably now, so that a
     * confirm of the same quote can send the accept at once, its own intent written alongside rather than waited for.
     * Until the RFQ's result is recorded, restart recovery counts an armed quote as an accept that may have left and
     * asks the exchange about it. Completes with whether the arm was recorded (false once the RFQ is past arming).
     */
    public CompletableFuture<Boolean> arm(String requestId, String quoteId, Cause cause) {
        Tracked t = tracked.get(requestId);
        if (t == null) {
            return notOurs(requestId);
        }
        synchronized (t) {
            if (t.rfq.state() != RfqState.ACTIVE || t.accepting || t.inDoubt) {
                return CompletableFuture.completedFuture(false);
            }
            t.armed = quoteId;
            t.armWrite = acceptor.recordArm(requestId, quoteId, cause); // queued only: no wait here
            return t.armWrite;
        }
    }

    /** How long a thread stands by for an accept after {@link #acceptMayFollow}: longer than nearly any click. */
    static final Duration ACCEPT_STANDBY = Duration.ofMillis(400);

    /**
     * An accept may follow within a moment: a mouse button went down on a quote that the click, at its release, would
     * accept. An accept thread then waits on a core for up to {@link #ACCEPT_STANDBY}, so that the accept starts at
     * once rather than after the OS wakes a thread and finds it a core. Cheap to call; nothing is sent by it.
     */
    public void acceptMayFollow() {
        if (SPARE_CORE) {
            acceptStandby.standBy(ACCEPT_STANDBY);
        }
    }

    /** With one core, a thread spinning on it would hold back the FX thread that delivers the click. */
    private static final boolean SPARE_CORE = Runtime.getRuntime().availableProcessors() > 1;

    /** The click that {@link #acceptMayFollow} readied for did not accept (refused, or released elsewhere). */
    public void acceptWillNotFollow() {
        acceptStandby.standDown();
    }

    /** Whether an accept thread stands by now ({@link #acceptMayFollow}), or is starting to, with no accept yet. */
    public boolean acceptStandingBy() {
        return acceptStandby.readied();
    }

    /**
     * Accepts this quote on this RFQ. Refused here when the RFQ is no longer active or the quote is not open or expires
     * within a second; otherwise through {@link RfqAcceptor}.
     */
    public CompletableFuture<Live> accept(String requestId, String quoteId, Cause cause) {
        return accept(requestId, quoteId, cause, () -> { });
    }

    /**
     * As {@link #accept(String, String, Cause)}; {@code written} runs as the accept leaves: for a quote
     * {@linkplain #arm armed} durably, on the calling thread once the accept is handed to the accepting thread (which
     * then wakes no other thread before the request is out); otherwise on the store's writer thread once the intent's
     * durable write has finished, whatever its result. It may only hand over (a screen shows the accept then, rather
     * than redraw while the write and the send want the CPU). It does not run for an accept refused before anything
     * was written.
     */
    public CompletableFuture<Live> accept(String requestId, String quoteId, Cause cause, Runnable written) {
        try {
            return acceptNow(requestId, quoteId, cause, written);
        } finally {
            // An accept refused here, or one the pool runs, leaves no thread spinning for it to the window's end
            // (one that took the accept is no longer standing by: this does nothing to it).
            acceptStandby.standDown();
        }
    }

    private CompletableFuture<Live> acceptNow(String requestId, String quoteId, Cause cause, Runnable written) {
        Tracked t = tracked.get(requestId);
        if (t == null) {
            return notOurs(requestId);
        }
        RfqQuote q;
        boolean armed;
        Instant now = clock.instant();
        synchronized (t) {
            q = t.quotes.get(quoteId);
            String refusal = t.rfq.state() != RfqState.ACTIVE ? "the RFQ is " + t.rfq.state().name().toLowerCase().replace('_', ' ')
                    : t.accepting ? "an accept is already on its way on this RFQ"
                    : t.inDoubt ? "an earlier accept on this RFQ has no answer yet; it is being looked up"
                    : t.rfq.expiryTime() != null && !t.rfq.expiryTime().isAfter(now.plusSeconds(1)) ? "the RFQ expires within a second"
                    : q == null || q.state() != QuoteState.OPEN ? "that quote is no longer open"
                    : q.expiryTime() != null && !q.expiryTime().isAfter(now.plusSeconds(1)) ? "that quote expires within a second"
                    : QuoteSelection.match(t.rfq.legs(), q).isEmpty() ? "that quote does not match the structure asked for"
                    : null;
            if (refusal != null) {
                return CompletableFuture.failedFuture(new IllegalStateException(refusal));
            }
            // From here until the answer, nothing closes this RFQ locally (expiry, pushes): its outcome decides.
            t.accepting = true;
            // A quote armed durably is already on record as an accept that may leave: the accept need not wait for
            // its own intent (the in-memory guard above keeps it the only accept on this RFQ).
            armed = quoteId.equals(t.armed) && t.armWrite != null && t.armWrite.isDone() && !t.armWrite.isCompletedExceptionally()
                    && t.armWrite.join();
            // An arm is good for one accept: another accept on this RFQ (after a refusal) arms again, and the store's
            // check that no quote was accepted yet stands behind that new arm.
            t.armed = null;
            t.armWrite = null;
        }
        // Without a durable arm, the intent's durable write is queued here, on the caller's thread, so it runs while the
        // accepting thread starts, and the accept leaves only once it is committed and fsynced. With one, the accept
        // leaves at once and its intent follows it (RfqAcceptor.acceptArmed): nothing wakes the store's writer to
        // compete for the CPU before the request is out.
        CompletableFuture<Boolean> intent;
        try {
            // With an arm no intent is written here: "not recorded" is what a closing session then has to withdraw.
            intent = armed ? CompletableFuture.completedFuture(false) : acceptor.recordIntent(requestId, q, cause);
            if (!armed) {
                intent.thenAccept(ok -> {
                    if (ok) {
                        written.run(); // a refused intent sends nothing: the answer says so instead
                    }
                });
            }
        } catch (RuntimeException e) {
            synchronized (t) {
                t.accepting = false;
            }
            return CompletableFuture.failedFuture(e);
        }
        java.util.function.Supplier<Live> work = () -> {
            RfqAcceptor.Outcome outcome;
            try {
                if (armed) {
                    outcome = acceptor.acceptArmed(requestId, q, cause);
                } else {
                    outcome = acceptor.accept(requestId, q, intent);
                }
            } catch (RuntimeException e) {
                synchronized (t) {
                    t.accepting = false;
                    if (armed) {
                        // Whatever failed came after the request left: treated as an accept without an answer.
                        log.warn("accept of armed quote {} on RFQ {} failed after it was sent", quoteId, requestId, e);
                        t.accepted = quoteId;
                        t.inDoubt = true;
                        t.message = "accept of quote " + quoteId + " sent, its outcome unknown (" + e.getMessage() + "); it is looked up."
                                + " Do not trade it again";
                    } else {
                        // Without an arm only the wait for the intent throws here: the store refused it, nothing was sent.
                        t.message = "not accepted: " + e.getMessage();
                    }
                }
                return publish(t);
            }
            synchronized (t) {
                t.accepting = false;
                switch (outcome) {
                    case RfqAcceptor.Outcome.Filled fill -> filled(t, quoteId, fill.trade());
                    case RfqAcceptor.Outcome.Refused r -> {
                        t.message = "the exchange refused quote " + quoteId + ": " + r.reason();
                        t.quotes.put(quoteId, withState(q, QuoteState.CANCELLED));
                    }
                    case RfqAcceptor.Outcome.AlreadyAccepted a -> t.message = "another quote was already accepted on this RFQ";
                    case RfqAcceptor.Outcome.InDoubt d -> {
                        t.accepted = quoteId;
                        t.inDoubt = true;
                        t.message = d.message();
                    }
                }
            }
            if (outcome instanceof RfqAcceptor.Outcome.Filled fill) {
                afterTrade(fill.trade());
            }
            return publish(t);
        };
        CompletableFuture<Live> answer;
        try {
            // A thread standing by for this click (acceptMayFollow) takes it at once if there is one; otherwise the pool
            // wakes an idle thread or starts one.
            answer = CompletableFuture.supplyAsync(work, task -> {
                if (!acceptStandby.offer(task)) {
                    accepts.execute(task);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The session is closing and nothing will send this accept: the intent, once written, is withdrawn, or
            // the next start would take it for an accept sent without an answer.
            intent.thenAccept(recorded -> {
                if (recorded) {
                    acceptor.withdrawIntent(requestId, quoteId, "not sent: the session closed");
                }
            });
            synchronized (t) {
                t.accepting = false;
            }
            return CompletableFuture.failedFuture(new IllegalStateException("the session is closed"));
        }
        if (armed) {
            // The accept is on its way whatever happens here: a failing hand-over must not lose its answer.
            try {
                written.run();
            } catch (RuntimeException e) {
                log.warn("accept of quote {} on RFQ {} is on its way; telling the screen failed", quoteId, requestId, e);
            }
        }
        return answer;
    }

    /** Records the fill in the view (the store has it already); the RFQ never leaves FILLED. Call holding t's lock. */
    private static void filled(Tracked t, String quoteId, BlockTrade trade) {
        t.trade = trade;
        t.accepted = quoteId;
        t.inDoubt = false;
        t.message = null;
        t.rfq = withState(t.rfq, RfqState.FILLED);
        RfqQuote q = t.quotes.get(quoteId);
        if (q != null) {
            t.quotes.put(quoteId, withState(q, QuoteState.FILLED));
        }
        t.quotes.replaceAll((id, x) -> x.state() == QuoteState.OPEN ? withState(x, QuoteState.CANCELLED) : x);
        t.stop();
    }

    /** The fill is told first; structures and positions are re-read beside it. */
    private void afterTrade(BlockTrade trade) {
        try {
            blocking.execute(() -> {
                try {
                    afterTrade.run();
                } catch (RuntimeException e) {
                    log.warn("refresh after block trade {} failed: {}", trade.blockTradeId(), e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.info("session closing: positions not re-read after block trade {}", trade.blockTradeId());
        }
    }

    /** Cancels the RFQ at the exchange and records it as cancelled by the trader. Refused while an accept is open. */
    public CompletableFuture<Live> cancel(String requestId, Cause cause) {
        Tracked t = tracked.get(requestId);
        if (t == null) {
            return notOurs(requestId);
        }
        synchronized (t) {
            if (t.accepting || t.inDoubt) {
                return CompletableFuture.failedFuture(new IllegalStateException("an accept on this RFQ is on its way or in doubt: it is not cancelled"));
            }
        }
        return async(() -> {
            if (t.state() != RfqState.ACTIVE) {
                return publish(t);
            }
            try {
                rfqs.cancel(requestId);
            } catch (ExchangeRejectedException e) {
                // Already closed at the exchange (filled, expired or traded away): its state says which.
                refreshState(t);
                if (t.state() != RfqState.ACTIVE) {
                    return publish(t);
                }
                throw new CompletionException(e);
            }
            close(t, RfqState.CANCELLED, cause == Cause.USER ? "cancelled by the trader" : "cancelled as the app closed", cause);
            return publish(t);
        });
    }

    /** Runs exchange work on its own virtual thread; once the session closed, nothing more is started. */
    private CompletableFuture<Live> async(java.util.function.Supplier<Live> work) {
        try {
            return CompletableFuture.supplyAsync(work, blocking);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the session is closed"));
        }
    }

    private void on(WsEvent e) {
        switch (e) {
            case WsEvent.QuoteUpdate u -> {
                Tracked t = tracked.get(u.quote().requestId());
                if (t != null && merge(t, u.quote())) {
                    publish(t);
                }
            }
            case WsEvent.RfqUpdate u -> {
                Tracked t = tracked.get(u.rfq().requestId());
                if (t != null && exchangeSays(t, u.rfq().state())) {
                    publish(t);
                }
            }
            default -> {
                // orders, fills and market data are other listeners' business
            }
        }
    }

    /**
     * The safety net: quotes by REST, the RFQ's state now and then, and expiry seen from the RFQ's own clock when no
     * push says so. An accept left in doubt is looked up at every poll until the exchange shows its block trade (or,
     * ten minutes after the RFQ's expiry, left to restart recovery).
     */
    private void poll(Tracked t) {
        boolean inDoubt;
        synchronized (t) {
            inDoubt = t.inDoubt;
        }
        if (inDoubt) {
            lookUp(t);
            return;
        }
        if (t.state() != RfqState.ACTIVE) {
            t.stop();
            return;
        }
        boolean changed = false;
        try {
            for (RfqQuote q : rfqs.quotesReceived(t.requestId())) {
                changed |= merge(t, q);
            }
        } catch (ExchangeException e) {
            log.info("quotes of RFQ {} not read now: {}", t.requestId(), e.traderMessage());
        }
        if (++t.polls % 5 == 0) {
            changed |= refreshState(t);
        }
        Instant expiry = t.expiry();
        if (expiry != null && !clock.instant().isBefore(expiry)) {
            changed |= closeIfQuiet(t, RfqState.EXPIRED, "expired without a trade");
        }
        if (changed) {
            publish(t);
        }
    }

    private void lookUp(Tracked t) {
        String quoteId;
        synchronized (t) {
            quoteId = t.accepted;
        }
        Optional<RfqAcceptor.Outcome> found = acceptor.lookUp(t.requestId(), quoteId);
        if (found.isPresent() && found.get() instanceof RfqAcceptor.Outcome.Filled fill) {
            synchronized (t) {
                filled(t, quoteId, fill.trade());
            }
            afterTrade(fill.trade());
            publish(t);
            return;
        }
        Instant expiry = t.expiry();
        if (expiry != null && clock.instant().isAfter(expiry.plus(Duration.ofMinutes(10)))) {
            synchronized (t) {
                t.message = "the accept of quote " + quoteId + " is still not shown by the exchange; the next start settles it. Do not trade it again";
            }
            t.stop();
            publish(t);
        }
    }

    /** Reads the RFQ's state from the exchange (a taker may not be allowed to list: then only pushes and expiry tell). */
    private boolean refreshState(Tracked t) {
        if (t.listUnavailable) {
            return false;
        }
        try {
            Instant now = clock.instant();
            for (Rfq r : rfqs.list(t.requestId(), null, "TAKER", now.minus(Duration.ofHours(3)), now.plusSeconds(1))) {
                if (r.requestId().equals(t.requestId())) {
                    return exchangeSays(t, r.state());
                }
            }
        } catch (ExchangeRejectedException e) {
            t.listUnavailable = true;
            log.info("RFQ list not available to this account ({}); following RFQ {} by pushes and its expiry", e.traderMessage(), t.requestId());
        } catch (ExchangeException e) {
            log.info("state of RFQ {} not read now: {}", t.requestId(), e.traderMessage());
        }
        return false;
    }

    /**
     * The exchange reports this state. While an accept of ours is open or in doubt, nothing is closed here: a FILLED
     * report makes the next poll look the trade up. Returns whether what is shown changed.
     */
    private boolean exchangeSays(Tracked t, RfqState state) {
        synchronized (t) {
            if (t.rfq.state() != RfqState.ACTIVE || state == RfqState.ACTIVE) {
                return false;
            }
            if (t.accepting || t.inDoubt) {
                if (state == RfqState.FILLED) {
                    t.inDoubt = t.inDoubt || !t.accepting;
                }
                return false;
            }
            if (state == RfqState.FILLED) {
                // Filled with no accept of ours in this session: the reconciler records the block trade; show the state.
                t.rfq = withState(t.rfq, state);
                t.stop();
                return true;
            }
        }
        return closeIfQuiet(t, state, switch (state) {
            case EXPIRED -> "expired without a trade";
            case TRADED_AWAY -> "traded away: another quote was taken";
            case CANCELLED -> "cancelled at the exchange";
            default -> state.name();
        });
    }

    /** Closes the RFQ as reported by the exchange or its clock, unless it closed already or an accept is open or in doubt. */
    private boolean closeIfQuiet(Tracked t, RfqState state, String reason) {
        synchronized (t) {
            if (t.rfq.state() != RfqState.ACTIVE || t.accepting || t.inDoubt) {
                return false;
            }
        }
        return close(t, state, reason, Cause.EXCHANGE);
    }

    private boolean close(Tracked t, RfqState state, String reason, Cause cause) {
        synchronized (t) {
            if (t.rfq.state() != RfqState.ACTIVE) {
                return false;
            }
            t.rfq = withState(t.rfq, state);
            t.stop();
            t.quotes.replaceAll((id, q) -> q.state() == QuoteState.OPEN ? withState(q, QuoteState.CANCELLED) : q);
            db.rfqs().recordResult(t.requestId(), state, "{\"reason\":\"" + reason + "\"}", cause);
        }
        return true;
    }

    /** Applies a quote's news; a closed quote never reopens and a maker id seen once is kept. */
    private boolean merge(Tracked t, RfqQuote q) {
        RfqQuote merged;
        synchronized (t) {
            RfqQuote before = t.quotes.get(q.quoteId());
            if (before != null && (before.state() != QuoteState.OPEN || before.state() == q.state()) && (before.maker() != null || q.maker() == null)) {
                return false;
            }
            if (before != null && before.state() != QuoteState.OPEN) {
                merged = new RfqQuote(before.quoteId(), before.requestId(), before.state(), before.createTime(), before.expiryTime(), before.legs(), q.maker());
            } else {
                String maker = q.maker() != null ? q.maker() : before == null ? null : before.maker();
                merged = new RfqQuote(q.quoteId(), q.requestId(), q.state(), q.createTime(), q.expiryTime(), q.legs(), maker);
            }
            t.quotes.put(q.quoteId(), merged);
            db.rfqs().recordQuote(merged); // queued in the order seen, so the stored states follow the shown ones
        }
        return true;
    }

    private Live publish(Tracked t) {
        Live v = t.view(System.nanoTime());
        listeners.publish(v);
        return v;
    }

    private static Rfq withState(Rfq r, RfqState s) {
        return new Rfq(r.requestId(), s, r.createTime(), r.expiryTime(), r.legs());
    }

    private static RfqQuote withState(RfqQuote q, QuoteState s) {
        return new RfqQuote(q.quoteId(), q.requestId(), s, q.createTime(), q.expiryTime(), q.legs(), q.maker());
    }

    static String describe(List<RfqLeg> legs) {
        List<String> parts = new ArrayList<>();
        legs.forEach(l -> parts.add(l.side() + " " + l.quantity().stripTrailingZeros().toPlainString() + " " + l.instrumentName()));
        return String.join(", ", parts);
    }

    /**
     * Cancels every RFQ still asking (no one would be watching its quotes: it is recorded as cancelled as the app
     * closed; one with an accept open or in doubt is left to restart recovery), waiting at most a few seconds, then
     * stops following.
     */
    @Override
    public void close() {
        List<CompletableFuture<Live>> cancels = new ArrayList<>();
        for (Tracked t : tracked.values()) {
            boolean quiet;
            synchronized (t) {
                quiet = t.rfq.state() == RfqState.ACTIVE && !t.accepting && !t.inDoubt;
            }
            if (quiet) {
                cancels.add(cancel(t.requestId(), Cause.SYSTEM));
            }
        }
        try {
            CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("not every open RFQ was cancelled as the session closed ({}); restart recovery cancels the rest", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Registration r = registration;
        if (r != null) {
            r.close();
        }
        tracked.values().forEach(Tracked::stop);
        blocking.shutdown();
        acceptStandby.close();
        accepts.shutdown();
    }

    /** Refuses an RFQ this session did not send (or no longer follows). */
    private static <T> CompletableFuture<T> notOurs(String requestId) {
        return CompletableFuture.failedFuture(new IllegalStateException("RFQ " + requestId + " is not one of this session's"));
    }

    /** One RFQ followed; its fields change only under its own lock (the poller, the socket and an accept all touch it). */
    private static final class Tracked {
        private Rfq rfq;
        final Map<String, RfqQuote> quotes = new LinkedHashMap<>();
        String accepted;
        /** The quote last armed and its durable write (see {@link RfqTaker#arm}). */
        String armed;
        CompletableFuture<Boolean> armWrite;
        BlockTrade trade;
        String message;
        boolean accepting;
        boolean inDoubt;
        volatile Thread poller;
        volatile boolean stopped;
        volatile boolean listUnavailable;
        int polls;

        Tracked(Rfq rfq) {
            this.rfq = rfq;
        }

        synchronized RfqState state() {
            return rfq.state();
        }

        synchronized String requestId() {
            return rfq.requestId();
        }

        synchronized Instant expiry() {
            return rfq.expiryTime();
        }

        synchronized Live view(long nanos) {
            return new Live(rfq, new ArrayList<>(quotes.values()), accepted, trade, message, nanos);
        }

        void stop() {
            stopped = true;
        }
    }
}
