package io.coincalltrader.engine.execution;

/** How a trade reaches the exchange. */
public enum ExecutionMode {
    /** Resting limit orders at a chosen price, optionally requoted towards the other side up to a limit price. */
    LIMIT,
    /** Marketable limit orders (immediate-or-cancel) priced at the edge of a band around mark: never a naked market order. */
    AGGRESSIVE,
    /** The whole package as one request for quote; the best quote inside a band around the package mark is accepted. */
    RFQ
}
