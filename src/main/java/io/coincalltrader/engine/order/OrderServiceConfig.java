package io.coincalltrader.engine.order;

import java.time.Duration;

/**
 * How the order service follows its orders.
 *
 * @param pollInterval how often live and in-doubt orders are checked with the exchange (REST; WebSocket pushes come
 *                     in between)
 * @param notFoundGrace how long after sending "the exchange does not know this client order id" is still read as
 *                      "not visible yet" rather than "never placed" (eventual consistency of single-order queries)
 * @param fillLookBack how far before the oldest live order trade history is read, to catch fills the clock skew hid
 */
public record OrderServiceConfig(Duration pollInterval, Duration notFoundGrace, Duration fillLookBack) {
    public static OrderServiceConfig defaults() {
        return new OrderServiceConfig(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }
}
