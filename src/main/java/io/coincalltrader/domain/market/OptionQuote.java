package io.coincalltrader.domain.market;

import io.coincalltrader.domain.instrument.OptionType;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One option's market (a row of the option chain): mark, top of book, IVs as fractions (0.62 = 62%), exchange
 * Greeks per one unit of underlying. Absent values are null (a side with no bid, an IV the exchange did not give).
 */
public record OptionQuote(
        String symbol,
        BigDecimal strike,
        OptionType type,
        Instant expiry,
        BigDecimal markPrice,
        BigDecimal bid,
        BigDecimal bidSize,
        BigDecimal ask,
        BigDecimal askSize,
        Double markIv,
        Double bidIv,
        Double askIv,
        BigDecimal underlyingPrice,
        BigDecimal openInterest,
        BigDecimal volume,
        double delta,
        double gamma,
        double vega,
        double theta) {
}
