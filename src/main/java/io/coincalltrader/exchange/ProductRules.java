package io.coincalltrader.exchange;

import java.math.BigDecimal;

/**
 * One index's trading rules from {@code /open/public/config/v1}: tick, size step (from {@code qtyDecimal}),
 * multiplier, fees as fractions of notional, and the largest limit and market order sizes.
 */
public record ProductRules(String symbol, BigDecimal tickSize, BigDecimal quantityStep, BigDecimal minQuantity,
                           BigDecimal multiplier, BigDecimal takerFee, BigDecimal makerFee, BigDecimal limitMaxQuantity,
                           BigDecimal marketMaxQuantity) {
}
