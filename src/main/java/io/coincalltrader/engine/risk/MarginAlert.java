package io.coincalltrader.engine.risk;

import java.math.BigDecimal;
import java.time.Instant;

/** A change of margin level, raised when usage crosses a threshold (or falls back below it). */
public record MarginAlert(MarginLevel from, MarginLevel to, BigDecimal usage, Instant time) {
    /** True when the account got closer to its limit. */
    public boolean worsened() {
        return to.ordinal() > from.ordinal();
    }
}
