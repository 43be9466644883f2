package io.coincalltrader.exchange;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.CoinBalance;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.order.BatchResult;
import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.ExchangeOrderState;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.coincalltrader.exchange.JsonFields.decimal;
import static io.coincalltrader.exchange.JsonFields.decimalOrZero;
import static io.coincalltrader.exchange.JsonFields.integer;
import static io.coincalltrader.exchange.JsonFields.longId;
import static io.coincalltrader.exchange.JsonFields.millis;
import static io.coincalltrader.exchange.JsonFields.number;
import static io.coincalltrader.exchange.JsonFields.object;
import static io.coincalltrader.exchange.JsonFields.requiredLong;
import static io.coincalltrader.exchange.JsonFields.requiredString;
import static io.coincalltrader.exchange.JsonFields.string;

/** Maps account, position, order and trade payloads to domain records. */
final class TradingMapper {
    private TradingMapper() {
    }

    static AccountSummary accountSummary(JsonElement data) {
        JsonObject o = object(data, "account summary");
        List<CoinBalance> coins = new ArrayList<>();
        if (o.has("accounts") && o.get("accounts").isJsonArray()) {
            coins = JsonFields.map(o.getAsJsonArray("accounts"), a -> new CoinBalance(requiredString(a, "coin"),
                    decimalOrZero(a, "equityAmount"), decimalOrZero(a, "availableBalance"), decimalOrZero(a, "cashBalanceAmount"),
                    decimalOrZero(a, "imAmount"), decimalOrZero(a, "mmAmount"), decimalOrZero(a, "unrealizedAmount"),
                    decimalOrZero(a, "dollarValue")), "coin balance");
        }
        return new AccountSummary(decimalOrZero(o, "equity"), decimalOrZero(o, "availableMargin"),
                decimalOrZero(o, "marginBalance"), decimalOrZero(o, "imAmount"), decimalOrZero(o, "mmAmount"),
                decimalOrZero(o, "imRatio"), decimalOrZero(o, "mmRatio"), decimalOrZero(o, "unrealizedPnL"),
                decimalOrZero(o, "totalDollarValue"), coins);
    }

    /** Option positions: P&L and ROI at mark when the exchange gives them, else its default fields. */
    static List<Position> positions(JsonElement data, ProductType product) {
        JsonArray array = JsonFields.listOf(data, "positions");
        return JsonFields.map(array, o -> {
            BigDecimal upnl = decimal(o, "upnlByMarkPrice");
            BigDecimal roi = decimal(o, "roiByMarkPrice");
            String id = string(o, "positionId");
            return new Position(id == null ? string(o, "id") : id, product, requiredString(o, "symbol"),
                    Side.fromWireCode(integer(o, "tradeSide", 1)), decimalOrZero(o, "qty").abs(),
                    decimalOrZero(o, "avgPrice"), decimalOrZero(o, "markPrice"), decimal(o, "indexPrice"),
                    upnl != null ? upnl : decimalOrZero(o, "upnl"), roi != null ? roi : decimalOrZero(o, "roi"),
                    decimalOrZero(o, "initMargin"), decimalOrZero(o, "maintMargin"),
                    number(o, "delta", 0), number(o, "gamma", 0), number(o, "vega", 0), number(o, "theta", 0),
                    millis(o, "updateTime"));
        }, "position");
    }

    static ExchangeOrder order(JsonObject o) {
        long orderId = o.has("orderId") ? requiredLong(o, "orderId") : requiredLong(o, "id");
        BigDecimal qty = decimalOrZero(o, "qty");
        BigDecimal filled = decimalOrZero(o, "fillQty");
        BigDecimal remaining = decimal(o, "remainQty");
        String stateField = o.has("state") ? "state" : "status";
        ExchangeOrderState state = o.has(stateField) ? stateOf(o, stateField) : ExchangeOrderState.NEW;
        return new ExchangeOrder(orderId, longId(o, "clientOrderId"), requiredString(o, "symbol"),
                Side.parse(requiredString(o, "tradeSide")), OrderType.fromWireCode(integer(o, "tradeType", 1)), qty, filled,
                remaining != null ? remaining : qty.subtract(filled).max(BigDecimal.ZERO), decimal(o, "price"),
                decimal(o, "avgPrice"), state, JsonFields.flag(o, "reduceOnly"), decimal(o, "fee"),
                millis(o, "createTime"), millis(o, "updateTime"));
    }

    private static ExchangeOrderState stateOf(JsonObject o, String field) {
        String s = requiredString(o, field);
        try {
            return ExchangeOrderState.fromWireCode(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            // Spot answers with names; map the ones documented.
            return switch (s.toUpperCase(java.util.Locale.ROOT)) {
                case "NEW" -> ExchangeOrderState.NEW;
                case "FILLED" -> ExchangeOrderState.FILLED;
                case "PARTIALLY_FILLED" -> ExchangeOrderState.PARTIALLY_FILLED;
                case "CANCELED", "CANCELLED" -> ExchangeOrderState.CANCELED;
                default -> throw new UnexpectedResponseException("unknown order state " + s, e);
            };
        }
    }

    static List<ExchangeOrder> orders(JsonElement data) {
        return JsonFields.map(JsonFields.listOf(data, "orders"), TradingMapper::order, "order");
    }

    static Fill fill(JsonObject o) {
        String tradeId = requiredString(o, "tradeId");
        return new Fill(tradeId, requiredLong(o, "orderId"), longId(o, "clientOrderId"), requiredString(o, "symbol"),
                Side.parse(requiredString(o, "tradeSide")), JsonFields.requiredDecimal(o, "price"),
                JsonFields.requiredDecimal(o, "qty"), decimalOrZero(o, "fee"), JsonFields.flag(o, "isTaker"),
                millis(o, "time"));
    }

    static List<Fill> fills(JsonElement data) {
        return JsonFields.map(JsonFields.listOf(data, "trades"), TradingMapper::fill, "trade");
    }

    static boolean hasNext(JsonElement data) {
        return data != null && data.isJsonObject() && JsonFields.flag(data.getAsJsonObject(), "hasNext");
    }

    /** Batch answers: {code,msg,data} (current docs) or {scode,smsg,sdata} (2024 docs), or cancel results. */
    static List<BatchResult> batch(JsonElement data) {
        return JsonFields.map(JsonFields.listOf(data, "batch result"), o -> {
            String codeField = o.has("code") ? "code" : "scode";
            String msgField = o.has("msg") ? "msg" : "smsg";
            int code = integer(o, codeField, -1);
            Long orderId = null;
            JsonElement d = o.has("data") ? o.get("data") : o.get("sdata");
            if (d != null && d.isJsonPrimitive()) {
                orderId = JsonFields.dataLong(d, "batch order id");
            } else if (o.has("ordId")) {
                orderId = longId(o, "ordId");
            }
            Long clientId = o.has("clOrdId") ? longId(o, "clOrdId") : null;
            return new BatchResult(clientId, orderId, code, string(o, msgField));
        }, "batch item");
    }

    /** Page totals are optional; unknown totals are -1. */
    static int total(JsonElement data) {
        return data != null && data.isJsonObject() ? integer(data.getAsJsonObject(), "total", -1) : -1;
    }
}
