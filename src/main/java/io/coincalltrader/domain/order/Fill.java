package io.coincalltrader.domain.order;

import java.math.BigDecimal;
import java.time.Instant;

/** One execution of one of our orders; the trade id is unique on the exchange. */
public record Fill(
        String tradeId,
        long orderId,
        Long clientOrderId,
        String symbol,
        Side side,
        BigDecimal price,
        BigDecimal quantity,
        BigDecimal fee,
        boolean taker,
        Instant time) {
}
