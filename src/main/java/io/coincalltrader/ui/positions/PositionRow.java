package io.coincalltrader.ui.positions;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.portfolio.PositionRisk;
import io.coincalltrader.engine.portfolio.RiskGreeks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One line of the positions tree: a position, or a group (structure, expiry, underlying) with its totals. Immutable;
 * a new snapshot makes new rows and the tree replaces them in place by key.
 *
 * @param pnlFraction unrealised P&L over the cost (|average price × size|), for positions
 * @param iv          implied volatility (fraction) from the mark, solved when first shown (NaN when not an option or
 *                    no solution)
 * @param members     the positions this row stands for (itself for a position): what "Close…" closes
 */
public record PositionRow(String key, boolean group, String label, String symbol, Side side, BigDecimal size,
                          BigDecimal averagePrice, BigDecimal mark, BigDecimal pnlUsd, double pnlFraction, RiskGreeks greeks,
                          LazyVol iv, Instant expiry, List<PositionRisk> members) {
    public PositionRow {
        members = List.copyOf(members);
    }

    /** An implied volatility solved on first use: only the rows on screen pay for it. */
    public static final class LazyVol {
        private final java.util.function.DoubleSupplier solve;
        private double value = Double.NaN;
        private boolean done;

        public LazyVol(java.util.function.DoubleSupplier solve) {
            this.solve = solve;
        }

        public static LazyVol none() {
            return new LazyVol(() -> Double.NaN);
        }

        public double get() {
            if (!done) {
                value = solve.getAsDouble();
                done = true;
            }
            return value;
        }
    }
}
