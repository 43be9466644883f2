package io.coincalltrader.exchange;

import io.coincalltrader.domain.order.BatchResult;
import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.Page;
import io.coincalltrader.domain.order.ProductType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Order entry for options, futures and spot. Writes are sent once: an {@link OutcomeUnknownException} must be
 * resolved with {@link #byClientOrderId}, never by placing again.
 */
public interface OrderGateway {

    /** Places an order; returns the exchange's order id. */
    long place(OrderRequest request);

    /** Places option orders in batches of at most 20; one result per request, in order. */
    List<BatchResult> placeBatch(List<OrderRequest> requests);

    void cancel(ProductType product, long orderId);

    void cancelByClientOrderId(ProductType product, long clientOrderId);

    /** Cancels option orders by id in batches; one result per id. */
    List<BatchResult> cancelBatch(List<Long> orderIds);

    /** Cancels every open order of an option index (BTCUSD) or a futures/spot symbol. */
    void cancelAll(ProductType product, String indexOrSymbol);

    /** Changes price and/or size of an open option or futures order; returns the order id the exchange acknowledges. */
    long amend(ProductType product, String symbol, long orderId, BigDecimal quantity, BigDecimal price);

    /** The order, or empty when the exchange does not know it (code 10584). */
    Optional<ExchangeOrder> byId(ProductType product, long orderId);

    /** The order placed with this client order id, or empty when the exchange does not know it. */
    Optional<ExchangeOrder> byClientOrderId(ProductType product, long clientOrderId);

    /** All open orders (every page), optionally for one coin (options: BTC) or symbol (futures, spot). */
    List<ExchangeOrder> openOrders(ProductType product, String filter);

    Page<ExchangeOrder> history(ProductType product, HistoryQuery query);

    Page<Fill> fills(ProductType product, HistoryQuery query);

    /**
     * A time window and cursor for history. Coincall defaults to the last 24 h when no start is given, so callers
     * catching up after a long absence must pass an explicit window.
     */
    record HistoryQuery(Instant start, Instant end, Long fromId, int pageSize) {
        public HistoryQuery {
            if (pageSize < 1 || pageSize > 500) {
                throw new IllegalArgumentException("page size must be 1 to 500");
            }
        }

        public static HistoryQuery since(Instant start, Instant end) {
            return new HistoryQuery(start, end, null, 100);
        }

        public HistoryQuery after(Long id) {
            return new HistoryQuery(start, end, id, pageSize);
        }
    }
}
