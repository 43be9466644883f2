package io.coincalltrader.engine.execution;

import io.coincalltrader.domain.instrument.InstrumentSpec;
import io.coincalltrader.engine.market.InstrumentLookup;
import io.coincalltrader.engine.market.InstrumentQuote;

/** Marks, books and rules for executions, read from the exchange at each decision through {@link InstrumentLookup}. */
public final class GatewayMarketView implements MarketView {
    private final InstrumentLookup lookup;

    public GatewayMarketView(InstrumentLookup lookup) {
        this.lookup = lookup;
    }

    public GatewayMarketView(io.coincalltrader.exchange.MarketDataGateway market, java.time.Clock clock) {
        this(new InstrumentLookup(market, clock));
    }

    @Override
    public LegMarket quote(String symbol) {
        InstrumentQuote q = lookup.find(symbol).orElseThrow(() -> new IllegalStateException(symbol + " is not listed on the exchange"));
        if (q.mark() == null) {
            throw new IllegalStateException("No mark price or book for " + symbol);
        }
        InstrumentSpec spec = q.instrument().spec();
        return new LegMarket(symbol, q.mark(), q.bid(), q.ask(), spec.tickSize(), spec.lotSize(), q.time());
    }
}
