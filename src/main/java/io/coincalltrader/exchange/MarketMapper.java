package io.coincalltrader.exchange;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.InstrumentSpec;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.FuturesTicker;
import io.coincalltrader.domain.market.LastTrade;
import io.coincalltrader.domain.market.OptionDetail;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.coincalltrader.exchange.JsonFields.decimal;
import static io.coincalltrader.exchange.JsonFields.millis;
import static io.coincalltrader.exchange.JsonFields.number;
import static io.coincalltrader.exchange.JsonFields.object;
import static io.coincalltrader.exchange.JsonFields.requiredDecimal;
import static io.coincalltrader.exchange.JsonFields.requiredString;
import static io.coincalltrader.exchange.JsonFields.string;
import static io.coincalltrader.exchange.JsonFields.volatility;

/** Maps Coincall's public market data payloads to domain records. */
final class MarketMapper {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal DEFAULT_OPTION_TICK = new BigDecimal("0.1");
    private static final BigDecimal DEFAULT_OPTION_MIN = new BigDecimal("0.01");

    private MarketMapper() {
    }

    /** {@code getInstruments}: options with tick and minimum size; inactive ones are skipped. */
    static List<Instrument.Option> optionInstruments(JsonElement data, ProductRules rules) {
        List<Instrument.Option> out = new ArrayList<>();
        for (JsonElement e : JsonFields.array(data, "instruments")) {
            JsonObject o = object(e, "instrument");
            if (o.has("isActive") && !JsonFields.flag(o, "isActive")) {
                continue;
            }
            InstrumentName name = InstrumentName.parse(requiredString(o, "symbolName"));
            if (!(name instanceof InstrumentName.Option option)) {
                throw new UnexpectedResponseException(name.text() + " is not an option name", null);
            }
            BigDecimal tick = orDefault(decimal(o, "tickSize"), rules == null ? DEFAULT_OPTION_TICK : rules.tickSize());
            BigDecimal min = orDefault(decimal(o, "minQty"), rules == null ? DEFAULT_OPTION_MIN : rules.quantityStep());
            BigDecimal lot = rules == null ? min : orDefault(rules.quantityStep(), min);
            BigDecimal multiplier = rules == null ? ONE : orDefault(rules.multiplier(), ONE);
            out.add(new Instrument.Option(option, new InstrumentSpec(tick, lot, min, multiplier)));
        }
        return out;
    }

    /** The option chain: each strike row carries a call and a put. */
    static List<OptionQuote> chain(JsonElement data) {
        List<OptionQuote> out = new ArrayList<>();
        for (JsonElement e : JsonFields.array(data, "option chain")) {
            JsonObject row = object(e, "chain row");
            for (String side : new String[]{"callOption", "putOption"}) {
                JsonElement opt = row.get(side);
                if (opt != null && opt.isJsonObject()) {
                    out.add(optionQuote(opt.getAsJsonObject(), side.startsWith("call") ? OptionType.CALL : OptionType.PUT));
                }
            }
        }
        return out;
    }

    private static OptionQuote optionQuote(JsonObject o, OptionType fallbackType) {
        String symbol = requiredString(o, "symbol");
        OptionType type = o.has("type") ? OptionType.fromWireCode(JsonFields.integer(o, "type", fallbackType.wireCode())) : fallbackType;
        return new OptionQuote(symbol, decimal(o, "strike"), type, millis(o, "endTime"),
                decimal(o, "markPrice"), positive(decimal(o, "bid")), decimal(o, "bidSize"), positive(decimal(o, "ask")),
                decimal(o, "askSize"), volatility(o, "markIv"), volatility(o, "bidIv"), volatility(o, "askIv"),
                decimal(o, "underlyingPrice"), decimal(o, "openInterest"), decimal(o, "volume"),
                number(o, "delta", 0), number(o, "gamma", 0), number(o, "vega", 0), number(o, "theta", 0));
    }

    static OptionDetail optionDetail(JsonElement data) {
        JsonObject o = object(data, "option detail");
        Double iv = volatility(o, "iv");
        return new OptionDetail(requiredString(o, "symbol"), decimal(o, "strike"), millis(o, "endTime"),
                requiredDecimal(o, "markPrice"), decimal(o, "indexPrice"), decimal(o, "underlyingPrice"),
                decimal(o, "lastPrice"), iv == null ? Double.NaN : iv, number(o, "delta", 0), number(o, "gamma", 0),
                number(o, "vega", 0), number(o, "theta", 0), decimal(o, "multiplier"));
    }

