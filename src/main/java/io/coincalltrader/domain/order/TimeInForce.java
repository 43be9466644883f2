package io.coincalltrader.domain.order;

/** How long an order lives: good till cancelled, immediate or cancel, fill or kill. */
public enum TimeInForce {
    GTC,
    IOC,
    FOK
}
