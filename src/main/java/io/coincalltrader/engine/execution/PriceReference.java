package io.coincalltrader.engine.execution;

/** Where a limit order starts. */
public enum PriceReference {
    MARK,
    /** Middle of the best bid and ask; mark when one side is empty. */
    MID,
    /** The leg's own price. */
    EXPLICIT
}
