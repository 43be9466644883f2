package io.coincalltrader.engine.market;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.InstrumentSpec;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.FuturesTicker;
import io.coincalltrader.domain.market.OptionDetail;
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
 * and engine threads). Rules are read once and kept (a listing is fetched again only for a name it lacks); prices
 * are read fresh at every call. An unknown name is empty; a bad one throws with the reason. The ticket and the
 * execution service both price from here.
 */
public final class InstrumentLookup {
    private final MarketDataGateway market;
    private final Clock clock;
    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();
    private volatile Map<String, ProductRules> futuresRules;

    public InstrumentLookup(MarketDataGateway market, Clock clock) {
        this.market = market;
        this.clock = clock;
    }

    public Optional<InstrumentQuote> find(String symbol) {
        InstrumentName name = InstrumentName.parse(symbol.trim());
        Instrument instrument = instrument(name);
        if (instrument == null) {
            return Optional.empty();
        }
        OrderBook book = market.orderBook(name.text());
        BigDecimal bid = book.bestBid().map(BookLevel::price).orElse(null);
        BigDecimal ask = book.bestAsk().map(BookLevel::price).orElse(null);
        BigDecimal mark = null;
        BigDecimal index = null;
        switch (name) {
            case InstrumentName.Option o -> {
                OptionDetail d = market.optionDetail(name.text());
                mark = d.markPrice();
                index = d.indexPrice();
            }
            case InstrumentName.Future f -> {
                FuturesTicker t = market.futuresTickers().stream().filter(x -> x.symbol().equals(name.text())).findFirst().orElse(null);
                if (t != null) {
                    mark = t.markPrice();
                    index = t.indexPrice();
                }
            }
            case InstrumentName.Spot s -> {
                // spot has no mark: the book's middle stands for it
            }
        }
        if (mark == null) {
            mark = bid != null && ask != null ? bid.add(ask).divide(BigDecimal.TWO) : bid != null ? bid : ask;
        }
        return Optional.of(new InstrumentQuote(instrument, mark, bid, ask, index, clock.instant()));
    }

    private Instrument instrument(InstrumentName name) {
        Instrument known = instruments.get(name.text());
        if (known != null) {
            return known;
        }
        switch (name) {
            case InstrumentName.Option o -> market.optionInstruments(o.base()).forEach(i -> instruments.put(i.symbol(), i));
            case InstrumentName.Future f -> {
                if (futuresRules == null) {
                    futuresRules = market.futuresRules();
                }
                ProductRules r = futuresRules.get(f.index());
                if (r != null) {
                    instruments.put(name.text(), new Instrument.Future(f, new InstrumentSpec(r.tickSize(), r.quantityStep(), r.minQuantity(),
                            r.multiplier())));
                }
            }
            case InstrumentName.Spot s -> market.spotInstruments().forEach(i -> instruments.put(i.symbol(), i));
        }
        return instruments.get(name.text());
    }
}
