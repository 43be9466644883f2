package io.coincalltrader.domain.order;

/** The three Coincall product lines, each with its own order endpoints. */
public enum ProductType {
    OPTION,
    FUTURE,
    SPOT
}
