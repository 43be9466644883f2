package io.coincalltrader.domain.market;

import java.math.BigDecimal;
import java.time.Instant;

/** One option's detail: mark, index and underlying prices, IV (fraction) and Greeks; it carries no bid/ask. */
public record OptionDetail(
        String symbol,
        BigDecimal strike,
        Instant expiry,
        BigDecimal markPrice,
        BigDecimal indexPrice,
        BigDecimal underlyingPrice,
        BigDecimal lastPrice,
        double iv,
        double delta,
        double gamma,
        double vega,
        double theta,
        BigDecimal multiplier) {
}
