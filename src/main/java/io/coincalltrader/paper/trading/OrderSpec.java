package io.coincalltrader.paper.trading;

import io.coincalltrader.domain.order.ProductType;

import java.math.BigDecimal;

/** An order as received on the wire, before validation. */
public record OrderSpec(ProductType product, String symbol, int side, int type, BigDecimal quantity, BigDecimal price,
                        String timeInForce, String clientOrderId, boolean reduceOnly, BigDecimal triggerPrice) {
}
