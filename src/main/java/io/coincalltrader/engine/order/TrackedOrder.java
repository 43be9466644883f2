package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * Our record of one order: the request with its client order id, our state, the exchange's id once known, the
 * fills applied (by trade id, so a duplicate is recognised), and the last refusal. Immutable; the state machine
 * makes the next one.
 */
public record TrackedOrder(OrderRequest request, OrderState state, Long exchangeOrderId, BigDecimal filledQuantity,
                           BigDecimal averagePrice, Set<String> tradeIds, Integer rejectCode, String rejectMessage,
                           Instant updatedAt) {

    public TrackedOrder {
        tradeIds = Set.copyOf(tradeIds);
    }

    /** A new order, not yet durable. */
    public static TrackedOrder of(OrderRequest request, Instant now) {
        return new TrackedOrder(request, OrderState.NEW, null, BigDecimal.ZERO, null, Set.of(), null, null, now);
    }

    public long clientOrderId() {
        return request.clientOrderId();
    }

    /** Rebuilds an order from its record after a restart. */
    public static TrackedOrder restored(OrderRequest request, OrderState state, Long exchangeOrderId, BigDecimal filled,
                                        BigDecimal averagePrice, Set<String> tradeIds, Instant updatedAt) {
        return new TrackedOrder(request, state, exchangeOrderId, filled, averagePrice, tradeIds, null, null, updatedAt);
    }

    public BigDecimal remainingQuantity() {
        return request.quantity().subtract(filledQuantity).max(BigDecimal.ZERO);
    }

    TrackedOrder with(OrderState s, Instant now) {
        return new TrackedOrder(request, s, exchangeOrderId, filledQuantity, averagePrice, tradeIds, rejectCode, rejectMessage, now);
    }

    TrackedOrder withRequest(OrderRequest r) {
        return new TrackedOrder(r, state, exchangeOrderId, filledQuantity, averagePrice, tradeIds, rejectCode, rejectMessage, updatedAt);
    }

    TrackedOrder withExchangeId(long id) {
        return new TrackedOrder(request, state, id, filledQuantity, averagePrice, tradeIds, rejectCode, rejectMessage, updatedAt);
    }

    TrackedOrder withReject(int code, String message) {
        return new TrackedOrder(request, state, exchangeOrderId, filledQuantity, averagePrice, tradeIds, code, message, updatedAt);
    }

    TrackedOrder withFill(String tradeId, BigDecimal quantity, BigDecimal price) {
        BigDecimal filled = filledQuantity.add(quantity);
        BigDecimal cost = averagePrice == null ? BigDecimal.ZERO : averagePrice.multiply(filledQuantity);
        BigDecimal avg = cost.add(price.multiply(quantity)).divide(filled, java.math.MathContext.DECIMAL64);
        Set<String> ids = new java.util.HashSet<>(tradeIds);
        ids.add(tradeId);
        return new TrackedOrder(request, state, exchangeOrderId, filled, avg, ids, rejectCode, rejectMessage, updatedAt);
    }
}
