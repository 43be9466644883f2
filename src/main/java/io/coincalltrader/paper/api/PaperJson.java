package io.coincalltrader.paper.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.paper.market.OptionListing;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.paper.rfq.PaperRfq;
import io.coincalltrader.paper.rfq.RfqDesk;
import io.coincalltrader.paper.trading.PaperOrder;
import io.coincalltrader.paper.trading.PaperPosition;
import io.coincalltrader.paper.trading.PaperTrade;
import io.coincalltrader.pricing.Greeks;

import java.math.BigDecimal;
import java.time.Instant;

/** Renders paper state in Coincall's field names and shapes (see shared/coincall-api.md §3 and §5). */
final class PaperJson {
    private PaperJson() {
    }

    static JsonPrimitive num(BigDecimal v) {
        return new JsonPrimitive(new LazilyParsedNumber(v.stripTrailingZeros().toPlainString()));
    }

    static JsonPrimitive num(double v) {
        return new JsonPrimitive(Double.isFinite(v) ? v : 0);
    }

    static JsonPrimitive str(BigDecimal v) {
        return new JsonPrimitive(v.stripTrailingZeros().toPlainString());
    }

    static long ms(Instant t) {
        return t.toEpochMilli();
    }

    static JsonObject order(PaperOrder o) {
        JsonObject j = new JsonObject();
        j.addProperty("orderId", o.orderId());
        if (o.clientOrderId() != null) {
            j.add("clientOrderId", o.product() == io.coincalltrader.domain.order.ProductType.SPOT
                    ? new JsonPrimitive(o.clientOrderId()) : new JsonPrimitive(new LazilyParsedNumber(o.clientOrderId())));
        }
        j.addProperty("symbol", o.symbol());
        j.addProperty("displayName", o.symbol());
        j.add("qty", num(o.quantity()));
        j.add("remainQty", num(o.remaining()));
        j.add("fillQty", num(o.filled()));
        j.add("price", num(o.price() == null ? BigDecimal.ZERO : o.price()));
        j.add("avgPrice", num(o.averagePrice()));
        j.addProperty("tradeSide", o.side());
        j.addProperty("tradeType", o.type());
        j.addProperty("timeInForce", o.timeInForce());
        j.addProperty("reduceOnly", o.reduceOnly() ? 1 : 0);
        j.add("fee", num(o.fee()));
        if (o.triggerPrice() != null) {
            j.add("triggerPrice", num(o.triggerPrice()));
        }
        j.addProperty("createTime", ms(o.createTime()));
        j.addProperty("updateTime", ms(o.updateTime()));
        j.addProperty("state", o.state());
        return j;
    }

    static JsonObject trade(PaperTrade t) {
        JsonObject j = new JsonObject();
        j.addProperty("id", t.tradeId());
        j.addProperty("tradeId", Long.toString(t.tradeId()));
        j.addProperty("orderId", t.orderId());
        if (t.clientOrderId() != null) {
            j.add("clientOrderId", new JsonPrimitive(new LazilyParsedNumber(t.clientOrderId())));
        }
        j.addProperty("symbol", t.symbol());
        j.addProperty("displayName", t.symbol());
        j.addProperty("tradeSide", t.side());
        j.addProperty("tradeType", t.blockTradeId() == null ? 1 : 14);
        j.add("price", num(t.price()));
        j.add("qty", num(t.quantity()));
        j.add("fee", num(t.fee()));
        j.add("markPrice", num(t.markPrice()));
        j.add("indexPrice", num(t.indexPrice()));
        j.addProperty("time", ms(t.time()));
        j.addProperty("isTaker", t.taker() ? 1 : 0);
        j.addProperty("reduceOnly", 0);
        return j;
    }

    /** Greeks are per position, signed by side (docs/PAPER_EXCHANGE.md). */
    static JsonObject position(PaperPosition p, PaperMarket market, Instant now) {
        BigDecimal mark = market.mark(p.symbol(), now);
        BigDecimal qty = p.quantity();
        BigDecimal upnl = mark.subtract(p.averagePrice()).multiply(qty);
        BigDecimal cost = p.averagePrice().multiply(qty.abs());
        BigDecimal roi = cost.signum() == 0 ? BigDecimal.ZERO : upnl.divide(cost, java.math.MathContext.DECIMAL64);
        JsonObject j = new JsonObject();
        j.addProperty("id", p.positionId());
        j.addProperty("positionId", Long.toString(p.positionId()));
        j.addProperty("symbol", p.symbol());
        j.addProperty("displayName", p.symbol());
        j.add("qty", num(qty.abs()));
        j.addProperty("tradeSide", qty.signum() >= 0 ? 1 : 2);
        j.add("avgPrice", num(p.averagePrice()));
        j.add("markPrice", num(mark));
        j.add("value", num(mark.multiply(qty.abs())));
        j.add("upnl", num(upnl));
        j.add("upnlByMarkPrice", num(upnl));
        j.add("roi", num(roi));
        j.add("roiByMarkPrice", num(roi));
        j.addProperty("updateTime", ms(p.updateTime()));
        double signed = qty.doubleValue();
        var listing = market.option(p.symbol());
        if (listing.isPresent()) {
            OptionListing l = listing.get();
            Greeks g = market.greeks(l, now).times(signed);
            j.add("indexPrice", num(market.index(l.name().base())));
            j.add("delta", num(g.delta()));
            j.add("gamma", num(g.gamma()));
            j.add("vega", num(g.vega()));
            j.add("theta", num(g.theta()));
        } else {
            j.add("indexPrice", num(market.index(market.coinOf(p.symbol()))));
            j.add("delta", num(signed));
            j.add("gamma", num(0));
            j.add("vega", num(0));
            j.add("theta", num(0));
        }
        return j;
    }

