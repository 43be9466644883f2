package io.coincalltrader.domain.rfq;

import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.util.Objects;

/** One leg of a request for quote: an option, our side, and a quantity in contracts (units of underlying). */
public record RfqLeg(String instrumentName, Side side, BigDecimal quantity) {
    public RfqLeg {
        Objects.requireNonNull(instrumentName, "instrumentName");
        Objects.requireNonNull(side, "side");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("leg quantity must be above zero");
        }
    }
}
