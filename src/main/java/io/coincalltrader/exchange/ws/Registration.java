package io.coincalltrader.exchange.ws;

/** Ends one listener registration; closing twice is harmless. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
