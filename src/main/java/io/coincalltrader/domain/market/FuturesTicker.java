package io.coincalltrader.domain.market;

import java.math.BigDecimal;
import java.time.Instant;

/** A perpetual's prices: last, mark and the index it tracks (the documented REST source of the BTC index). */
public record FuturesTicker(String symbol, String displayName, BigDecimal lastPrice, BigDecimal markPrice,
                            BigDecimal indexPrice, Instant time) {
}
