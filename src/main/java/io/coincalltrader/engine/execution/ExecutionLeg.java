package io.coincalltrader.engine.execution;

import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One leg to trade: instrument, side, size, and optionally a price (the start price in {@link PriceReference#EXPLICIT}
 * mode) and a limit price (the furthest a requote may go; without one the risk band around mark is the limit).
 */
public record ExecutionLeg(String symbol, Side side, BigDecimal quantity, BigDecimal price, BigDecimal limitPrice) {
    public ExecutionLeg {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("leg size must be above zero");
        }
        if (price != null && price.signum() <= 0 || limitPrice != null && limitPrice.signum() <= 0) {
            throw new IllegalArgumentException("leg prices must be above zero");
        }
    }

    public static ExecutionLeg of(String symbol, Side side, BigDecimal quantity) {
        return new ExecutionLeg(symbol, side, quantity, null, null);
    }

    public ExecutionLeg withPrice(BigDecimal p) {
        return new ExecutionLeg(symbol, side, quantity, p, limitPrice);
    }

    public ExecutionLeg withQuantity(BigDecimal q) {
        return new ExecutionLeg(symbol, side, q, price, limitPrice);
    }

    @Override
    public String toString() {
        return side + " " + quantity.stripTrailingZeros().toPlainString() + " " + symbol;
    }
}
