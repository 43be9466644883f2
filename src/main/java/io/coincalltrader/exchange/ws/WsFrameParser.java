package io.coincalltrader.exchange.ws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.LastTrade;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.exchange.JsonFields;
import io.coincalltrader.exchange.RfqMapper;
import io.coincalltrader.exchange.UnexpectedResponseException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.coincalltrader.exchange.JsonFields.decimal;
import static io.coincalltrader.exchange.JsonFields.decimalOrZero;
import static io.coincalltrader.exchange.JsonFields.millis;
import static io.coincalltrader.exchange.JsonFields.number;
import static io.coincalltrader.exchange.JsonFields.string;

/**
 * Turns WebSocket text frames into {@link WsEvent}s. Control frames (heartbeat replies, acknowledgements) give
 * an empty result; an error frame's code is reported through {@link Frame#errorCode()}.
 */
final class WsFrameParser {
    private WsFrameParser() {
    }

    /** A parsed frame: its events, or a control frame (heartbeat reply), or an error code from the server. */
    record Frame(List<WsEvent> events, boolean heartbeatReply, Optional<Integer> errorCode) {
    }

    static Frame parse(String text) {
        JsonObject o;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new UnexpectedResponseException("frame is not an object", null);
            }
            o = root.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new UnexpectedResponseException("frame is not JSON: " + text.substring(0, Math.min(80, text.length())), e);
        }
        if (!o.has("dt")) {
            boolean heartbeat = JsonFields.integer(o, "c", -1) == 11;
            Integer code = o.has("code") ? JsonFields.integer(o, "code", 0) : null;
            return new Frame(List.of(), heartbeat, Optional.ofNullable(code == null || code == 0 ? null : code));
        }
        int dt = JsonFields.integer(o, "dt", -1);
        JsonElement d = o.get("d");
        return new Frame(events(dt, d, text), false, Optional.empty());
    }

    private static List<WsEvent> events(int dt, JsonElement d, String raw) {
        return switch (dt) {
            case 3 -> List.of(ticker(obj(d)));
            case 4 -> List.of(new WsEvent.ChainRows(map(d, WsFrameParser::chainRow), null));
            case 5, 32 -> List.of(new WsEvent.Book(book(obj(d))));
            case 6, 33 -> List.of(new WsEvent.Trades(map(d, t -> new LastTrade(string(t, "s"), decimal(t, "pr"), decimal(t, "q"),
                    sideOrNull(string(t, "sd")), millis(t, "ts")))));
            case 24, 43 -> List.of(new WsEvent.Trades(map(d, t -> new LastTrade(string(t, "symbol"), decimal(t, "matchPrice"),
                    decimal(t, "matchQty"), sideOrNull(string(t, "tradeSide")), millis(t, "tradeTime")))));
            case 7 -> {
                JsonObject a = obj(d);
                yield List.of(new WsEvent.AccountBalance(decimal(a, "e"), decimal(a, "ab"), decimal(a, "mb"), decimal(a, "im"),
                        decimal(a, "mm"), decimal(a, "upnl"), millis(a, "ts")));
            }
            case 11, 35 -> List.of(order(obj(d)));
            case 15 -> List.of(new WsEvent.TradeFill(optionTrade(obj(d))));
            case 38 -> List.of(new WsEvent.TradeFill(futuresTrade(obj(d))));
            case 12, 27 -> List.of(position(obj(d), ProductType.OPTION));
            case 36, 46 -> List.of(position(obj(d), ProductType.FUTURE));
            case 28, 129 -> List.of(new WsEvent.RfqUpdate(RfqMapper.rfq(d)));
            case 130, 131 -> List.of(new WsEvent.QuoteUpdate(RfqMapper.quote(obj(d))));
            case 22 -> List.of(new WsEvent.BlockTradeDetail(RfqMapper.blockTrade(d)));
            case 30 -> {
                JsonObject p = obj(d);
                yield List.of(new WsEvent.SpotPrice(string(p, "s"), decimal(p, "pr"), decimal(p, "mp"), decimal(p, "ip"), millis(p, "ts")));
            }
            default -> List.of(new WsEvent.Unknown(dt, raw));
        };
    }

    private static JsonObject obj(JsonElement d) {
        return JsonFields.object(d, "frame payload");
    }

    private static <T> List<T> map(JsonElement d, java.util.function.Function<JsonObject, T> f) {
        JsonArray array = d != null && d.isJsonArray() ? d.getAsJsonArray() : single(d);
        List<T> out = new ArrayList<>(array.size());
        for (JsonElement e : array) {
            out.add(f.apply(obj(e)));
        }
        return out;
    }

    private static JsonArray single(JsonElement d) {
        JsonArray a = new JsonArray();
        a.add(d);
        return a;
    }

    private static WsEvent.Ticker ticker(JsonObject t) {
        return new WsEvent.Ticker(string(t, "s"), decimal(t, "mp"), decimal(t, "lp"), decimal(t, "ip"), decimal(t, "up"),
                JsonFields.volatility(t, "iv"), number(t, "delta", 0), number(t, "gamma", 0), number(t, "vega", 0),
                number(t, "theta", 0), millis(t, "ts"));
    }

    private static OptionQuote chainRow(JsonObject r) {
        String symbol = string(r, "s");
        InstrumentName.Option name = (InstrumentName.Option) InstrumentName.parse(symbol);
        return new OptionQuote(symbol, name.strike(), name.type() == OptionType.CALL ? OptionType.CALL : OptionType.PUT, name.expiry(),
                decimal(r, "mp"), positive(decimal(r, "bid")), decimal(r, "bs"), positive(decimal(r, "ask")), decimal(r, "as"),
                JsonFields.volatility(r, "miv"), JsonFields.volatility(r, "biv"), JsonFields.volatility(r, "aiv"), decimal(r, "up"),
                decimal(r, "oi"), decimal(r, "v"), number(r, "delta", 0), number(r, "gamma", 0), number(r, "vega", 0), number(r, "theta", 0));
    }

    private static OrderBook book(JsonObject b) {
        return new OrderBook(string(b, "s"), levels(b.get("bids")), levels(b.get("asks")), millis(b, "ts"));
    }

    private static List<BookLevel> levels(JsonElement e) {
        if (e == null || !e.isJsonArray()) {
            return List.of();
        }
        List<BookLevel> out = new ArrayList<>();
        for (JsonElement l : e.getAsJsonArray()) {
            JsonObject level = obj(l);
            out.add(new BookLevel(JsonFields.requiredDecimal(level, "pr"), JsonFields.requiredDecimal(level, "sz")));
        }
        return out;
    }

    private static WsEvent.OrderUpdate order(JsonObject o) {
        BigDecimal qty = decimalOrZero(o, "q");
        BigDecimal filled = decimalOrZero(o, "fq");
        BigDecimal remaining = decimal(o, "rq");
        return new WsEvent.OrderUpdate(JsonFields.requiredLong(o, "oid"), JsonFields.longId(o, "coid"), string(o, "s"),
                Side.fromWireCode(JsonFields.integer(o, "si", 1)), qty, decimal(o, "pr"),
                ExchangeOrderState.fromWireCode(JsonFields.integer(o, "os", 0)), filled,
                remaining != null ? remaining : qty.subtract(filled).max(BigDecimal.ZERO), decimal(o, "ap"), millis(o, "ts"));
    }

    /** Options trade frames carry no fee, only its rate: the fee is rate × value (REST history has the exact one). */
    private static Fill optionTrade(JsonObject t) {
        BigDecimal value = decimal(t, "matchValue");
        BigDecimal rate = decimal(t, "feeRate");
        BigDecimal fee = value != null && rate != null ? value.multiply(rate).abs() : BigDecimal.ZERO;
        return new Fill(JsonFields.requiredString(t, "tradeId"), JsonFields.requiredLong(t, "orderId"), JsonFields.longId(t, "clientOrderId"),
                string(t, "symbol"), Side.parse(JsonFields.requiredString(t, "orderSide")), JsonFields.requiredDecimal(t, "matchPrice"),
                JsonFields.requiredDecimal(t, "matchQty"), fee, JsonFields.flag(t, "isTaker"), millis(t, "tradeTime"));
    }

    private static Fill futuresTrade(JsonObject t) {
        return new Fill(JsonFields.requiredString(t, "tid"), JsonFields.requiredLong(t, "oid"), JsonFields.longId(t, "coid"),
                string(t, "s"), Side.fromWireCode(JsonFields.integer(t, "si", 1)), JsonFields.requiredDecimal(t, "mpr"),
                JsonFields.requiredDecimal(t, "mq"), decimalOrZero(t, "tf").abs(), JsonFields.flag(t, "it"), millis(t, "ts"));
    }

    /** Options frames put P&L at mark in {@code pnlbmp}; futures frames in {@code upnl}. */
    private static WsEvent.PositionUpdate position(JsonObject p, ProductType product) {
        BigDecimal upnl = product == ProductType.OPTION && p.has("pnlbmp") ? decimal(p, "pnlbmp") : decimal(p, "upnl");
        BigDecimal roi = product == ProductType.OPTION ? decimal(p, "roibmp") : null;
        String symbol = string(p, "s");
        Position position = new Position(symbol, product, symbol, Side.fromWireCode(JsonFields.integer(p, "si", 1)),
                decimalOrZero(p, "q").abs(), decimalOrZero(p, "ap"), decimalOrZero(p, "mp"), null,
                upnl == null ? BigDecimal.ZERO : upnl, roi == null ? BigDecimal.ZERO : roi, decimalOrZero(p, "im"),
                decimalOrZero(p, "mm"), number(p, "delta", 0), number(p, "gamma", 0), number(p, "vega", 0), number(p, "theta", 0),
                millis(p, "ts"));
        return new WsEvent.PositionUpdate(position, JsonFields.integer(p, "os", 1) == 5);
    }

    private static Side sideOrNull(String s) {
        return s == null ? null : Side.parse(s);
    }

    private static BigDecimal positive(BigDecimal d) {
        return d == null || d.signum() <= 0 ? null : d;
    }
}
