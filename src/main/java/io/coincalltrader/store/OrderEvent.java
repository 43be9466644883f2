package io.coincalltrader.store;

import io.coincalltrader.domain.order.OrderState;

import java.time.Instant;

/** One recorded state change of an order; {@code from} is null for the first. */
public record OrderEvent(long id, long orderId, OrderState from, OrderState to, Cause cause, String detail, Instant time) {
}
