package io.coincalltrader.paper.trading;

import io.coincalltrader.domain.order.ProductType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/** A paper position: signed quantity (negative when short), average entry price and realised P&L. */
public final class PaperPosition {
    final long positionId;
    final String symbol;
    final ProductType product;
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal averagePrice = BigDecimal.ZERO;
    BigDecimal realized = BigDecimal.ZERO;
    Instant updateTime;

    PaperPosition(long positionId, String symbol, ProductType product, Instant now) {
        this.positionId = positionId;
        this.symbol = symbol;
        this.product = product;
        this.updateTime = now;
    }

    /** Applies a fill; returns the P&L it realised (closing part only). */
    BigDecimal apply(BigDecimal signedQty, BigDecimal price, Instant now) {
        updateTime = now;
        BigDecimal realizedNow = BigDecimal.ZERO;
        if (quantity.signum() == 0 || quantity.signum() == signedQty.signum()) {
            BigDecimal total = quantity.add(signedQty);
            averagePrice = averagePrice.multiply(quantity.abs()).add(price.multiply(signedQty.abs()))
                    .divide(total.abs(), MathContext.DECIMAL64);
            quantity = total;
            return realizedNow;
        }
        BigDecimal closing = signedQty.abs().min(quantity.abs());
        realizedNow = price.subtract(averagePrice).multiply(closing).multiply(BigDecimal.valueOf(quantity.signum()));
        BigDecimal after = quantity.add(signedQty);
        if (after.signum() != 0 && after.signum() != quantity.signum()) {
            averagePrice = price;
        }
        quantity = after;
        if (quantity.signum() == 0) {
            averagePrice = BigDecimal.ZERO;
        }
        realized = realized.add(realizedNow);
        return realizedNow;
    }

    public String symbol() {
        return symbol;
    }

    public ProductType product() {
        return product;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal averagePrice() {
        return averagePrice;
    }

    public long positionId() {
        return positionId;
    }

    public Instant updateTime() {
        return updateTime;
    }
}
