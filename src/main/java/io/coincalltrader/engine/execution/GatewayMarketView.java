package io.coincalltrader.engine.execution;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.FuturesTicker;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.exchange.MarketDataGateway;
import io.coincalltrader.exchange.ProductRules;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads marks and books from the exchange when an execution asks (REST; fresh at each decision). Trading rules are
 * read once per product and kept.
 */
public final class GatewayMarketView implements MarketView {
    private final MarketDataGateway market;
    private final Clock clock;
    private final Map<String, Map<String, ProductRules>> rules = new ConcurrentHashMap<>();

    public GatewayMarketView(MarketDataGateway market, Clock clock) {
        this.market = market;
        this.clock = clock;
    }

    @Override
    public LegMarket quote(String symbol) {
        InstrumentName name = InstrumentName.parse(symbol);
        OrderBook book = market.orderBook(symbol);
        BigDecimal bid = book.bestBid().map(BookLevel::price).orElse(null);
        BigDecimal ask = book.bestAsk().map(BookLevel::price).orElse(null);
        ProductRules r;
        BigDecimal mark;
        switch (name) {
            case InstrumentName.Option o -> {
                r = rules("option").get(o.index());
                mark = market.optionDetail(symbol).markPrice();
            }
            case InstrumentName.Future f -> {
                r = rules("futures").get(f.index());
                mark = market.futuresTickers().stream().filter(t -> t.symbol().equals(symbol)).map(FuturesTicker::markPrice)
                        .findFirst().orElse(null);
            }
            case InstrumentName.Spot s -> {
                r = null;
                mark = null;
            }
        }
        if (mark == null) {
            mark = bid != null && ask != null ? bid.add(ask).divide(BigDecimal.TWO) : bid != null ? bid : ask;
        }
        if (mark == null) {
            throw new IllegalStateException("No mark price or book for " + symbol);
        }
        BigDecimal tick = r != null ? r.tickSize() : new BigDecimal("0.01");
        BigDecimal lot = r != null ? r.quantityStep() : new BigDecimal("0.0001");
        return new LegMarket(symbol, mark, bid, ask, tick, lot, clock.instant());
    }

    private Map<String, ProductRules> rules(String product) {
        return rules.computeIfAbsent(product, p -> p.equals("option") ? market.optionRules() : market.futuresRules());
    }
}
