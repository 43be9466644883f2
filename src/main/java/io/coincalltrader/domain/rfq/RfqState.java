package io.coincalltrader.domain.rfq;

/** An RFQ's state on the exchange. */
public enum RfqState {
    ACTIVE,
    CANCELLED,
    FILLED,
    EXPIRED,
    TRADED_AWAY;

    public boolean isTerminal() {
        return this != ACTIVE;
    }
}
