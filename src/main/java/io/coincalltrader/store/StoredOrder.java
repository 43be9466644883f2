package io.coincalltrader.store;

import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.order.TimeInForce;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as recorded: what was asked, where it stands, and what it belongs to.
 *
 * @param clientOrderId ours; null only for an adopted order the exchange knows without one
 * @param external true when adopted from the exchange rather than placed by this app
 */
public record StoredOrder(
        long id,
        Long clientOrderId,
        ProductType product,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal price,
        TimeInForce timeInForce,
        boolean reduceOnly,
        BigDecimal triggerPrice,
        OrderState state,
        Long exchangeOrderId,
        BigDecimal filledQuantity,
        BigDecimal averagePrice,
        String purpose,
        String structureId,
        String lifecycleId,
        boolean external,
        Instant createdAt,
        Instant updatedAt) {
}
