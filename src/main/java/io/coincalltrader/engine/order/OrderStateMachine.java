package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;

import java.time.Instant;

import static io.coincalltrader.domain.order.OrderState.ACKED;
import static io.coincalltrader.domain.order.OrderState.CANCELLED;
import static io.coincalltrader.domain.order.OrderState.FILLED;
import static io.coincalltrader.domain.order.OrderState.IN_DOUBT;
import static io.coincalltrader.domain.order.OrderState.NEW;
import static io.coincalltrader.domain.order.OrderState.NOT_PLACED;
import static io.coincalltrader.domain.order.OrderState.PARTIALLY_FILLED;
import static io.coincalltrader.domain.order.OrderState.PENDING_CANCEL;
import static io.coincalltrader.domain.order.OrderState.PENDING_SEND;
import static io.coincalltrader.domain.order.OrderState.REJECTED;
import static io.coincalltrader.domain.order.OrderState.SENT;

/**
 * The order life cycle (docs/ARCHITECTURE.md §Orders). Pure: the same order and event always give the same
 * transition. Rules: IN_DOUBT is left only on exchange evidence; fills are facts (applied once per trade id, even
 * before the ack or after a cancel); filled quantity never goes down; terminal states are never left.
 */
public final class OrderStateMachine {
    private OrderStateMachine() {
    }

    public static Transition apply(TrackedOrder o, OrderEvent event, Instant now) {
        if (event instanceof OrderEvent.FillReceived f) {
            return fill(o, f.fill(), now);
        }
        if (event instanceof OrderEvent.ExchangeReport r) {
            return report(o, r.report(), now);
        }
        if (o.state().isTerminal()) {
            return Transition.same(o, "ignored " + name(event) + ": the order is already " + o.state());
        }
        return switch (event) {
            case OrderEvent.Persisted p -> o.state() == NEW ? Transition.to(o.with(PENDING_SEND, now), "recorded before sending")
                    : Transition.anomaly(o, "recorded twice");
            case OrderEvent.SendStarted s -> o.state() == PENDING_SEND ? Transition.to(o.with(SENT, now), "sent to the exchange")
                    : Transition.anomaly(o, "send started from " + o.state());
            case OrderEvent.Acknowledged a -> acknowledged(o, a.exchangeOrderId(), now);
            case OrderEvent.Rejected r -> o.state() == SENT || o.state() == IN_DOUBT
                    ? Transition.to(o.withReject(r.code(), r.message()).with(REJECTED, now), "refused by the exchange: " + r.message())
                    : Transition.anomaly(o, "a refusal arrived while " + o.state());
            case OrderEvent.OutcomeUnknown u -> o.state() == SENT
                    ? Transition.to(o.with(IN_DOUBT, now), "no answer (" + u.reason() + "); checking with the exchange")
                    : Transition.same(o, "unknown outcome while " + o.state());
            case OrderEvent.NotSent n -> o.state() == PENDING_SEND || o.state() == SENT
                    ? Transition.to(o.with(NOT_PLACED, now), "not sent: " + n.reason())
                    : Transition.same(o, "a not-sent report is no evidence while " + o.state());
            case OrderEvent.Amended a -> amended(o, a, now);
            case OrderEvent.CancelRequested c -> o.state().mayBeLive() && o.state() != IN_DOUBT
                    ? Transition.to(o.with(PENDING_CANCEL, now), "cancel requested")
                    : Transition.anomaly(o, "cannot cancel while " + o.state());
            case OrderEvent.CancelRejected c -> o.state() == PENDING_CANCEL
                    ? Transition.to(o.with(workingState(o), now), "cancel refused: " + c.message())
                    : Transition.same(o, "cancel refusal while " + o.state());
            case OrderEvent.NotFoundAtExchange n -> notFound(o, n.graceElapsed(), now);
            case OrderEvent.FillReceived f -> throw new IllegalStateException("handled above");
            case OrderEvent.ExchangeReport r -> throw new IllegalStateException("handled above");
        };
    }

    private static Transition acknowledged(TrackedOrder o, long id, Instant now) {
        if (o.state() == SENT || o.state() == IN_DOUBT || o.state() == PENDING_SEND) {
            return Transition.to(o.withExchangeId(id).with(o.filledQuantity().signum() > 0 ? liveState(o) : ACKED, now),
                    "accepted by the exchange as order " + id);
        }
        return o.exchangeOrderId() == null ? Transition.to(o.withExchangeId(id), "exchange id " + id) : Transition.same(o, "already acknowledged");
    }

    private static Transition amended(TrackedOrder o, OrderEvent.Amended a, Instant now) {
        if (!o.state().mayBeLive() || o.state() == IN_DOUBT) {
            return Transition.anomaly(o, "an amend confirmation arrived while " + o.state());
        }
        OrderRequest r = o.request();
        OrderRequest changed = new OrderRequest(r.product(), r.symbol(), r.side(), r.type(),
                a.quantity() == null ? r.quantity() : a.quantity(), a.price() == null ? r.price() : a.price(),
                r.timeInForce(), r.clientOrderId(), r.reduceOnly(), r.triggerPrice());
        TrackedOrder next = o.withRequest(changed);
        return Transition.to(next.with(o.state() == PENDING_CANCEL ? PENDING_CANCEL : workingState(next), now),
                "amended to " + changed.quantity().toPlainString() + " @ " + (changed.price() == null ? "market" : changed.price().toPlainString()));
    }

