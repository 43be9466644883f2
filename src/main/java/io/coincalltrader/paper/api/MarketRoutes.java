package io.coincalltrader.paper.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.paper.PaperError;
import io.coincalltrader.paper.market.OptionListing;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.pricing.Greeks;
import io.javalin.config.RoutesConfig;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static io.coincalltrader.paper.api.PaperJson.num;
import static io.coincalltrader.paper.api.PaperJson.str;

/** Public market data routes (§3.2, §3.3, §3.5, §3.6). */
final class MarketRoutes {
    private final PaperMarket market;
    private final Clock sim;
    private final Clock wall;

    MarketRoutes(PaperMarket market, Clock sim, Clock wall) {
        this.market = market;
        this.sim = sim;
        this.wall = wall;
    }

    void register(PaperHttp http, RoutesConfig r) {
        // Server time is the wall clock: it is what signatures are checked against, whatever the simulation speed.
        http.get(r, "/time", false, q -> object("serverTime", wall.millis()));
        http.get(r, "/open/public/config/v1", false, q -> config());
        http.get(r, "/open/option/getInstruments/{base}", false, q -> instruments(q.pathParam("base")));
        http.get(r, "/open/option/get/v1/{index}", false, q -> chain(q.pathParam("index"), q.longValue("endTime")));
        http.get(r, "/open/option/detail/v1/{symbol}", false, q -> detail(q.pathParam("symbol")));
        http.get(r, "/open/option/order/orderbook/v1/{symbol}", false, q -> optionBook(q.pathParam("symbol")));
        http.get(r, "/open/option/trade/lasttrade/v1/{symbol}", false, q -> lastTrades(q.pathParam("symbol")));
        http.get(r, "/open/futures/trade/lasttrade/v1/{symbol}", false, q -> lastTrades(q.pathParam("symbol")));
        http.get(r, "/open/futures/market/symbol/v1", false, q -> futuresSymbols());
        http.get(r, "/open/futures/market/instruments/v1", false, q -> futuresTickers());
        http.get(r, "/open/futures/order/orderbook/v1/{symbol}", false, q -> futuresBook(q.pathParam("symbol")));
        http.get(r, "/open/spot/market/instruments", false, q -> spotInstruments());
        http.get(r, "/open/spot/market/orderbook", false, q -> spotBook(q.required("symbol")));
    }

    private static JsonObject object(String key, long value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }

    private JsonElement config() {
        JsonObject options = new JsonObject();
        JsonObject futures = new JsonObject();
        for (String coin : market.coins()) {
            JsonObject o = new JsonObject();
            o.addProperty("symbol", coin + "USD");
            o.add("takerFee", num(new BigDecimal("0.0004")));
            o.add("makerFee", num(new BigDecimal("0.0003")));
            o.add("multiplier", num(BigDecimal.ONE));
            o.add("tickSize", num(PaperMarket.OPTION_TICK));
            o.addProperty("tickDecimal", 1);
            o.addProperty("priceDecimal", 1);
            o.addProperty("qtyDecimal", 2);
            o.add("limitMaxQty", num(new BigDecimal("1000")));
            o.add("marketMaxQty", num(new BigDecimal("100")));
            o.add("maxPositionQty", num(new BigDecimal("1000")));
            o.addProperty("base", coin);
            options.add(coin + "USD", o);
            JsonObject f = o.deepCopy();
            f.add("tickSize", num(new BigDecimal("0.5")));
            f.addProperty("qtyDecimal", 3);
            f.add("minQty", num(new BigDecimal("0.001")));
            futures.add(coin + "USD", f);
        }
        JsonObject data = new JsonObject();
        data.add("optionConfig", options);
        data.add("futuresConfig", futures);
        return data;
    }

    private JsonElement instruments(String base) {
        if (!market.coins().contains(base)) {
            throw new PaperError(10005, "unknown base currency " + base);
        }
        JsonArray out = new JsonArray();
        for (OptionListing l : market.options(base)) {
            JsonObject o = new JsonObject();
            o.addProperty("baseCurrency", base);
            o.addProperty("expirationTimestamp", l.name().expiry().toEpochMilli());
            o.add("strike", num(l.strike()));
            o.addProperty("symbolName", l.symbol());
            o.addProperty("isActive", true);
            o.add("minQty", num(PaperMarket.OPTION_MIN_QTY));
            o.add("tickSize", num(PaperMarket.OPTION_TICK));
            out.add(o);
        }
        return out;
    }

    private JsonElement chain(String index, Long endTime) {
        Instant now = sim.instant();
        Map<BigDecimal, JsonObject> rows = new TreeMap<>();
        for (String coin : market.coins()) {
            if (!(coin + "USD").equals(index)) {
                continue;
            }
            for (OptionListing l : market.options(coin)) {
                if (endTime != null && l.name().expiry().toEpochMilli() != endTime) {
                    continue;
                }
                JsonObject row = rows.computeIfAbsent(l.strike(), k -> {
                    JsonObject o = new JsonObject();
                    o.add("strike", num(k));
                    return o;
                });
                row.add(l.name().type() == OptionType.CALL ? "callOption" : "putOption", PaperJson.chainSide(l, market, now));
            }
        }
        JsonArray out = new JsonArray();
        rows.values().forEach(out::add);
        return out;
    }

