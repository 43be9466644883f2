package io.coincalltrader.domain.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order to place. The client order id is chosen (and persisted) by the caller before the request leaves,
 * so an unknown outcome can be resolved by asking the exchange for that id.
 */
public record OrderRequest(
        ProductType product,
        String symbol,
        Side side,
        OrderType type,
        BigDecimal quantity,
        BigDecimal price,
        TimeInForce timeInForce,
        long clientOrderId,
        boolean reduceOnly,
        BigDecimal triggerPrice) {

    public OrderRequest {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be above zero");
        }
        if (type.needsPrice() && (price == null || price.signum() <= 0)) {
            throw new IllegalArgumentException(type + " orders need a price above zero");
        }
        if (type.needsTrigger() && (triggerPrice == null || triggerPrice.signum() <= 0)) {
            throw new IllegalArgumentException(type + " orders need a trigger price above zero");
        }
        if (type.needsTrigger() && product != ProductType.FUTURE) {
            throw new IllegalArgumentException("stop orders exist for futures only");
        }
        if (clientOrderId <= 0) {
            throw new IllegalArgumentException("client order id must be positive");
        }
    }

    /** A good-till-cancelled limit order. */
    public static OrderRequest limit(ProductType product, String symbol, Side side, BigDecimal qty, BigDecimal price, long clientOrderId) {
        return new OrderRequest(product, symbol, side, OrderType.LIMIT, qty, price, TimeInForce.GTC, clientOrderId, false, null);
    }
}
