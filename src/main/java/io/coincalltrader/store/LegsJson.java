package io.coincalltrader.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.RfqLeg;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** RFQ and quote legs as JSON text, amounts as strings so no decimal passes through a double. */
final class LegsJson {
    private LegsJson() {
    }

    static String ofRfqLegs(List<RfqLeg> legs) {
        JsonArray array = new JsonArray();
        for (RfqLeg leg : legs) {
            JsonObject o = new JsonObject();
            o.addProperty("instrument", leg.instrumentName());
            o.addProperty("side", leg.side().name());
            o.addProperty("qty", leg.quantity().toPlainString());
            array.add(o);
        }
        return array.toString();
    }

    static List<RfqLeg> rfqLegs(String json) {
        List<RfqLeg> legs = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            legs.add(new RfqLeg(o.get("instrument").getAsString(), Side.valueOf(o.get("side").getAsString()),
                    new BigDecimal(o.get("qty").getAsString())));
        }
        return legs;
    }

    static String ofQuoteLegs(List<QuoteLeg> legs) {
        JsonArray array = new JsonArray();
        for (QuoteLeg leg : legs) {
            JsonObject o = new JsonObject();
            o.addProperty("instrument", leg.instrumentName());
            o.addProperty("makerSide", leg.makerSide().name());
            o.addProperty("price", leg.price().toPlainString());
            o.addProperty("qty", leg.quantity().toPlainString());
            array.add(o);
        }
        return array.toString();
    }

    static List<QuoteLeg> quoteLegs(String json) {
        List<QuoteLeg> legs = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            legs.add(new QuoteLeg(o.get("instrument").getAsString(), Side.valueOf(o.get("makerSide").getAsString()),
                    new BigDecimal(o.get("price").getAsString()), new BigDecimal(o.get("qty").getAsString())));
        }
        return legs;
    }
}
