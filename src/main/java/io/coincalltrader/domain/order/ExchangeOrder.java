package io.coincalltrader.domain.order;

import java.math.BigDecimal;
import java.time.Instant;

/** An order as the exchange reports it (single query, open orders, history). */
public record ExchangeOrder(
        long orderId,
        Long clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal filledQuantity,
        BigDecimal remainingQuantity,
        BigDecimal price,
        BigDecimal averagePrice,
        ExchangeOrderState state,
        boolean reduceOnly,
        BigDecimal fee,
        Instant createTime,
        Instant updateTime) {
}