    /** One side of a chain row, as {@code /open/option/get/v1} writes it. */
    static JsonObject chainSide(OptionListing l, PaperMarket market, Instant now) {
        BigDecimal mark = market.mark(l.symbol(), now);
        Greeks g = market.greeks(l, now);
        OrderBook book = market.book(l.symbol(), now);
        double iv = market.iv(l, now);
        JsonObject j = new JsonObject();
        j.addProperty("optionId", l.optionId());
        j.addProperty("index", l.name().index());
        j.addProperty("symbol", l.symbol());
        j.addProperty("baseToken", l.name().base());
        j.addProperty("displayName", l.name().displayName());
        j.addProperty("endTime", ms(l.name().expiry()));
        j.add("strike", num(l.strike()));
        j.add("markPrice", num(mark));
        j.add("markIv", num(iv));
        j.add("bid", num(book.bestBid().map(BookLevel::price).orElse(BigDecimal.ZERO)));
        j.add("bidSize", num(book.bestBid().map(BookLevel::size).orElse(BigDecimal.ZERO)));
        j.add("ask", num(book.bestAsk().map(BookLevel::price).orElse(BigDecimal.ZERO)));
        j.add("askSize", num(book.bestAsk().map(BookLevel::size).orElse(BigDecimal.ZERO)));
        j.add("bidIv", num(Math.max(0.01, iv - 0.02)));
        j.add("askIv", num(iv + 0.02));
        j.addProperty("type", l.name().type() == OptionType.CALL ? 1 : 2);
        j.add("underlyingPrice", num(market.index(l.name().base())));
        j.add("lastPrice", num(mark));
        j.add("volume", num(BigDecimal.ZERO));
        j.add("openInterest", num(BigDecimal.ZERO));
        j.add("delta", num(g.delta()));
        j.add("gamma", num(g.gamma()));
        j.add("vega", num(g.vega()));
        j.add("theta", num(g.theta()));
        j.add("rho", num(0));
        return j;
    }

    static JsonObject book(OrderBook b, boolean arrays) {
        JsonObject j = new JsonObject();
        JsonArray bids = new JsonArray();
        JsonArray asks = new JsonArray();
        for (BookLevel l : b.bids()) {
            bids.add(level(l, arrays));
        }
        for (BookLevel l : b.asks()) {
            asks.add(level(l, arrays));
        }
        j.add(arrays ? "b" : "bids", bids);
        j.add(arrays ? "a" : "asks", asks);
        return j;
    }

    private static com.google.gson.JsonElement level(BookLevel l, boolean arrays) {
        if (arrays) {
            JsonArray pair = new JsonArray();
            pair.add(str(l.price()));
            pair.add(str(l.size()));
            return pair;
        }
        JsonObject o = new JsonObject();
        o.add("price", str(l.price()));
        o.add("size", str(l.size()));
        return o;
    }

    static JsonObject rfq(PaperRfq r) {
        JsonObject j = new JsonObject();
        j.addProperty("requestId", r.requestId());
        j.addProperty("state", r.state());
        j.addProperty("role", "TAKER");
        j.addProperty("createTime", ms(r.createTime()));
        j.addProperty("expiryTime", ms(r.expiryTime()));
        j.addProperty("updateTime", ms(r.updateTime()));
        JsonArray legs = new JsonArray();
        for (PaperRfq.Leg l : r.legs()) {
            JsonObject leg = new JsonObject();
            leg.addProperty("instrumentName", l.instrumentName());
            leg.addProperty("side", l.side());
            leg.add("qty", str(l.quantity()));
            legs.add(leg);
        }
        j.add("legs", legs);
        return j;
    }

    static JsonObject quote(PaperRfq r, PaperRfq.Quote q) {
        JsonObject j = new JsonObject();
        j.addProperty("quoteId", q.quoteId());
        j.addProperty("requestId", r.requestId());
        j.addProperty("userId", q.makerUserId());
        j.addProperty("state", q.state());
        j.addProperty("createTime", ms(q.createTime()));
        j.addProperty("updateTime", ms(q.updateTime()));
        j.addProperty("expiryTime", ms(q.expiryTime()));
        JsonArray legs = new JsonArray();
        for (PaperRfq.QuoteLeg l : q.legs()) {
            JsonObject leg = new JsonObject();
            leg.addProperty("instrumentName", l.instrumentName());
            leg.addProperty("side", l.side());
            leg.add("price", str(l.price()));
            leg.add("quantity", str(l.quantity()));
            legs.add(leg);
        }
        j.add("legs", legs);
        return j;
    }

    static JsonObject blockTrade(RfqDesk.BlockTradeRecord b) {
        JsonObject j = new JsonObject();
        j.addProperty("blockTradeId", b.blockTradeId());
        j.addProperty("requestId", b.requestId());
        j.addProperty("quoteId", b.quoteId());
        j.addProperty("role", "TAKER");
        j.addProperty("createTime", ms(b.time()));
        JsonArray legs = new JsonArray();
        for (PaperTrade t : b.legs()) {
            JsonObject leg = new JsonObject();
            leg.addProperty("instrumentName", t.symbol());
            leg.addProperty("side", t.side() == 1 ? "BUY" : "SELL");
            leg.add("price", str(t.price()));
            leg.add("quantity", str(t.quantity()));
            leg.add("fee", str(t.fee()));
            leg.addProperty("tradeId", Long.toString(t.tradeId()));
            leg.addProperty("orderId", t.orderId());
            leg.add("markPrice", str(t.markPrice()));
            leg.add("indexPrice", str(t.indexPrice()));
            leg.addProperty("quoteToken", "USDT");
            legs.add(leg);
        }
        j.add("legs", legs);
        return j;
    }
}
