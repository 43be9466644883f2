package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.engine.common.Crashpoints;
import io.coincalltrader.engine.common.EngineThread;
import io.coincalltrader.engine.common.Listeners;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.ExchangeRejectedException;
import io.coincalltrader.exchange.NotSentException;
import io.coincalltrader.exchange.OrderGateway;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.StoreWriter;
import io.coincalltrader.store.FillSource;
import io.coincalltrader.store.FillStore;
import io.coincalltrader.store.Journal;
import io.coincalltrader.store.NewOrder;
import io.coincalltrader.store.OrderStore;
import io.coincalltrader.store.OrderUpdate;
import io.coincalltrader.store.StoredOrder;
import io.coincalltrader.store.WriteCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Places, amends and cancels orders, and follows each one to its end. Order state lives on the engine thread; the
 * exchange and the store are reached on the I/O executor, and their answers come back as {@link OrderEvent}s.
 * Guarantees: the order row is durable before the request leaves; a request is sent once; an unknown outcome is
 * resolved by asking the exchange for the client order id; each fill is recorded once, before it is shown.
 */
public final class OrderService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderGateway gateway;
    private final OrderStore orders;
    private final FillStore fills;
    private final Journal journal;
    private final StoreWriter writer;
    private final EngineThread engine;
    private final ScheduledExecutorService io;
    private final Clock clock;
    private final ClientOrderIds ids;
    private final OrderServiceConfig config;
    private final OrderFollower follower;
    private final Map<Long, Entry> book = new HashMap<>();
    private final Map<Long, Long> clientIdByExchangeId = new HashMap<>();
    private final Listeners<TrackedOrder> updates = new Listeners<>("order update");
    private final Listeners<Fill> fillListeners = new Listeners<>("fill");
    private volatile ScheduledFuture<?> polling;

    public OrderService(OrderGateway gateway, Database store, EngineThread engine, ScheduledExecutorService io, Clock clock,
                        OrderServiceConfig config) {
        this.gateway = gateway;
        this.orders = store.orders();
        this.fills = store.fills();
        this.journal = store.journal();
        this.writer = store.writer();
        this.engine = engine;
        this.io = io;
        this.clock = clock;
        this.config = config;
        this.ids = new ClientOrderIds(clock, orders.highestClientOrderId());
        this.follower = new OrderFollower(gateway, config, clock);
    }

    /** A fresh client order id, never used before in this profile. */
    public long nextClientOrderId() {
        return ids.next();
    }

    /** Every change of any order, after it is durable, on the engine thread. */
    public Subscription onOrder(Consumer<TrackedOrder> listener) {
        return updates.add(listener);
    }

    /** Every new fill, after it is recorded, on the engine thread. */
    public Subscription onFill(Consumer<Fill> listener) {
        return fillListeners.add(listener);
    }

    /** Starts following live orders with the exchange. */
    public void start() {
        polling = io.scheduleWithFixedDelay(this::pollSafely, config.pollInterval().toMillis(),
                config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Records the order and sends it. The future completes once the row is durable (the order is then the
     * trader's: it will be followed to its end even across a restart) and fails if it could not be recorded, in
     * which case nothing was sent.
     */
    public CompletableFuture<TrackedOrder> place(NewOrder order, Cause cause, String detail) {
        CompletableFuture<TrackedOrder> durable = new CompletableFuture<>();
        io.execute(() -> {
            try {
                orders.insertPendingSend(order, cause, detail);
            } catch (RuntimeException e) {
                log.warn("order {} not recorded, so not sent: {}", order.request().clientOrderId(), e.getMessage());
                durable.completeExceptionally(e);
                return;
            }
            engine.execute(() -> {
                Entry entry = new Entry(TrackedOrder.of(order.request(), clock.instant()), order.request().product());
                book.put(entry.clientOrderId(), entry);
                apply(entry, new OrderEvent.Persisted(), cause, false);
                durable.complete(entry.order);
                send(entry);
            });
        });
        return durable;
    }

    /** Asks the exchange to cancel; the order is cancelled only when the exchange says so (a fill may win the race). */
    public CompletableFuture<TrackedOrder> cancel(long clientOrderId, Cause cause) {
        return onEngine(() -> {
            Entry e = require(clientOrderId);
            Transition t = apply(e, new OrderEvent.CancelRequested(), cause, true);
            if (t.anomaly() != null) {
                throw new IllegalStateException("Cannot cancel order " + clientOrderId + ": " + t.anomaly());
            }
            Long exchangeId = e.order.exchangeOrderId();
            io.execute(() -> {
                OrderEvent result = null;
                try {
                    if (exchangeId != null) {
                        gateway.cancel(e.product, exchangeId);
                    } else {
                        gateway.cancelByClientOrderId(e.product, clientOrderId);
                    }
                    Crashpoints.hit("after-cancel-send");
                } catch (ExchangeRejectedException x) {
                    result = new OrderEvent.CancelRejected(x.code(), x.traderMessage());
                } catch (RuntimeException x) {
                    log.warn("cancel of {} has no clear answer ({}); the exchange's order state will tell", clientOrderId, x.getMessage());
                }
                if (result != null) {
                    OrderEvent r = result;
                    engine.execute(() -> apply(e, r, Cause.EXCHANGE, true));
                }
                io.execute(this::pollSafely);
            });
            return e.order;
        });
    }

    /** Changes price and/or size; completes when the exchange accepted the change, fails with its refusal. */
    public CompletableFuture<TrackedOrder> amend(long clientOrderId, BigDecimal quantity, BigDecimal price, Cause cause) {
        CompletableFuture<TrackedOrder> done = new CompletableFuture<>();
        engine.execute(() -> {
            Entry e = book.get(clientOrderId);
            if (e == null || e.order.exchangeOrderId() == null || !e.order.state().mayBeLive() || e.order.state() == OrderState.IN_DOUBT
                    || e.order.state() == OrderState.PENDING_CANCEL) {
                done.completeExceptionally(new IllegalStateException("Order " + clientOrderId + " cannot be amended while "
                        + (e == null ? "unknown" : e.order.state())));
                return;
            }
            BigDecimal qty = quantity == null ? e.order.request().quantity() : quantity;
            BigDecimal px = price == null ? e.order.request().price() : price;
            long exchangeId = e.order.exchangeOrderId();
            String symbol = e.order.request().symbol();
            journal.append("ORDER", cause, "order " + clientOrderId, "Amend requested to " + qty.toPlainString() + " @ " + px, null);
            io.execute(() -> {
                try {
                    gateway.amend(e.product, symbol, exchangeId, qty, px);
                    Crashpoints.hit("after-amend-send");
                    orders.amended(clientOrderId, qty, px, cause, "accepted by the exchange").join();
                    engine.execute(() -> {
                        apply(e, new OrderEvent.Amended(qty, px), Cause.EXCHANGE, false);
                        done.complete(e.order);
                    });
                } catch (RuntimeException x) {
                    String why = x instanceof ExchangeException ee ? ee.traderMessage() : x.getMessage();
                    journal.append("ORDER", Cause.EXCHANGE, "order " + clientOrderId, "Amend not confirmed: " + why, null);
                    done.completeExceptionally(x);
                }
            });
        });
        return done;
    }

    /** Completes when the order first satisfies the condition (checked after each durable change). */
    public CompletableFuture<TrackedOrder> when(long clientOrderId, Predicate<TrackedOrder> condition) {
        CompletableFuture<TrackedOrder> f = new CompletableFuture<>();
        engine.execute(() -> {
            Entry e = book.get(clientOrderId);
            if (e == null) {
                f.completeExceptionally(new IllegalArgumentException("no order with client order id " + clientOrderId));
            } else if (condition.test(e.order)) {
                f.complete(e.order);
            } else {
                e.watchers.add(new Watcher(condition, f));
            }
        });
        return f;
    }

    /** Completes when the order is finished: filled, cancelled, rejected or not placed. */
    public CompletableFuture<TrackedOrder> finished(long clientOrderId) {
        return when(clientOrderId, o -> o.state().isTerminal());
    }

    /** The orders followed now (copies), on any thread. */
    public CompletableFuture<List<TrackedOrder>> snapshot() {
        return onEngine(() -> book.values().stream().map(e -> e.order).toList());
    }

    /**
     * Takes over recorded orders that may still change (after a restart): each is followed again, and those whose
     * request may have left without an answer are resolved by client order id.
     */
    public CompletableFuture<Integer> resume(List<StoredOrder> unfinished) {
        return onEngine(() -> {
            int n = 0;
            for (StoredOrder s : unfinished) {
                if (s.clientOrderId() == null || book.containsKey(s.clientOrderId())) {
                    continue;
                }
                OrderRequest r = new OrderRequest(s.product(), s.symbol(), s.side(), s.type(), s.quantity(), s.price(),
                        s.timeInForce(), s.clientOrderId(), s.reduceOnly(), s.triggerPrice());
                // The recorded fills are the truth about what filled (recovery may have recorded some the row
                // does not count yet); the row's own figures are used only when no fill is recorded.
                java.util.Set<String> trades = new java.util.HashSet<>();
                BigDecimal filled = BigDecimal.ZERO;
                BigDecimal cost = BigDecimal.ZERO;
                for (var f : fills.forOrder(s.clientOrderId())) {
                    if (trades.add(f.fill().tradeId())) {
                        filled = filled.add(f.fill().quantity());
                        cost = cost.add(f.fill().quantity().multiply(f.fill().price()));
                    }
                }
                BigDecimal average = filled.signum() > 0 ? cost.divide(filled, java.math.MathContext.DECIMAL64) : s.averagePrice();
                if (trades.isEmpty()) {
                    filled = s.filledQuantity();
                }
                Entry e = new Entry(TrackedOrder.restored(r, s.state(), s.exchangeOrderId(), filled,
                        average, trades, s.updatedAt()), s.product());
                e.sentAt = s.updatedAt();
                e.awaitingAnswer = false;
                book.put(s.clientOrderId(), e);
                if (s.exchangeOrderId() != null) {
                    clientIdByExchangeId.put(s.exchangeOrderId(), s.clientOrderId());
                }
                n++;
            }
            return n;
        });
    }

    /** Applies what the exchange pushed (WebSocket order and trade frames). */
    public void onExchangeEvent(OrderEvent event, Long clientOrderId, Long exchangeOrderId, FillSource source) {
        engine.execute(() -> {
            Long cid = clientOrderId != null && book.containsKey(clientOrderId) ? clientOrderId
                    : exchangeOrderId == null ? null : clientIdByExchangeId.get(exchangeOrderId);
            Entry e = cid == null ? null : book.get(cid);
            if (e != null) {
                e.fillSource = source;
                apply(e, event, Cause.EXCHANGE, true);
            }
        });
    }

    /** Checks every live or unresolved order with the exchange once, now (on the calling thread, off the engine). */
    public void pollNow() {
        List<OrderFollower.Followed> live = onEngine(() -> book.values().stream().filter(Entry::needsFollowing)
                .map(Entry::followed).toList()).join();
        if (live.isEmpty()) {
            return;
        }
        List<OrderFollower.Finding> findings = follower.check(live);
        engine.execute(() -> {
            for (OrderFollower.Finding f : findings) {
                Entry e = book.get(f.clientOrderId());
                if (e != null) {
                    e.fillSource = FillSource.REST;
                    apply(e, f.event(), Cause.EXCHANGE, true);
                }
            }
        });
    }

    private void pollSafely() {
        try {
            pollNow();
        } catch (RuntimeException e) {
            log.warn("checking orders with the exchange failed: {}", e.getMessage());
        }
    }

    private void send(Entry e) {
        apply(e, new OrderEvent.SendStarted(), Cause.SYSTEM, true);
        e.sentAt = clock.instant();
        e.awaitingAnswer = true;
        OrderRequest request = e.order.request();
        io.execute(() -> {
            Crashpoints.hit("before-send");
            OrderEvent result;
            try {
                long id = gateway.place(request);
                Crashpoints.hit("after-send-before-ack");
                result = new OrderEvent.Acknowledged(id);
            } catch (ExchangeRejectedException x) {
                result = new OrderEvent.Rejected(x.code(), x.traderMessage());
            } catch (NotSentException x) {
                result = new OrderEvent.NotSent(x.getMessage());
            } catch (RuntimeException x) {
                // Timeouts, 5xx, 429, malformed answers: the exchange may have the order. Ask, never resend.
                result = new OrderEvent.OutcomeUnknown(x instanceof ExchangeException ee ? ee.traderMessage() : x.toString());
            }
            OrderEvent r = result;
            engine.execute(() -> {
                e.awaitingAnswer = false;
                apply(e, r, Cause.EXCHANGE, true);
            });
        });
    }

    /** Runs one event through the state machine; persists the change, then tells listeners and watchers. */
    private Transition apply(Entry e, OrderEvent event, Cause cause, boolean persist) {
        engine.assertOnEngineThread();
        Transition t = OrderStateMachine.apply(e.order, event, clock.instant());
        if (t.anomaly() != null) {
            log.warn("order {}: {}", e.clientOrderId(), t.anomaly());
            journal.append("ORDER", Cause.SYSTEM, "order " + e.clientOrderId(), "Anomaly: " + t.anomaly(), null);
        }
        if (!t.changed()) {
            return t;
        }
        e.order = t.order();
        if (e.order.exchangeOrderId() != null) {
            clientIdByExchangeId.put(e.order.exchangeOrderId(), e.clientOrderId());
        }
        TrackedOrder now = e.order;
        if (!persist) {
            publish(e, now);
            return t;
        }
        List<WriteCommand<?>> writes = new ArrayList<>();
        Fill newFill = t.newFill() && event instanceof OrderEvent.FillReceived f ? f.fill() : null;
        if (newFill != null) {
            writes.add(fills.recordCommand(newFill, e.product, e.fillSource));
        }
        writes.add(orders.updateCommand(new OrderUpdate(e.clientOrderId(), now.state(), now.exchangeOrderId(),
                now.filledQuantity(), now.averagePrice(), cause, t.cause())));
        writer.submit(WriteCommand.all(writes)).whenComplete((ok, err) -> engine.execute(() -> {
            if (err != null) {
                log.error("order {} change to {} could not be recorded", e.clientOrderId(), now.state(), err);
            }
            if (newFill != null) {
                Crashpoints.hit("after-fill-recorded");
                fillListeners.publish(newFill);
            }
            publish(e, now);
        }));
        return t;
    }

    private void publish(Entry e, TrackedOrder o) {
        updates.publish(o);
        e.watchers.removeIf(w -> {
            if (w.condition.test(o)) {
                w.future.complete(o);
                return true;
            }
            return false;
        });
    }

    private Entry require(long clientOrderId) {
        Entry e = book.get(clientOrderId);
        if (e == null) {
            throw new IllegalArgumentException("No order with client order id " + clientOrderId);
        }
        return e;
    }

    private <T> CompletableFuture<T> onEngine(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, engine);
    }

    @Override
    public void close() {
        ScheduledFuture<?> p = polling;
        if (p != null) {
            p.cancel(false);
        }
    }

    private record Watcher(Predicate<TrackedOrder> condition, CompletableFuture<TrackedOrder> future) {
    }

    /** One followed order: engine-thread state. */
    private final class Entry {
        final io.coincalltrader.domain.order.ProductType product;
        final List<Watcher> watchers = new ArrayList<>();
        TrackedOrder order;
        Instant sentAt;
        boolean awaitingAnswer;
        FillSource fillSource = FillSource.REST;

        Entry(TrackedOrder order, io.coincalltrader.domain.order.ProductType product) {
            this.order = order;
            this.product = product;
        }

        long clientOrderId() {
            return order.clientOrderId();
        }

        /** Live, or sent without an answer (and no request of ours still waiting for one). */
        boolean needsFollowing() {
            OrderState s = order.state();
            if (awaitingAnswer) {
                return false;
            }
            return s.mayBeLive() || s == OrderState.PENDING_SEND;
        }

        OrderFollower.Followed followed() {
            return new OrderFollower.Followed(order, product, sentAt == null ? order.updatedAt() : sentAt);
        }
    }
}