    /** Only past the grace window does "not found" mean "never placed"; inside it, the exchange may still be catching up. */
    private static Transition notFound(TrackedOrder o, boolean graceElapsed, Instant now) {
        if (o.state() != IN_DOUBT && o.state() != PENDING_SEND && o.state() != SENT) {
            return Transition.anomaly(o, "the exchange does not know an order we saw as " + o.state());
        }
        if (!graceElapsed) {
            return Transition.same(o, "not visible at the exchange yet; still checking");
        }
        return Transition.to(o.with(NOT_PLACED, now), "the exchange has no order with this client id: not placed");
    }

    private static Transition fill(TrackedOrder o, Fill f, Instant now) {
        if (o.tradeIds().contains(f.tradeId())) {
            return Transition.same(o, "duplicate fill " + f.tradeId() + " ignored");
        }
        TrackedOrder filled = o.withFill(f.tradeId(), f.quantity(), f.price());
        if (f.orderId() > 0 && filled.exchangeOrderId() == null) {
            filled = filled.withExchangeId(f.orderId());
        }
        String cause = "filled " + f.quantity().toPlainString() + " at " + f.price().toPlainString();
        String anomaly = null;
        if (filled.filledQuantity().compareTo(o.request().quantity()) > 0) {
            anomaly = "filled more than the order's size";
        }
        if (o.state().isTerminal()) {
            // A fill is a fact even on an order we thought finished (a cancel that lost the race): count it, keep the state.
            String why = "fill on an order we believed " + o.state();
            return new Transition(filled.with(o.state(), now), true, cause, true, anomaly == null ? why : anomaly + "; " + why);
        }
        return new Transition(filled.with(liveState(filled), now), true, cause, true, anomaly);
    }

    /** What an order with these fills is while it can still trade. */
    private static OrderState liveState(TrackedOrder o) {
        if (o.filledQuantity().compareTo(o.request().quantity()) >= 0) {
            return FILLED;
        }
        if (o.state() == PENDING_CANCEL) {
            return PENDING_CANCEL;
        }
        return o.filledQuantity().signum() > 0 ? PARTIALLY_FILLED : ACKED;
    }

    /** What an order with these fills is while it works at the exchange, ignoring a pending cancel. */
    private static OrderState workingState(TrackedOrder o) {
        if (o.filledQuantity().compareTo(o.request().quantity()) >= 0) {
            return FILLED;
        }
        return o.filledQuantity().signum() > 0 ? PARTIALLY_FILLED : ACKED;
    }

    /**
     * An exchange report is evidence: it sets the id and the state. Our filled quantity comes from fills only (each
     * one recorded); a report that counts more filled than the fills we hold means fills are still to come, so the
     * order is kept live (and followed) until they are recorded, never closed with fills missing.
     */
    private static Transition report(TrackedOrder o, ExchangeOrder r, Instant now) {
        TrackedOrder base = new TrackedOrder(o.request(), o.state(), r.orderId(), o.filledQuantity(), o.averagePrice(),
                o.tradeIds(), o.rejectCode(), o.rejectMessage(), o.updatedAt());
        boolean missing = r.filledQuantity().compareTo(o.filledQuantity()) > 0;
        if (o.state().isTerminal()) {
            return missing ? new Transition(base.with(o.state(), now), false, "exchange reports more filled", false,
                    "the exchange reports " + r.filledQuantity().toPlainString() + " filled on an order we believed " + o.state()
                            + " with " + o.filledQuantity().toPlainString() + "; fetching the missing fills")
                    : Transition.same(o, "report on a finished order");
        }
        OrderState next = mapped(r.state(), base);
        if (missing && next.isTerminal()) {
            OrderState waiting = workingState(base);
            return new Transition(base.with(waiting, now), waiting != o.state() || !java.util.Objects.equals(o.exchangeOrderId(), r.orderId()),
                    "exchange reports " + r.state(), false, "the exchange reports " + r.state() + " with "
                    + r.filledQuantity().toPlainString() + " of " + o.request().quantity().toPlainString()
                    + " filled; waiting for the missing fills");
        }
        if (r.state() == ExchangeOrderState.FILLED && next != FILLED) {
            return new Transition(base.with(next, now), next != o.state(), "exchange reports FILLED", false,
                    "the exchange reports FILLED with " + r.filledQuantity().toPlainString() + " of "
                            + o.request().quantity().toPlainString() + "; waiting for the missing fills");
        }
        boolean changed = next != o.state() || !java.util.Objects.equals(o.exchangeOrderId(), r.orderId());
        String stale = r.filledQuantity().compareTo(o.filledQuantity()) < 0
                ? "a report older than our fills was ignored for the filled quantity" : null;
        return new Transition(base.with(next, now), changed, "exchange reports " + r.state(), false, stale);
    }

    /** Exchange state to ours (docs/ARCHITECTURE.md §Orders has the table). */
    static OrderState mapped(ExchangeOrderState s, TrackedOrder o) {
        boolean anyFill = o.filledQuantity().signum() > 0;
        boolean full = o.filledQuantity().compareTo(o.request().quantity()) >= 0;
        return switch (s) {
            case FILLED -> full ? FILLED : anyFill ? PARTIALLY_FILLED : ACKED;
            case CANCELED, CANCEL_BY_EXERCISE -> full ? FILLED : CANCELLED;
            case INVALID, ILLEGAL -> anyFill ? (full ? FILLED : CANCELLED) : REJECTED;
            case PRE_CANCEL, CANCELING -> full ? FILLED : PENDING_CANCEL;
            case PARTIALLY_FILLED -> full ? FILLED : (o.state() == PENDING_CANCEL ? PENDING_CANCEL : PARTIALLY_FILLED);
            case NEW, PRE, WAITING_EFFECT -> full ? FILLED : (o.state() == PENDING_CANCEL ? PENDING_CANCEL : anyFill ? PARTIALLY_FILLED : ACKED);
        };
    }

    private static String name(OrderEvent e) {
        return e.getClass().getSimpleName();
    }
}
