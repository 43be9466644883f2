package io.coincalltrader.engine.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** One instrument's prices and rules at a moment: mark, best bid and ask (null when empty), tick and lot. */
public record LegMarket(String symbol, BigDecimal mark, BigDecimal bestBid, BigDecimal bestAsk, BigDecimal tickSize,
                        BigDecimal lotSize, Instant time) {

    public BigDecimal mid() {
        return bestBid != null && bestAsk != null ? bestBid.add(bestAsk).divide(BigDecimal.TWO) : mark;
    }

    public BigDecimal roundToTick(BigDecimal price, RoundingMode mode) {
        BigDecimal p = price.divide(tickSize, 0, mode).multiply(tickSize);
        return p.signum() > 0 ? p.stripTrailingZeros() : tickSize;
    }

    public BigDecimal roundDownToLot(BigDecimal size) {
        return size.divide(lotSize, 0, RoundingMode.DOWN).multiply(lotSize).stripTrailingZeros();
    }
}
