package io.coincalltrader.paper.trading;

import io.coincalltrader.domain.order.ProductType;

import java.math.BigDecimal;
import java.time.Instant;

/** One execution in the paper ledger; trade ids are unique. */
public record PaperTrade(long tradeId, long orderId, String clientOrderId, ProductType product, String symbol, int side,
                         BigDecimal price, BigDecimal quantity, BigDecimal fee, boolean taker, Instant time,
                         BigDecimal markPrice, BigDecimal indexPrice, String blockTradeId) {
}
