package io.coincalltrader.store;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/** Small builders shared by the store tests. */
final class Fixtures {
    static final String OPTION = "BTCUSD-27JUN25-100000-C";

    private Fixtures() {
    }

    static Database open(Path dir, Clock clock) {
        return Database.open(StoreConfig.of(dir, "paper", clock));
    }

    static NewOrder order(long clientOrderId) {
        return NewOrder.of(OrderRequest.limit(ProductType.OPTION, OPTION, Side.BUY, new BigDecimal("0.10"),
                new BigDecimal("1250.5"), clientOrderId));
    }

    static Fill fill(String tradeId, long clientOrderId, Instant time) {
        return new Fill(tradeId, 9_000_000L + clientOrderId, clientOrderId, OPTION, Side.BUY, new BigDecimal("1250.5"),
                new BigDecimal("0.1"), new BigDecimal("0.0003"), true, time);
    }
}
