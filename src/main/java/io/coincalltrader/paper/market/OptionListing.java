package io.coincalltrader.paper.market;

import io.coincalltrader.domain.instrument.InstrumentName;

import java.math.BigDecimal;

/** One listed paper option and its strike as the exchange writes it. */
public record OptionListing(InstrumentName.Option name, long optionId) {
    public String symbol() {
        return name.text();
    }

    public BigDecimal strike() {
        return name.strike();
    }
}
