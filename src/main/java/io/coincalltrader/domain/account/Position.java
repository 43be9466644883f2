package io.coincalltrader.domain.account;

import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open position as the exchange reports it. Quantity is unsigned; the side says long (BUY) or short (SELL).
 * Unrealised P&L is at mark. Greeks are the exchange's numbers for the whole position (see docs/API_NOTES.md).
 */
public record Position(
        String positionId,
        ProductType product,
        String symbol,
        Side side,
        BigDecimal quantity,
        BigDecimal averagePrice,
        BigDecimal markPrice,
        BigDecimal indexPrice,
        BigDecimal unrealizedPnl,
        BigDecimal roi,
        BigDecimal initialMargin,
        BigDecimal maintenanceMargin,
        double delta,
        double gamma,
        double vega,
        double theta,
        Instant updateTime) {

    /** Quantity with the sign of the side: negative when short. */
    public BigDecimal signedQuantity() {
        return side == Side.BUY ? quantity : quantity.negate();
    }
}
