package io.coincalltrader.engine.order;

import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.Fill;

/** Everything that can happen to an order, from us or from the exchange. */
public sealed interface OrderEvent {

    /** The order row with its client order id is durable. */
    record Persisted() implements OrderEvent {
    }

    /** The request is leaving. */
    record SendStarted() implements OrderEvent {
    }

    /** The exchange accepted it and answered with its id. */
    record Acknowledged(long exchangeOrderId) implements OrderEvent {
    }

    /** The exchange answered no: definitively not placed. */
    record Rejected(int code, String message) implements OrderEvent {
    }

    /** Sent, but no usable answer: only the exchange can say what happened. */
    record OutcomeUnknown(String reason) implements OrderEvent {
    }

    /** The request provably never left (connection refused before sending). */
    record NotSent(String reason) implements OrderEvent {
    }

    /** What the exchange reports for this order (REST query, open orders, WebSocket order frame). */
    record ExchangeReport(ExchangeOrder report) implements OrderEvent {
    }

    /** One execution; its trade id identifies it. */
    record FillReceived(Fill fill) implements OrderEvent {
    }

    /** The exchange accepted a change of price and/or size; the order keeps its client order id. */
    record Amended(java.math.BigDecimal quantity, java.math.BigDecimal price) implements OrderEvent {
    }

    record CancelRequested() implements OrderEvent {
    }

    /** The cancel was refused (often: the order had already filled). */
    record CancelRejected(int code, String message) implements OrderEvent {
    }

    /** The exchange says it does not know the order; {@code graceElapsed} once the eventual-consistency window passed. */
    record NotFoundAtExchange(boolean graceElapsed) implements OrderEvent {
    }
}
