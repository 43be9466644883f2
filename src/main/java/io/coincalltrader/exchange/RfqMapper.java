package io.coincalltrader.exchange;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.BlockTrade;
import io.coincalltrader.domain.rfq.BlockTradeLeg;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;

import java.util.List;
import java.util.Locale;

import static io.coincalltrader.exchange.JsonFields.decimal;
import static io.coincalltrader.exchange.JsonFields.decimalOrZero;
import static io.coincalltrader.exchange.JsonFields.id;
import static io.coincalltrader.exchange.JsonFields.millis;
import static io.coincalltrader.exchange.JsonFields.object;
import static io.coincalltrader.exchange.JsonFields.requiredDecimal;
import static io.coincalltrader.exchange.JsonFields.requiredString;
import static io.coincalltrader.exchange.JsonFields.string;

/** Maps RFQ (block trade) payloads, from REST and WebSocket alike. Request legs carry {@code qty}, quote and fill legs {@code quantity}. */
public final class RfqMapper {
    private RfqMapper() {
    }

    public static Rfq rfq(JsonElement data) {
        JsonObject o = object(data, "RFQ");
        List<RfqLeg> legs = o.has("legs") ? JsonFields.map(JsonFields.array(o.get("legs"), "legs"), l -> new RfqLeg(
                requiredString(l, "instrumentName"), Side.parse(requiredString(l, "side")),
                l.has("qty") ? requiredDecimal(l, "qty") : requiredDecimal(l, "quantity")), "leg") : List.of();
        return new Rfq(requiredString(o, "requestId"), RfqState.valueOf(requiredString(o, "state").toUpperCase(Locale.ROOT)),
                millis(o, "createTime"), millis(o, "expiryTime"), legs);
    }

    static List<Rfq> rfqList(JsonElement data) {
        JsonElement list = data != null && data.isJsonObject() && data.getAsJsonObject().has("rfqList")
                ? data.getAsJsonObject().get("rfqList") : data;
        return JsonFields.map(JsonFields.listOf(list, "rfq list"), RfqMapper::rfq, "rfq");
    }

    public static RfqQuote quote(JsonObject o) {
        List<QuoteLeg> legs = JsonFields.map(JsonFields.array(o.get("legs"), "quote legs"), l -> new QuoteLeg(
                requiredString(l, "instrumentName"), Side.parse(requiredString(l, "side")), requiredDecimal(l, "price"),
                l.has("quantity") ? requiredDecimal(l, "quantity") : requiredDecimal(l, "qty")), "quote leg");
        String state = string(o, "state");
        return new RfqQuote(requiredString(o, "quoteId"), id(o, "requestId"),
                state == null ? QuoteState.OPEN : QuoteState.parse(state), millis(o, "createTime"),
                millis(o, "expiryTime"), legs, id(o, "userId"));
    }

    static List<RfqQuote> quotes(JsonElement data) {
        return JsonFields.map(JsonFields.listOf(data, "quotes"), RfqMapper::quote, "quote");
    }

    public static BlockTrade blockTrade(JsonElement data) {
        JsonObject o = object(data, "block trade");
        List<BlockTradeLeg> legs = JsonFields.map(JsonFields.array(o.get("legs"), "block trade legs"), l -> new BlockTradeLeg(
                requiredString(l, "instrumentName"), Side.parse(requiredString(l, "side")), requiredDecimal(l, "price"),
                l.has("quantity") ? requiredDecimal(l, "quantity") : requiredDecimal(l, "qty"), decimalOrZero(l, "fee"),
                string(l, "tradeId"), JsonFields.longId(l, "orderId"), JsonFields.volatility(l, "iv"), decimal(l, "markPrice"),
                decimal(l, "indexPrice")), "block trade leg");
        String blockTradeId = string(o, "blockTradeId");
        return new BlockTrade(blockTradeId == null ? string(o, "blocktradeId") : blockTradeId, id(o, "requestId"),
                id(o, "quoteId"), string(o, "role"), millis(o, "createTime"), legs);
    }

    static List<BlockTrade> blockTrades(JsonElement data) {
        return JsonFields.map(JsonFields.listOf(data, "block trades"), RfqMapper::blockTrade, "block trade");
    }
}
