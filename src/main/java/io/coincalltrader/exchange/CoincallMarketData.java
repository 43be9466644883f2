package io.coincalltrader.exchange;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.market.FuturesTicker;
import io.coincalltrader.domain.market.LastTrade;
import io.coincalltrader.domain.market.OptionChain;
import io.coincalltrader.domain.market.OptionDetail;
import io.coincalltrader.domain.market.OrderBook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Coincall's public market data endpoints. */
final class CoincallMarketData implements MarketDataGateway {
    private final RestTransport http;
    private final Clock clock;

    CoincallMarketData(RestTransport http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Map<String, ProductRules> optionRules() {
        return rules("optionConfig");
    }

    @Override
    public Map<String, ProductRules> futuresRules() {
        return rules("futuresConfig");
    }

    private Map<String, ProductRules> rules(String section) {
        JsonObject data = JsonFields.object(http.read("/open/public/config/v1", Map.of(), RateBucket.PUBLIC, false), "config");
        Map<String, ProductRules> out = new LinkedHashMap<>();
        JsonElement sectionEl = data.get(section);
        if (sectionEl == null || !sectionEl.isJsonObject()) {
            return out;
        }
        for (Map.Entry<String, JsonElement> e : sectionEl.getAsJsonObject().entrySet()) {
            JsonObject o = JsonFields.object(e.getValue(), section + "." + e.getKey());
            int qtyDecimal = JsonFields.integer(o, "qtyDecimal", 2);
            BigDecimal step = BigDecimal.ONE.movePointLeft(qtyDecimal);
            BigDecimal min = JsonFields.decimal(o, "minQty");
            out.put(e.getKey(), new ProductRules(e.getKey(), JsonFields.decimal(o, "tickSize"), step,
                    min == null ? step : min, JsonFields.decimal(o, "multiplier"), JsonFields.decimal(o, "takerFee"),
                    JsonFields.decimal(o, "makerFee"), JsonFields.decimal(o, "limitMaxQty"), JsonFields.decimal(o, "marketMaxQty")));
        }
        return out;
    }

    @Override
    public List<Instrument.Option> optionInstruments(String base) {
        ProductRules rules = optionRules().get(base + "USD");
        return MarketMapper.optionInstruments(http.read("/open/option/getInstruments/" + base, Map.of(), RateBucket.PUBLIC, false), rules);
    }

    @Override
    public OptionChain optionChain(String index, Instant expiry) {
        Map<String, Object> query = new HashMap<>();
        if (expiry != null) {
            query.put("endTime", expiry.toEpochMilli());
        }
        return new OptionChain(index, MarketMapper.chain(http.read("/open/option/get/v1/" + index, query, RateBucket.PUBLIC, false)));
    }

    @Override
    public OptionDetail optionDetail(String symbol) {
        return MarketMapper.optionDetail(http.read("/open/option/detail/v1/" + symbol, Map.of(), RateBucket.PUBLIC, false));
    }

    @Override
    public OrderBook orderBook(String symbol) {
        InstrumentName name = InstrumentName.parse(symbol);
        Instant now = clock.instant();
        return switch (name) {
            case InstrumentName.Option o -> MarketMapper.book(symbol,
                    http.read("/open/option/order/orderbook/v1/" + symbol, Map.of(), RateBucket.ORDER_BOOK, false), "bids", "asks", now);
            case InstrumentName.Future f -> MarketMapper.book(symbol,
                    http.read("/open/futures/order/orderbook/v1/" + symbol, Map.of(), RateBucket.ORDER_BOOK, false), "bids", "asks", now);
            case InstrumentName.Spot s -> MarketMapper.book(symbol,
                    http.read("/open/spot/market/orderbook", Map.of("symbol", symbol, "depth", 50), RateBucket.ORDER_BOOK, false), "b", "a", now);
        };
    }

    @Override
    public List<LastTrade> lastTrades(String symbol) {
        String path = InstrumentName.parse(symbol) instanceof InstrumentName.Option
                ? "/open/option/trade/lasttrade/v1/" + symbol
                : "/open/futures/trade/lasttrade/v1/" + symbol;
        return MarketMapper.lastTrades(http.read(path, Map.of(), RateBucket.PUBLIC, false));
    }

    @Override
    public List<FuturesTicker> futuresTickers() {
        return MarketMapper.futuresSymbols(http.read("/open/futures/market/symbol/v1", Map.of(), RateBucket.PUBLIC, false));
    }

    @Override
    public List<FuturesTicker> futuresInstruments() {
        return MarketMapper.futuresInstruments(http.read("/open/futures/market/instruments/v1", Map.of(), RateBucket.PUBLIC, false));
    }

    @Override
    public List<Instrument.Spot> spotInstruments() {
        return MarketMapper.spotInstruments(http.read("/open/spot/market/instruments", Map.of(), RateBucket.PUBLIC, false));
    }

    @Override
    public BigDecimal indexPrice(String index) {
        for (FuturesTicker t : futuresTickers()) {
            if (t.symbol().equals(index) && t.indexPrice() != null) {
                return t.indexPrice();
            }
        }
        throw new UnexpectedResponseException("no index price for " + index + " in the futures symbols", null);
    }

    /** Rounds a price to the instrument's tick (used by callers that derive prices from marks). */
    static BigDecimal toTick(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        return price.divide(tick, 0, mode).multiply(tick);
    }
}
