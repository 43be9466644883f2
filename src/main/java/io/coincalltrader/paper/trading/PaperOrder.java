package io.coincalltrader.paper.trading;

import io.coincalltrader.domain.order.ProductType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/** A paper order; mutated only by the ledger under the exchange's lock. */
public final class PaperOrder {
    /** Coincall's state codes. */
    public static final int WAITING = -2;
    public static final int NEW = 0;
    public static final int FILLED = 1;
    public static final int PARTIAL = 2;
    public static final int CANCELED = 3;
    public static final int INVALID = 6;
    public static final int CANCEL_BY_EXERCISE = 10;

    final long orderId;
    final String clientOrderId;
    final ProductType product;
    final String symbol;
    final int side;
    int type;
    BigDecimal quantity;
    BigDecimal price;
    final String timeInForce;
    final boolean reduceOnly;
    final BigDecimal triggerPrice;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal fee = BigDecimal.ZERO;
    int state;
    final Instant createTime;
    Instant updateTime;

    PaperOrder(long orderId, String clientOrderId, ProductType product, String symbol, int side, int type, BigDecimal quantity,
               BigDecimal price, String timeInForce, boolean reduceOnly, BigDecimal triggerPrice, Instant now) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.product = product;
        this.symbol = symbol;
        this.side = side;
        this.type = type;
        this.quantity = quantity;
        this.price = price;
        this.timeInForce = timeInForce;
        this.reduceOnly = reduceOnly;
        this.triggerPrice = triggerPrice;
        this.createTime = now;
        this.updateTime = now;
    }

    public long orderId() {
        return orderId;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public ProductType product() {
        return product;
    }

    public String symbol() {
        return symbol;
    }

    public int side() {
        return side;
    }

    public int state() {
        return state;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal filled() {
        return filled;
    }

    public BigDecimal remaining() {
        return quantity.subtract(filled).max(BigDecimal.ZERO);
    }

    public boolean isOpen() {
        return state == NEW || state == PARTIAL || state == WAITING;
    }

    public BigDecimal averagePrice() {
        return filled.signum() == 0 ? BigDecimal.ZERO : cost.divide(filled, MathContext.DECIMAL64).stripTrailingZeros();
    }

    public int type() {
        return type;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal fee() {
        return fee;
    }

    public boolean reduceOnly() {
        return reduceOnly;
    }

    public String timeInForce() {
        return timeInForce;
    }

    public BigDecimal triggerPrice() {
        return triggerPrice;
    }

    public Instant createTime() {
        return createTime;
    }

    public Instant updateTime() {
        return updateTime;
    }
}
