package io.coincalltrader.domain.order;

import io.coincalltrader.domain.instrument.InstrumentName;

/** The three Coincall product lines, each with its own order endpoints. */
public enum ProductType {
    OPTION,
    FUTURE,
    SPOT;

    /** The product line an instrument trades on. */
    public static ProductType of(InstrumentName name) {
        return switch (name) {
            case InstrumentName.Option o -> OPTION;
            case InstrumentName.Future f -> FUTURE;
            case InstrumentName.Spot s -> SPOT;
        };
    }

    /** The product line of an instrument name as Coincall writes it; a bad name is refused with the reason. */
    public static ProductType of(String symbol) {
        return of(InstrumentName.parse(symbol));
    }
}
