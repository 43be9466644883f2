package io.coincalltrader.paper.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.coincalltrader.paper.PaperError;
import io.coincalltrader.paper.rfq.PaperRfq;
import io.coincalltrader.paper.rfq.RfqDesk;
import io.javalin.config.RoutesConfig;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Block-trade RFQ routes (§3.7, §3.8); accept and cancel take form or JSON bodies alike (§3.10). */
final class RfqRoutes {
    private static final String BASE = "/open/option/blocktrade/";
    private final RfqDesk desk;
    private final Clock sim;

    RfqRoutes(RfqDesk desk, Clock sim) {
        this.desk = desk;
        this.sim = sim;
    }

    void register(PaperHttp http, RoutesConfig r) {
        http.post(r, BASE + "request/create/v1", this::create);
        http.post(r, BASE + "request/cancel/v1", q -> {
            desk.cancel(q.required("requestId"), sim.instant());
            return new JsonPrimitive(true);
        });
        http.post(r, BASE + "request/accept/v1", q -> PaperJson.blockTrade(desk.accept(q.required("requestId"), q.required("quoteId"), sim.instant())));
        http.get(r, BASE + "request/getQuotesReceived/v1", true, this::quotes);
        http.get(r, BASE + "rfqList/v1", true, this::list);
        http.get(r, BASE + "trade-detail/private/v1", true, q -> page(blockTrades(q.text("blocktradeId"))));
        http.get(r, BASE + "orderList/v1", true, q -> page(blockTrades(q.text("blocktradeId"))));
        // The paper account is a taker: there is no one else's RFQ to quote on.
        http.post(r, BASE + "quote/create/v1", q -> {
            throw new PaperError(50014, "block trade quote does not match any RFQ open to makers");
        });
        http.post(r, BASE + "quote/cancel/v1", q -> {
            throw new PaperError(50014, "no such quote");
        });
        http.post(r, BASE + "quote/cancel-all/v1", q -> com.google.gson.JsonNull.INSTANCE);
        http.get(r, BASE + "list-quote/v1", true, q -> new JsonArray());
    }

    private JsonElement create(PaperRequest q) {
        JsonElement legsEl = q.element("legs");
        if (legsEl == null || !legsEl.isJsonArray()) {
            throw new PaperError(10005, "legs is required");
        }
        List<PaperRfq.Leg> legs = new ArrayList<>();
        for (JsonElement e : legsEl.getAsJsonArray()) {
            JsonObject l = e.getAsJsonObject();
            JsonElement qty = l.has("qty") ? l.get("qty") : l.get("quantity");
            if (!l.has("instrumentName") || !l.has("side") || qty == null) {
                throw new PaperError(10005, "each leg needs instrumentName, side and qty");
            }
            BigDecimal quantity;
            try {
                quantity = new BigDecimal(qty.getAsString());
            } catch (NumberFormatException ex) {
                throw new PaperError(10005, "leg qty is not a number");
            }
            legs.add(new PaperRfq.Leg(l.get("instrumentName").getAsString(), l.get("side").getAsString().toUpperCase(Locale.ROOT), quantity));
        }
        return PaperJson.rfq(desk.create(legs, sim.instant()));
    }

    private JsonElement quotes(PaperRequest q) {
        String requestId = q.text("requestId");
        JsonArray out = new JsonArray();
        for (PaperRfq rfq : desk.all()) {
            if (requestId == null || rfq.requestId().equals(requestId)) {
                for (PaperRfq.Quote quote : rfq.quotes()) {
                    out.add(PaperJson.quote(rfq, quote));
                }
            }
        }
        return out;
    }

    private JsonElement list(PaperRequest q) {
        String requestId = q.text("requestId");
        String state = q.text("state");
        JsonArray list = new JsonArray();
        for (PaperRfq rfq : desk.all()) {
            boolean open = rfq.state().equals("ACTIVE");
            if ((requestId == null || rfq.requestId().equals(requestId))
                    && (state == null || (state.equals("OPEN") == open))) {
                list.add(PaperJson.rfq(rfq));
            }
        }
        JsonObject out = new JsonObject();
        out.addProperty("userId", "1");
        out.add("rfqList", list);
        return out;
    }

    private JsonArray blockTrades(String id) {
        JsonArray out = new JsonArray();
        List<RfqDesk.BlockTradeRecord> all = new ArrayList<>(desk.blockTrades());
        java.util.Collections.reverse(all);
        for (RfqDesk.BlockTradeRecord b : all) {
            if (id == null || b.blockTradeId().equals(id)) {
                out.add(PaperJson.blockTrade(b));
            }
        }
        return out;
    }

    private static JsonObject page(JsonArray list) {
        JsonObject out = new JsonObject();
        out.add("list", list);
        out.addProperty("hasNext", false);
        out.addProperty("hasPrev", false);
        return out;
    }
}
