package io.coincalltrader.engine.risk;

/** One reason an order is refused before sending: which check, and a sentence saying by how much. */
public record Refusal(Check check, String message) {

    /** The checks, in the order a trader reads them. */
    public enum Check {
        SIZE_STEP, MINIMUM_SIZE, PRICE_TICK, MAXIMUM_SIZE, MAXIMUM_NOTIONAL, PRICE_BAND, STALE_MARK, MARGIN
    }
}