    private JsonElement detail(String symbol) {
        OptionListing l = market.option(symbol).orElseThrow(() -> new PaperError(40034, "option not exist"));
        Instant now = sim.instant();
        Greeks g = market.greeks(l, now);
        BigDecimal index = market.index(l.name().base());
        JsonObject o = new JsonObject();
        o.addProperty("optionId", l.optionId());
        o.addProperty("symbol", symbol);
        o.addProperty("index", l.name().index());
        o.addProperty("displayName", l.name().displayName());
        o.addProperty("endTime", l.name().expiry().toEpochMilli());
        o.addProperty("remainTime", Math.max(0, l.name().expiry().toEpochMilli() - now.toEpochMilli()));
        o.add("strike", num(l.strike()));
        o.add("markPrice", num(market.mark(symbol, now)));
        o.add("lastPrice", num(market.mark(symbol, now)));
        o.add("indexPrice", num(index));
        o.add("underlyingPrice", num(index));
        o.add("iv", num(market.iv(l, now)));
        o.add("multiplier", num(BigDecimal.ONE));
        o.addProperty("type", l.name().type() == OptionType.CALL ? 1 : 2);
        o.add("delta", num(g.delta()));
        o.add("gamma", num(g.gamma()));
        o.add("vega", num(g.vega()));
        o.add("theta", num(g.theta()));
        return o;
    }

    private JsonElement optionBook(String symbol) {
        market.option(symbol).orElseThrow(() -> new PaperError(40034, "option not exist"));
        OrderBook book = market.book(symbol, sim.instant());
        JsonObject o = PaperJson.book(book, false);
        o.addProperty("optionName", symbol);
        o.addProperty("displayName", symbol);
        return o;
    }

    private JsonElement lastTrades(String symbol) {
        if (!market.isListed(symbol)) {
            throw new PaperError(symbol.split("-").length == 4 ? 40034 : 10005, "symbol not exist");
        }
        JsonArray out = new JsonArray();
        for (PaperMarket.Print p : market.lastTrades(symbol)) {
            JsonObject o = new JsonObject();
            o.addProperty("symbol", symbol);
            o.addProperty("displayName", symbol);
            o.add("price", str(p.price()));
            o.add("qty", str(p.quantity()));
            o.addProperty("time", p.time().toEpochMilli());
            o.addProperty("tradeSide", p.takerSide());
            out.add(o);
        }
        return out;
    }

    private JsonElement futuresSymbols() {
        JsonArray out = new JsonArray();
        Instant now = sim.instant();
        for (var f : market.datedFutures()) {
            JsonObject o = new JsonObject();
            o.addProperty("symbol", f.text());
            o.addProperty("symbolName", f.base() + "/USD " + f.displayName().substring(f.base().length() + 1));
            o.addProperty("displayName", f.displayName());
            o.addProperty("baseToken", f.base());
            o.addProperty("quoteToken", "USD");
            o.add("price", num(market.mark(f.text(), now)));
            o.add("markPrice", num(market.mark(f.text(), now)));
            o.add("indexPrice", num(market.index(f.base())));
            o.addProperty("deliveryTime", f.delivery().toEpochMilli());
            o.addProperty("ts", now.toEpochMilli());
            out.add(o);
        }
        for (String coin : market.coins()) {
            JsonObject o = new JsonObject();
            BigDecimal index = market.index(coin);
            o.addProperty("symbol", coin + "USD");
            o.addProperty("symbolName", coin + "/USD");
            o.addProperty("displayName", coin + "-PERP");
            o.addProperty("baseToken", coin);
            o.addProperty("quoteToken", "USD");
            o.add("price", num(index));
            o.add("markPrice", num(market.mark(coin + "USD", now)));
            o.add("indexPrice", num(index));
            o.addProperty("ts", now.toEpochMilli());
            o.addProperty("hasOption", true);
            out.add(o);
        }
        return out;
    }

    private JsonElement futuresTickers() {
        JsonArray out = new JsonArray();
        for (String coin : market.coins()) {
            JsonObject o = new JsonObject();
            BigDecimal index = market.index(coin);
            o.addProperty("ticker_id", coin + "-USD");
            o.addProperty("base_currency", coin);
            o.addProperty("quote_currency", "USD");
            o.add("last_price", str(index));
            o.add("index_price", str(index));
            o.add("contract_price", str(index));
            o.addProperty("product_type", "Perpetual");
            o.addProperty("contract_type", "Vanilla");
            out.add(o);
        }
        return out;
    }

    private JsonElement futuresBook(String symbol) {
        if (!market.isListed(symbol) || symbol.endsWith("USDT") || market.option(symbol).isPresent()) {
            throw new PaperError(10005, "symbol not exist");
        }
        JsonObject o = PaperJson.book(market.book(symbol, sim.instant()), false);
        o.addProperty("symbol", symbol);
        return o;
    }

    private JsonElement spotInstruments() {
        JsonArray out = new JsonArray();
        for (String coin : market.coins()) {
            JsonObject o = new JsonObject();
            o.addProperty("symbol", coin + "USDT");
            o.addProperty("baseCoin", coin);
            o.addProperty("quoteCoin", "USDT");
            o.addProperty("enableTrading", true);
            JsonObject lot = new JsonObject();
            lot.add("basePrecision", str(new BigDecimal("0.0001")));
            lot.add("minQty", str(new BigDecimal("0.0001")));
            lot.add("maxQty", str(new BigDecimal("100")));
            o.add("lotSizeFilter", lot);
            JsonObject price = new JsonObject();
            price.add("tickSize", str(new BigDecimal("0.5")));
            o.add("priceFilter", price);
            out.add(o);
        }
        return out;
    }

    private JsonElement spotBook(String symbol) {
        if (!symbol.endsWith("USDT") || !market.isListed(symbol)) {
            throw new PaperError(10005, "symbol not exist");
        }
        OrderBook book = market.book(symbol, sim.instant());
        JsonObject o = PaperJson.book(book, true);
        o.addProperty("s", symbol);
        o.addProperty("ts", sim.millis());
        return o;
    }
}
