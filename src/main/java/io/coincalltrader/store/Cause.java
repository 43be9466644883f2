package io.coincalltrader.store;

/** Why something changed: the trader, one of his rules (exit, schedule, strategy), the exchange, or the app itself. */
public enum Cause {
    USER,
    RULE,
    EXCHANGE,
    SYSTEM
}
