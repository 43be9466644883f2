package io.coincalltrader.domain.order;

/**
 * Our view of an order's life (docs/ARCHITECTURE.md §Orders). Only exchange evidence moves an order out of
 * {@link #IN_DOUBT}; a timer may only escalate it to the trader.
 */
public enum OrderState {
    /** Built, not yet durable. */
    NEW,
    /** The row with its client order id is committed; the request has not left. */
    PENDING_SEND,
    /** The request is on the wire. */
    SENT,
    /** The exchange accepted it and gave an order id. */
    ACKED,
    PARTIALLY_FILLED,
    FILLED,
    /** A cancel was sent; the order may still fill until the exchange confirms. */
    PENDING_CANCEL,
    /** An amend was sent; the old price and size stand until the exchange confirms. */
    PENDING_UPDATE,
    CANCELLED,
    /** The exchange refused it: definitively not placed. */
    REJECTED,
    /** Sent, but no answer: resolved only by asking the exchange (by client order id). */
    IN_DOUBT,
    /** Never reached the exchange (app stopped before sending, or no source shows it after the grace window). */
    NOT_PLACED;

    /** No further change can happen. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == NOT_PLACED;
    }

    /** The exchange may hold it as a live order. */
    public boolean mayBeLive() {
        return this == SENT || this == ACKED || this == PARTIALLY_FILLED || this == PENDING_CANCEL
                || this == PENDING_UPDATE || this == IN_DOUBT;
    }
}
