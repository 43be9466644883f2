package io.coincalltrader.store;

import io.coincalltrader.domain.order.OrderState;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A change to a recorded order. Null fields are left as they are; a filled quantity below the recorded one is ignored
 * (an older REST snapshot must never undo a newer WS fill).
 */
public record OrderUpdate(long clientOrderId, OrderState state, Long exchangeOrderId, BigDecimal filledQuantity,
                          BigDecimal averagePrice, Cause cause, String detail) {
    public OrderUpdate {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cause, "cause");
    }

    /** Only the state moves. */
    public static OrderUpdate state(long clientOrderId, OrderState state, Cause cause, String detail) {
        return new OrderUpdate(clientOrderId, state, null, null, null, cause, detail);
    }
}
