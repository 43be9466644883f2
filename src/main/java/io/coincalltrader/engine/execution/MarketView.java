package io.coincalltrader.engine.execution;

/** Prices an execution needs, read when it needs them (called off the engine and FX threads; may block). */
public interface MarketView {
    LegMarket quote(String symbol);
}
