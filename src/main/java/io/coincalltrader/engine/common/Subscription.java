package io.coincalltrader.engine.common;

/** A handle that ends one listener registration; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
