package io.coincalltrader.engine.execution;

import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;
import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.common.Listeners;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.engine.execution.ExecutionResult.LegFill;
import io.coincalltrader.engine.execution.ExecutionResult.Status;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.TrackedOrder;
import io.coincalltrader.engine.rfq.RfqAcceptor;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.RfqGateway;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.Journal;
import io.coincalltrader.store.NewOrder;
import io.coincalltrader.store.RfqStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs trades in the three execution modes on top of the {@link OrderService} (which owns every order's life and its
 * durability) and the RFQ gateway. Each execution runs on its own virtual thread and only waits on the order
 * service's futures; the engine thread never blocks. See docs/STRATEGY_GUIDE.md §Execution for the rules.
 */
public final class ExecutionService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExecutionService.class);
    private static final Duration SLICE = Duration.ofMillis(200);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(20);
    private static final Duration RETRY_WINDOW = Duration.ofSeconds(10);

    private final OrderService orders;
    private final RfqGateway rfqs;
    private final RfqStore rfqStore;
    private final RfqAcceptor acceptor;
    private final Journal journal;
    private final MarketView market;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Execution> running = new ConcurrentHashMap<>();

    public ExecutionService(OrderService orders, RfqGateway rfqs, Database db, MarketView market, Clock clock) {
        this.orders = orders;
        this.rfqs = rfqs;
        this.rfqStore = db.rfqs();
        this.acceptor = new RfqAcceptor(rfqs, db, clock);
        this.journal = db.journal();
        this.market = market;
        this.clock = clock;
    }

    /** Starts an execution; its result completes when nothing of it is live any more. */
    public Execution submit(ExecutionPlan plan, Cause cause) {
        String id = "X" + clock.millis() + "-" + sequence.incrementAndGet();
        Execution x = new Execution(id, plan, cause);
        running.put(id, x);
        Thread.ofVirtual().name("execution-" + id).start(() -> {
            ExecutionResult r;
            try {
                journal.append("EXECUTION", cause, "execution " + id, "Start " + plan.params().mode().name().toLowerCase()
                        + " " + plan.label() + ": " + plan.legs(), null);
                r = plan.params().mode() == ExecutionMode.RFQ ? runRfq(x) : runOrders(x);
            } catch (RuntimeException e) {
                log.warn("execution {} failed: {}", id, e.toString());
                String why = e instanceof ExchangeException ee ? ee.traderMessage() : e.getMessage();
                r = new ExecutionResult(id, Status.FAILED, x.fills(), List.of(), why, x.rfqId, null);
            }
            try {
                journal.append("EXECUTION", Cause.SYSTEM, "execution " + id, r.status() + ": " + r.message(), null).join();
            } catch (RuntimeException e) {
                log.error("execution {} result not journalled: {}", id, e.toString());
            }
            running.remove(id);
            x.progress(r.status() + ": " + r.message());
            x.result.complete(r);
        });
        return x;
    }

    @Override
    public void close() {
        running.values().forEach(Execution::stop);
    }

    // ---------------------------------------------------------------- limit and aggressive

    private ExecutionResult runOrders(Execution x) {
        ExecutionParams p = x.plan.params();
        Instant deadline = clock.instant().plus(p.timeout());
        boolean aggressive = p.mode() == ExecutionMode.AGGRESSIVE;
        parallel(x.legs, leg -> work(x, leg, leg.leg.quantity(), aggressive, deadline, false));
        if (x.allFilled()) {
            return x.result(Status.FILLED, "all legs filled", List.of());
        }
        if (x.stopped) {
            return x.finishStopped();
        }
        if (x.legs.size() == 1) {
            return x.legs.getFirst().filled().signum() > 0
                    ? x.result(Status.PARTIAL, "filled " + plain(x.legs.getFirst().filled()) + " of " + plain(x.legs.getFirst().leg.quantity())
                    + " before the time ran out; the rest was cancelled", List.of())
                    : x.result(Status.NOT_FILLED, "nothing filled before the time ran out; the order was cancelled", List.of());
        }
        boolean anyFilled = x.legs.stream().anyMatch(l -> l.filled().signum() > 0);
        if (!anyFilled) {
            return x.result(Status.NOT_FILLED, "no leg filled before the time ran out; all orders were cancelled", List.of());
        }
        // Legging: retry what is missing aggressively, then follow the policy for what stays unbalanced.
        for (int attempt = 1; attempt <= p.legRetries() && !x.allFilled() && !x.stopped; attempt++) {
            int n = attempt;
            x.progress("legs unbalanced; aggressive retry " + n + " of " + p.legRetries());
            Instant retryDeadline = clock.instant().plus(RETRY_WINDOW);
            parallel(x.legs.stream().filter(l -> l.remaining().signum() > 0).toList(),
                    leg -> work(x, leg, leg.remaining(), true, retryDeadline, false));
        }
        if (x.allFilled()) {
            return x.result(Status.FILLED, "all legs filled (after retry)", List.of());
        }
        List<LegRun> excess = x.excess();
        if (excess.isEmpty()) {
            return x.result(Status.PARTIAL, "filled " + x.packagesFilled().stripTrailingZeros().toPlainString()
                    + " of the package, evenly on every leg; the rest was cancelled", List.of());
        }
        List<ExecutionLeg> exposure = excess.stream().map(l -> l.leg.withQuantity(l.excessQuantity)).toList();
        if (p.legging() == LeggingPolicy.ALERT || x.stopped) {
            journal.append("ALERT", Cause.SYSTEM, "execution " + x.id, "Legging exposure left open: " + exposure, null).join();
            return x.result(Status.EXPOSED, "legs filled unevenly; open exposure " + exposure, exposure);
        }
        x.progress("flattening the excess: " + exposure);
        Instant flattenDeadline = clock.instant().plus(RETRY_WINDOW);
        parallel(excess, leg -> work(x, leg, leg.excessQuantity, true, flattenDeadline, true));
        List<ExecutionLeg> left = x.excess().stream().map(l -> l.leg.withQuantity(l.excessQuantity)).toList();
        if (!left.isEmpty()) {
            journal.append("ALERT", Cause.SYSTEM, "execution " + x.id, "Flatten incomplete; exposure left: " + left, null).join();
            return x.result(Status.EXPOSED, "legs filled unevenly and the flatten did not complete; open exposure " + left, left);
        }
        return x.result(x.packagesFilled().signum() > 0 ? Status.PARTIAL : Status.NOT_FILLED,
                "legs filled unevenly; the excess " + exposure + " was unwound", List.of());
    }

    /** Trades {@code quantity} of one leg (or its reverse when unwinding) until filled, deadline or stop. */
    private void work(Execution x, LegRun run, BigDecimal quantity, boolean aggressive, Instant deadline, boolean unwind) {
        ExecutionLeg leg = run.leg;
        Side side = unwind ? leg.side().opposite() : leg.side();
        ExecutionParams p = x.plan.params();
        LegMarket m = market.quote(leg.symbol());
        BigDecimal qty = m.roundDownToLot(quantity);
        if (qty.signum() <= 0) {
            return;
        }
        BigDecimal band = m.mark().multiply(p.bandFraction()).max(p.minBandUsd());
        BigDecimal cap = side == Side.BUY ? m.roundToTick(m.mark().add(band), RoundingMode.DOWN)
                : m.roundToTick(m.mark().subtract(band), RoundingMode.UP);
        if (leg.limitPrice() != null && !unwind) {
            cap = leg.limitPrice();
        }
        BigDecimal price;
        if (aggressive) {
            price = cap;
        } else {
            BigDecimal start = switch (p.reference()) {
                case MARK -> m.mark();
                case MID -> m.mid();
                case EXPLICIT -> leg.price() != null ? leg.price() : m.mid();
            };
            price = m.roundToTick(start, side == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP);
            price = side == Side.BUY ? price.min(cap) : price.max(cap);
        }
        long cid = orders.nextClientOrderId();
        OrderRequest request = new OrderRequest(ProductType.of(leg.symbol()), leg.symbol(), side, OrderType.LIMIT, qty, price,
                aggressive ? TimeInForce.IOC : TimeInForce.GTC, cid, false, null);
        String purpose = (unwind ? "unwind " : "") + x.plan.label() + " (" + p.mode().name().toLowerCase() + ")";
        TrackedOrder placed = await(orders.place(new NewOrder(request, purpose, x.plan.structureId(), x.id), x.cause,
                "execution " + x.id), Duration.ofSeconds(30));
        run.clientOrderIds.add(cid);
        x.progress((unwind ? "unwinding " : "sent ") + side + " " + plain(qty) + " " + leg.symbol() + " @ " + plain(price));
        TrackedOrder last = placed;
        BigDecimal seenFilled = BigDecimal.ZERO;
        Instant lastChange = clock.instant();
        while (true) {
            Optional<TrackedOrder> done = poll(orders.finished(cid), SLICE);
            if (done.isPresent()) {
                last = done.get();
                break;
            }
            Instant now = clock.instant();
            if (x.stopped || !now.isBefore(deadline)) {
                last = cancelAndWait(x, cid);
                break;
            }
            TrackedOrder current = await(orders.when(cid, o -> true), Duration.ofSeconds(5));
            run.live(cid, current);
            if (current.filledQuantity().compareTo(seenFilled) > 0) {
                seenFilled = current.filledQuantity();
                lastChange = now;
                x.progress(leg.symbol() + " filled " + plain(run.filled()) + " of " + plain(leg.quantity()));
                continue;
            }
            if (aggressive || p.requoteAfter() == null || now.isBefore(lastChange.plus(p.requoteAfter()))) {
                continue;
            }
            BigDecimal step = m.tickSize().multiply(BigDecimal.valueOf(p.requoteTicks()));
            BigDecimal next = side == Side.BUY ? price.add(step).min(cap) : price.subtract(step).max(cap);
            lastChange = now;
            if (next.compareTo(price) == 0 || current.state() != OrderState.ACKED && current.state() != OrderState.PARTIALLY_FILLED) {
                continue;
            }
            try {
                await(orders.amend(cid, null, next, Cause.SYSTEM), Duration.ofSeconds(10));
                x.progress("requoted " + leg.symbol() + " " + plain(price) + " → " + plain(next) + (next.compareTo(cap) == 0 ? " (limit)" : ""));
                price = next;
            } catch (RuntimeException e) {
                log.info("requote of {} not done: {}", cid, e.getMessage());
            }
        }
        run.live(cid, last);
        if (unwind) {
            run.unwound.put(cid, last);
        }
    }

    private TrackedOrder cancelAndWait(Execution x, long cid) {
        TrackedOrder current = await(orders.when(cid, o -> true), Duration.ofSeconds(5));
        if (!current.state().isTerminal()) {
            try {
                await(orders.cancel(cid, x.stopped ? x.cause : Cause.SYSTEM), Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                log.info("cancel of {} not sent now ({}); waiting for the order to finish", cid, e.getMessage());
            }
        }
        return poll(orders.finished(cid), CANCEL_WAIT).orElseGet(() -> await(orders.when(cid, o -> true), Duration.ofSeconds(5)));
    }

    // ---------------------------------------------------------------- RFQ

    private ExecutionResult runRfq(Execution x) {
        ExecutionParams p = x.plan.params();
        List<ExecutionLeg> legs = x.plan.legs();
        boolean single = legs.size() == 1;
        // A single-leg RFQ goes out as BUY; we choose the direction at accept (coincall-api.md §6).
        List<RfqLeg> rfqLegs = single ? List.of(new RfqLeg(legs.getFirst().symbol(), Side.BUY, legs.getFirst().quantity()))
                : legs.stream().map(l -> new RfqLeg(l.symbol(), l.side(), l.quantity())).toList();
        Side wanted = single ? legs.getFirst().side() : Side.BUY;
        BigDecimal markCost = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal contracts = BigDecimal.ZERO;
        for (ExecutionLeg l : legs) {
            BigDecimal value = market.quote(l.symbol()).mark().multiply(l.quantity());
            markCost = l.side() == Side.BUY ? markCost.add(value) : markCost.subtract(value);
            gross = gross.add(value);
            contracts = contracts.add(l.quantity());
        }
        BigDecimal band = QuoteSelection.band(gross, contracts, p.bandFraction(), p.minBandUsd());
        BigDecimal worst = markCost.add(band);
        Rfq rfq = rfqs.create(rfqLegs);
        x.rfqId = rfq.requestId();
        rfqStore.record(rfq).join();
        // The mark of the RFQ as sent: a single leg goes out as BUY, so a sale's mark is turned round.
        rfqStore.recordMark(rfq.requestId(), single && wanted == Side.SELL ? markCost.negate() : markCost);
        x.progress("RFQ " + rfq.requestId() + " sent; package mark " + usd(markCost) + ", accepting up to " + usd(worst));
        Instant start = clock.instant();
        Instant deadline = start.plus(p.timeout());
        int seenQuotes = 0;
        String lastBandNote = null;
        while (!x.stopped && clock.instant().isBefore(deadline)) {
            List<RfqQuote> quotes;
            try {
                quotes = rfqs.quotesReceived(rfq.requestId());
            } catch (ExchangeException e) {
                log.info("quotes of {} not read now: {}", rfq.requestId(), e.traderMessage());
                sleep(SLICE.multipliedBy(2));
                continue;
            }
            quotes.forEach(rfqStore::recordQuote);
            Instant now = clock.instant();
            List<RfqQuote> usable = quotes.stream().filter(q -> q.state() == QuoteState.OPEN && QuoteSelection.match(rfqLegs, q).filter(d -> d == wanted).isPresent()
                    && (q.expiryTime() == null || q.expiryTime().isAfter(now.plusSeconds(1)))).sorted(Comparator.comparing(RfqQuote::takerCost)).toList();
            if (!usable.isEmpty() && !now.isBefore(start.plus(p.rfqMinWait()))) {
                RfqQuote best = usable.getFirst();
                if (best.takerCost().compareTo(worst) <= 0) {
                    Optional<ExecutionResult> r = accept(x, rfq, best, markCost);
                    if (r.isPresent()) {
                        return r.get();
                    }
                } else {
                    String note = usable.size() + " quote(s); best " + usd(best.takerCost()) + " is outside the band (limit " + usd(worst) + ")";
                    if (!note.equals(lastBandNote)) {
                        x.progress(note);
                        lastBandNote = note;
                    }
                }
            } else if (quotes.size() != seenQuotes) {
                x.progress(quotes.size() + " quote(s) received");
            }
            seenQuotes = quotes.size();
            sleep(SLICE.multipliedBy(2));
        }
        try {
            rfqs.cancel(rfq.requestId());
        } catch (ExchangeException e) {
            log.info("cancel of RFQ {} answered: {}", rfq.requestId(), e.traderMessage());
        }
        rfqStore.recordResult(rfq.requestId(), RfqState.CANCELLED, "{\"reason\":\"" + (x.stopped ? "stopped by the trader" : "no quote inside the band before the timeout") + "\"}", x.stopped ? x.cause : Cause.SYSTEM).join();
        return x.stopped ? x.result(Status.STOPPED, "RFQ cancelled by the trader", List.of())
                : x.result(Status.NOT_FILLED, "no quote inside the band (" + usd(worst) + ") within " + p.timeout().toSeconds() + " s; the RFQ was cancelled", List.of());
    }

    /** Accepts one quote once; empty means it was definitely refused (nothing traded) and another may be tried. */
    private Optional<ExecutionResult> accept(Execution x, Rfq rfq, RfqQuote q, BigDecimal markCost) {
        x.progress("accepting quote " + q.quoteId() + " at " + usd(q.takerCost()) + " (mark " + usd(markCost) + ")");
        BlockTrade t;
        switch (acceptor.accept(rfq.requestId(), q, x.cause)) {
            case RfqAcceptor.Outcome.AlreadyAccepted a -> {
                return Optional.of(x.result(Status.FAILED, "another quote was already accepted on RFQ " + rfq.requestId(), List.of()));
            }
            case RfqAcceptor.Outcome.Refused r -> {
                x.progress("quote " + q.quoteId() + " refused: " + r.reason());
                return Optional.empty();
            }
            case RfqAcceptor.Outcome.InDoubt d -> {
                return Optional.of(x.result(Status.IN_DOUBT, d.message(), List.of()));
            }
            case RfqAcceptor.Outcome.Filled f -> t = f.trade();
        }
        for (LegRun run : x.legs) {
            t.legs().stream().filter(bl -> bl.instrumentName().equals(run.leg.symbol())).findFirst()
                    .ifPresent(bl -> run.block(bl.quantity(), bl.price()));
        }
        ExecutionResult r = x.result(Status.FILLED, "block trade " + t.blockTradeId() + " at " + usd(q.takerCost())
                + " (mark " + usd(markCost) + ", edge " + usd(markCost.subtract(q.takerCost())) + ")", List.of());
        return Optional.of(new ExecutionResult(r.executionId(), r.status(), r.legs(), r.exposure(), r.message(), rfq.requestId(), t.blockTradeId()));
    }

    // ---------------------------------------------------------------- helpers

    private static void parallel(List<LegRun> legs, Consumer<LegRun> task) {
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (LegRun l : legs) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    task.accept(l);
                } catch (RuntimeException e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!errors.isEmpty()) {
            log.warn("{} leg(s) failed: {}", errors.size(), errors.getFirst().toString());
        }
    }

    private static <T> T await(CompletableFuture<T> f, Duration max) {
        try {
            return f.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + max.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static <T> Optional<T> poll(CompletableFuture<T> f, Duration max) {
        try {
            return Optional.of(f.get(max.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String usd(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString() + " USD";
    }

    /** One leg's orders and fills within an execution. */
    static final class LegRun {
        final ExecutionLeg leg;
        final List<Long> clientOrderIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<Long, TrackedOrder> orders = new ConcurrentHashMap<>();
        final Map<Long, TrackedOrder> unwound = new ConcurrentHashMap<>();
        volatile BigDecimal blockFilled = BigDecimal.ZERO;
        volatile BigDecimal blockPrice;
        BigDecimal excessQuantity = BigDecimal.ZERO;

        LegRun(ExecutionLeg leg) {
            this.leg = leg;
        }

        void live(long cid, TrackedOrder o) {
            orders.put(cid, o);
        }

        void block(BigDecimal qty, BigDecimal price) {
            blockFilled = qty;
            blockPrice = price;
        }

        private List<TrackedOrder> entries() {
            return orders.entrySet().stream().filter(e -> !unwound.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        }

        BigDecimal filled() {
            return entries().stream().map(TrackedOrder::filledQuantity).reduce(blockFilled, BigDecimal::add);
        }

        BigDecimal unwoundQuantity() {
            return unwound.values().stream().map(TrackedOrder::filledQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal remaining() {
            return leg.quantity().subtract(filled()).max(BigDecimal.ZERO);
        }

        BigDecimal averagePrice() {
            BigDecimal qty = blockFilled;
            BigDecimal cost = blockPrice == null ? BigDecimal.ZERO : blockPrice.multiply(blockFilled);
            for (TrackedOrder o : entries()) {
                if (o.filledQuantity().signum() > 0 && o.averagePrice() != null) {
                    qty = qty.add(o.filledQuantity());
                    cost = cost.add(o.averagePrice().multiply(o.filledQuantity()));
                }
            }
            return qty.signum() == 0 ? null : cost.divide(qty, MathContext.DECIMAL64);
        }

        LegFill fill() {
            return new LegFill(leg, filled(), averagePrice(), unwoundQuantity(), clientOrderIds);
        }
    }

    /** A running execution: its legs, progress listeners and result. */
    public final class Execution {
        private final String id;
        private final ExecutionPlan plan;
        private final Cause cause;
        private final List<LegRun> legs;
        private final Listeners<ExecutionProgress> listeners = new Listeners<>("execution progress");
        private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
        private volatile boolean stopped;
        private volatile String rfqId;

        Execution(String id, ExecutionPlan plan, Cause cause) {
            this.id = id;
            this.plan = plan;
            this.cause = cause;
            this.legs = plan.legs().stream().map(LegRun::new).toList();
        }

        public String id() {
            return id;
        }

        public ExecutionPlan plan() {
            return plan;
        }

        public CompletableFuture<ExecutionResult> result() {
            return result;
        }

        /** Progress lines as they happen, on the execution's thread. */
        public Subscription onProgress(Consumer<ExecutionProgress> listener) {
            return listeners.add(listener);
        }

        /** Stops: open orders are cancelled (fills that won the race are kept and reported), an open RFQ cancelled. */
        public void stop() {
            stopped = true;
        }

        void progress(String step) {
            ExecutionProgress p = new ExecutionProgress(id, step, fills(), clock.instant());
            listeners.publish(p);
        }

        List<LegFill> fills() {
            return legs.stream().map(LegRun::fill).toList();
        }

        boolean allFilled() {
            return legs.stream().allMatch(l -> l.remaining().signum() == 0);
        }

        /** Whole packages filled: the smallest filled fraction over the legs. */
        BigDecimal packagesFilled() {
            return legs.stream().map(l -> l.filled().subtract(l.unwoundQuantity()).divide(l.leg.quantity(), MathContext.DECIMAL64))
                    .min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        }

        /** Legs holding more than their share of the whole packages filled, with the excess set. */
        List<LegRun> excess() {
            BigDecimal fraction = packagesFilled();
            List<LegRun> out = new ArrayList<>();
            for (LegRun l : legs) {
                BigDecimal keep = l.leg.quantity().multiply(fraction);
                BigDecimal extra = l.filled().subtract(l.unwoundQuantity()).subtract(keep);
                if (extra.signum() > 0 && extra.compareTo(new BigDecimal("1e-9")) > 0) {
                    l.excessQuantity = extra;
                    out.add(l);
                }
            }
            return out;
        }

        ExecutionResult result(Status status, String message, List<ExecutionLeg> exposure) {
            return new ExecutionResult(id, status, fills(), exposure, message, rfqId, null);
        }

        ExecutionResult finishStopped() {
            List<LegRun> ex = legs.size() > 1 ? excess() : List.of();
            List<ExecutionLeg> exposure = ex.stream().map(l -> l.leg.withQuantity(l.excessQuantity)).toList();
            return result(Status.STOPPED, "stopped by the trader; open orders cancelled"
                    + (exposure.isEmpty() ? "" : "; legs filled unevenly, open exposure " + exposure), exposure);
        }
    }
}