    /** Books written as {@code [{price, size}]} (options, futures v1) or {@code [[price, size]]} (market, spot). */
    static OrderBook book(String symbol, JsonElement data, String bidsField, String asksField, Instant fallbackTime) {
        JsonObject o = object(data, "order book");
        Instant time = millis(o, "timestamp");
        if (time == null) {
            time = millis(o, "ts");
        }
        return new OrderBook(symbol, levels(o.get(bidsField)), levels(o.get(asksField)), time == null ? fallbackTime : time);
    }

    private static List<BookLevel> levels(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        JsonArray array = JsonFields.array(e, "book side");
        List<BookLevel> out = new ArrayList<>(array.size());
        for (JsonElement level : array) {
            if (level.isJsonArray()) {
                JsonArray pair = level.getAsJsonArray();
                out.add(new BookLevel(new BigDecimal(pair.get(0).getAsString()), new BigDecimal(pair.get(1).getAsString())));
            } else {
                JsonObject l = object(level, "book level");
                out.add(new BookLevel(requiredDecimal(l, l.has("price") ? "price" : "pr"), requiredDecimal(l, l.has("size") ? "size" : "sz")));
            }
        }
        return out;
    }

    static List<LastTrade> lastTrades(JsonElement data) {
        return JsonFields.map(JsonFields.listOf(data, "last trades"), o -> new LastTrade(
                requiredString(o, "symbol"), requiredDecimal(o, "price"), requiredDecimal(o, "qty"),
                sideOf(o, "tradeSide"), millis(o, "time")), "trade");
    }

    /** {@code futures/market/symbol/v1}: one object or a list. */
    static List<FuturesTicker> futuresSymbols(JsonElement data) {
        JsonArray array;
        if (data != null && data.isJsonObject()) {
            array = new JsonArray();
            array.add(data);
        } else {
            array = JsonFields.array(data, "futures symbols");
        }
        return JsonFields.map(array, o -> new FuturesTicker(requiredString(o, "symbol"), string(o, "displayName"),
                decimal(o, "price"), decimal(o, "markPrice"), decimal(o, "indexPrice"), millis(o, "ts")), "futures symbol");
    }

    /** {@code futures/market/instruments/v1}: CoinGecko-style tickers, symbol like BTC-USD. */
    static List<FuturesTicker> futuresInstruments(JsonElement data) {
        return JsonFields.map(JsonFields.array(data, "futures instruments"), o -> new FuturesTicker(
                requiredString(o, "ticker_id"), string(o, "product_type"), decimal(o, "last_price"),
                decimal(o, "contract_price"), decimal(o, "index_price"), null), "futures instrument");
    }

    /** {@code spot/market/instruments}: pairs with their lot and tick filters. */
    static List<Instrument.Spot> spotInstruments(JsonElement data) {
        JsonArray array = data != null && data.isJsonObject() ? single(data) : JsonFields.listOf(data, "spot instruments");
        List<Instrument.Spot> out = new ArrayList<>();
        for (JsonElement e : array) {
            JsonObject o = object(e, "spot instrument");
            InstrumentName name = InstrumentName.parse(requiredString(o, "symbol"));
            if (!(name instanceof InstrumentName.Spot spot)) {
                continue;
            }
            JsonObject lot = o.has("lotSizeFilter") ? object(o.get("lotSizeFilter"), "lotSizeFilter") : new JsonObject();
            JsonObject price = o.has("priceFilter") ? object(o.get("priceFilter"), "priceFilter") : new JsonObject();
            BigDecimal tick = orDefault(decimal(price, "tickSize"), new BigDecimal("0.01"));
            BigDecimal min = orDefault(decimal(lot, "minQty"), new BigDecimal("0.0001"));
            BigDecimal step = orDefault(decimal(lot, "basePrecision"), min);
            out.add(new Instrument.Spot(spot, new InstrumentSpec(tick, step, min, ONE)));
        }
        return out;
    }

    private static JsonArray single(JsonElement e) {
        JsonArray a = new JsonArray();
        a.add(e);
        return a;
    }

    static Side sideOf(JsonObject o, String field) {
        String s = string(o, field);
        return s == null ? null : Side.parse(s);
    }

    private static BigDecimal positive(BigDecimal d) {
        return d == null || d.signum() <= 0 ? null : d;
    }

    private static BigDecimal orDefault(BigDecimal value, BigDecimal fallback) {
        return value != null && value.signum() > 0 ? value : fallback;
    }
}
