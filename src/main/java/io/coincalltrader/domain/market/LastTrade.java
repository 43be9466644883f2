package io.coincalltrader.domain.market;

import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.time.Instant;

/** A trade on the public tape. */
public record LastTrade(String symbol, BigDecimal price, BigDecimal quantity, Side side, Instant time) {
}
