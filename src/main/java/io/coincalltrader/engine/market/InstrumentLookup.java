package io.coincalltrader.engine.market;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.InstrumentSpec;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.FuturesTicker;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.exchange.MarketDataGateway;
import io.coincalltrader.exchange.ProductRules;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds an instrument by name with its trading rules and current prices (blocking REST reads: call off the FX
 * and engine threads). An unknown name is empty; a bad one throws with the reason.
 */
public final class InstrumentLookup {
    private final MarketDataGateway market;
    private final Clock clock;
    private final Map<String, Map<String, ProductRules>> rules = new ConcurrentHashMap<>();

    public InstrumentLookup(MarketDataGateway market, Clock clock) {
        this.market = market;
        this.clock = clock;
    }

    public Optional<InstrumentQuote> find(String symbol) {
        InstrumentName name = InstrumentName.parse(symbol.trim());
        Instrument instrument = switch (name) {
            case InstrumentName.Option o -> market.optionInstruments(o.base()).stream().filter(i -> i.symbol().equals(name.text()))
                    .findFirst().orElse(null);
            case InstrumentName.Future f -> {
                ProductRules r = rules.computeIfAbsent("futures", k -> market.futuresRules()).get(f.index());
                yield r == null ? null : new Instrument.Future(f, new InstrumentSpec(r.tickSize(), r.quantityStep(), r.minQuantity(), r.multiplier()));
            }
            case InstrumentName.Spot s -> market.spotInstruments().stream().filter(i -> i.symbol().equals(name.text())).findFirst().orElse(null);
        };
        if (instrument == null) {
            return Optional.empty();
        }
        OrderBook book = market.orderBook(name.text());
        BigDecimal bid = book.bestBid().map(BookLevel::price).orElse(null);
        BigDecimal ask = book.bestAsk().map(BookLevel::price).orElse(null);
        BigDecimal mark;
        BigDecimal index = null;
        switch (name) {
            case InstrumentName.Option o -> {
                var d = market.optionDetail(name.text());
                mark = d.markPrice();
                index = d.indexPrice();
            }
            case InstrumentName.Future f -> {
                FuturesTicker t = market.futuresTickers().stream().filter(x -> x.symbol().equals(name.text())).findFirst().orElse(null);
                mark = t == null ? null : t.markPrice();
                index = t == null ? null : t.indexPrice();
            }
            case InstrumentName.Spot s -> mark = bid != null && ask != null ? bid.add(ask).divide(BigDecimal.TWO) : null;
        }
        return Optional.of(new InstrumentQuote(instrument, mark, bid, ask, index, clock.instant()));
    }
}
