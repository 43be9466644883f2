package io.coincalltrader.domain.market;

import java.math.BigDecimal;

/** One price level of an order book. */
public record BookLevel(BigDecimal price, BigDecimal size) {
}
