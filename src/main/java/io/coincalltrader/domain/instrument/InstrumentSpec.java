package io.coincalltrader.domain.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Trading rules of one instrument, as the exchange publishes them: price tick, size step (lot), minimum size,
 * and the contract multiplier. Prices and sizes must be whole multiples of tick and lot.
 */
public record InstrumentSpec(BigDecimal tickSize, BigDecimal lotSize, BigDecimal minSize, BigDecimal multiplier) {

    public InstrumentSpec {
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(minSize, "minSize");
        Objects.requireNonNull(multiplier, "multiplier");
        if (tickSize.signum() <= 0 || lotSize.signum() <= 0 || minSize.signum() <= 0 || multiplier.signum() <= 0) {
            throw new IllegalArgumentException("tick, lot, minimum size and multiplier must be above zero");
        }
    }

    /** True when the price is a whole number of ticks. */
    public boolean isOnTick(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    /** True when the size is a whole number of lots. */
    public boolean isOnLot(BigDecimal size) {
        return size.remainder(lotSize).signum() == 0;
    }

    /** The price rounded to the tick in the given direction. */
    public BigDecimal roundToTick(BigDecimal price, RoundingMode mode) {
        return price.divide(tickSize, 0, mode).multiply(tickSize).stripTrailingZeros();
    }

    /** The size rounded down to the lot. */
    public BigDecimal roundDownToLot(BigDecimal size) {
        return size.divide(lotSize, 0, RoundingMode.DOWN).multiply(lotSize).stripTrailingZeros();
    }
}
