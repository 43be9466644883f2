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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
    private final ScheduledExecutorService io;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock;
    private final Duration pollEvery;
    private final Runnable afterTrade;
    private final Listeners<Live> listeners = new Listeners<>("rfq updates");
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private volatile Registration registration;

    /** {@code afterTrade} runs after a block trade is recorded (the session refreshes structures and positions). */
    public RfqTaker(RfqGateway rfqs, Database db, ScheduledExecutorService io, Clock clock, Duration pollEvery, Runnable afterTrade) {
        this.rfqs = rfqs;
        this.db = db;
        this.acceptor = new RfqAcceptor(rfqs, db, clock);
        this.io = io;
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
            t.poller = io.scheduleWithFixedDelay(() -> poll(t), pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
            return publish(t);
        });
    }

    /**
     * Accepts this quote on this RFQ. Refused here when the RFQ is no longer active or the quote is not open or expires
     * within a second; otherwise through {@link RfqAcceptor}.
     */
    public CompletableFuture<Live> accept(String requestId, String quoteId, Cause cause) {
        Tracked t = tracked.get(requestId);
        if (t == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("RFQ " + requestId + " is not one of this session's"));
        }
        RfqQuote q;
        synchronized (t) {
            q = t.quotes.get(quoteId);
        }
        Instant now = clock.instant();
        if (t.rfq.state() != RfqState.ACTIVE) {
            return CompletableFuture.failedFuture(new IllegalStateException("the RFQ is " + t.rfq.state().name().toLowerCase().replace('_', ' ')));
        }
        if (q == null || q.state() != QuoteState.OPEN) {
            return CompletableFuture.failedFuture(new IllegalStateException("that quote is no longer open"));
        }
        if (q.expiryTime() != null && !q.expiryTime().isAfter(now.plusSeconds(1))) {
            return CompletableFuture.failedFuture(new IllegalStateException("that quote expires within a second"));
        }
        return async(() -> {
            switch (acceptor.accept(requestId, q, cause)) {
                case RfqAcceptor.Outcome.Filled f -> {
                    t.trade = f.trade();
                    t.accepted = quoteId;
                    t.message = null;
                    t.rfq = withState(t.rfq, RfqState.FILLED);
                    synchronized (t) {
                        t.quotes.put(quoteId, withState(q, QuoteState.FILLED));
                    }
                    t.stop();
                    // The fill is told first; structures and positions are re-read beside it.
                    io.execute(() -> {
                        try {
                            afterTrade.run();
                        } catch (RuntimeException e) {
                            log.warn("refresh after block trade {} failed: {}", f.trade().blockTradeId(), e.getMessage());
                        }
                    });
                }
                case RfqAcceptor.Outcome.Refused r -> {
                    t.message = "the exchange refused quote " + quoteId + ": " + r.reason();
                    synchronized (t) {
                        t.quotes.put(quoteId, withState(q, QuoteState.CANCELLED));
                    }
                }
                case RfqAcceptor.Outcome.AlreadyAccepted a -> t.message = "another quote was already accepted on this RFQ";
                case RfqAcceptor.Outcome.InDoubt d -> {
                    t.accepted = quoteId;
                    t.message = d.message();
                }
            }
            return publish(t);
        });
    }

    /** Cancels the RFQ at the exchange and records it as cancelled by the trader. */
    public CompletableFuture<Live> cancel(String requestId, Cause cause) {
        Tracked t = tracked.get(requestId);
        if (t == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("RFQ " + requestId + " is not one of this session's"));
        }
        return async(() -> {
            if (t.rfq.state() != RfqState.ACTIVE) {
                return publish(t);
            }
            try {
                rfqs.cancel(requestId);
            } catch (ExchangeRejectedException e) {
                // Already closed at the exchange (filled, expired or traded away): its state says which.
                refreshState(t);
                if (t.rfq.state() != RfqState.ACTIVE) {
                    return publish(t);
                }
                throw new CompletionException(e);
            }
            close(t, RfqState.CANCELLED, "cancelled by the trader", cause);
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
                if (t != null && u.rfq().state() != t.rfq.state() && t.rfq.state() == RfqState.ACTIVE) {
                    exchangeClosed(t, u.rfq().state());
                    publish(t);
                }
            }
            default -> {
                // orders, fills and market data are other listeners' business
            }
        }
    }

    /** The safety net: quotes by REST, and expiry seen from the RFQ's own clock when no push says so. */
    private void poll(Tracked t) {
        if (t.rfq.state() != RfqState.ACTIVE) {
            t.stop();
            return;
        }
        boolean changed = false;
        try {
            for (RfqQuote q : rfqs.quotesReceived(t.rfq.requestId())) {
                changed |= merge(t, q);
            }
        } catch (ExchangeException e) {
            log.info("quotes of RFQ {} not read now: {}", t.rfq.requestId(), e.traderMessage());
        }
        if (++t.polls % 5 == 0) {
            changed |= refreshState(t);
        }
        Instant expiry = t.rfq.expiryTime();
        if (t.rfq.state() == RfqState.ACTIVE && expiry != null && !clock.instant().isBefore(expiry)) {
            close(t, RfqState.EXPIRED, "expired without a trade", Cause.EXCHANGE);
            changed = true;
        }
        if (changed) {
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
            for (Rfq r : rfqs.list(t.rfq.requestId(), null, "TAKER", now.minus(Duration.ofHours(3)), now.plusSeconds(1))) {
                if (r.requestId().equals(t.rfq.requestId()) && r.state() != t.rfq.state() && t.rfq.state() == RfqState.ACTIVE) {
                    exchangeClosed(t, r.state());
                    return true;
                }
            }
        } catch (ExchangeException e) {
            t.listUnavailable = true;
            log.info("RFQ list not available to this account ({}); following RFQ {} by pushes and its expiry", e.traderMessage(), t.rfq.requestId());
        }
        return false;
    }

    private void exchangeClosed(Tracked t, RfqState state) {
        if (state == RfqState.FILLED && t.accepted == null) {
            // Filled without our accept in this session: the reconciler records the block trade; show the state.
            t.rfq = withState(t.rfq, state);
            t.stop();
            return;
        }
        if (state == RfqState.FILLED) {
            return; // our accept records it, with its trade
        }
        close(t, state, switch (state) {
            case EXPIRED -> "expired without a trade";
            case TRADED_AWAY -> "traded away: another quote was taken";
            case CANCELLED -> "cancelled at the exchange";
            default -> state.name();
        }, Cause.EXCHANGE);
    }

    private void close(Tracked t, RfqState state, String reason, Cause cause) {
        t.rfq = withState(t.rfq, state);
        t.stop();
        synchronized (t) {
            t.quotes.replaceAll((id, q) -> q.state() == QuoteState.OPEN ? withState(q, QuoteState.CANCELLED) : q);
        }
        db.rfqs().recordResult(t.rfq.requestId(), state, "{\"reason\":\"" + reason + "\"}", cause);
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
        }
        db.rfqs().recordQuote(merged);
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

    @Override
    public void close() {
        Registration r = registration;
        if (r != null) {
            r.close();
        }
        tracked.values().forEach(Tracked::stop);
        blocking.shutdown();
    }

    private static final class Tracked {
        volatile Rfq rfq;
        final Map<String, RfqQuote> quotes = new LinkedHashMap<>();
        volatile String accepted;
        volatile BlockTrade trade;
        volatile String message;
        volatile ScheduledFuture<?> poller;
        volatile boolean listUnavailable;
        int polls;

        Tracked(Rfq rfq) {
            this.rfq = rfq;
        }

        synchronized Live view(long nanos) {
            return new Live(rfq, new ArrayList<>(quotes.values()), accepted, trade, message, nanos);
        }

        void stop() {
            ScheduledFuture<?> p = poller;
            if (p != null) {
                p.cancel(false);
            }
        }
    }
}
