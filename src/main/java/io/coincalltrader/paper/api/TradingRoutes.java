package io.coincalltrader.paper.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.paper.PaperError;
import io.coincalltrader.paper.PaperFaults;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.paper.trading.AccountView;
import io.coincalltrader.paper.trading.OrderSpec;
import io.coincalltrader.paper.trading.PaperLedger;
import io.coincalltrader.paper.trading.PaperOrder;
import io.coincalltrader.paper.trading.PaperPosition;
import io.coincalltrader.paper.trading.PaperTrade;
import io.javalin.config.RoutesConfig;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.coincalltrader.paper.api.PaperJson.num;
import static io.coincalltrader.paper.api.PaperJson.str;

/** Account, positions and order routes for options, futures and spot (§3.2, §3.4, §3.5, §3.6). */
final class TradingRoutes {
    private final PaperMarket market;
    private final PaperLedger ledger;
    private final PaperFaults faults;
    private final Clock sim;
    private final String apiKey;

    TradingRoutes(PaperMarket market, PaperLedger ledger, PaperFaults faults, Clock sim, String apiKey) {
        this.market = market;
        this.ledger = ledger;
        this.faults = faults;
        this.sim = sim;
        this.apiKey = apiKey;
    }

    void register(PaperHttp http, RoutesConfig r) {
        http.get(r, "/open/account/summary/v1", true, q -> summary());
        http.get(r, "/open/auth/user/query-api", true, q -> keyInfo());
        http.get(r, "/open/user/info/v1", true, q -> keyInfo());
        http.get(r, "/open/option/position/get/v1", true, q -> positions(ProductType.OPTION));
        http.get(r, "/open/futures/position/get/v1", true, q -> positions(ProductType.FUTURE));
        for (ProductType p : List.of(ProductType.OPTION, ProductType.FUTURE)) {
            String base = p == ProductType.OPTION ? "/open/option/order/" : "/open/futures/order/";
            String trades = p == ProductType.OPTION ? "/open/option/trade/history/v1" : "/open/futures/trade/history/v1";
            http.post(r, base + "create/v1", q -> new JsonPrimitive(ledger.place(spec(p, q), sim.instant()).orderId()));
            http.post(r, base + "cancel/v1", q -> {
                ledger.cancel(p, q.longValue("orderId"), clientId(q), sim.instant());
                return new JsonPrimitive("success");
            });
            http.post(r, base + "modify/v1", q -> new JsonPrimitive(ledger.modify(p, q.longValue("orderId"), clientId(q),
                    q.decimal("qty"), q.decimal("price"), sim.instant()).orderId()));
            http.get(r, base + "singleQuery/v1", true, q -> single(p, q));
            http.get(r, base + "pending/v1", true, q -> pending(p, q));
            http.get(r, base + "history/v1", true, q -> history(p, q));
            http.get(r, trades, true, q -> trades(p, q));
            http.get(r, base + "cancelOpenOrders/v1/{symbol}", true, q -> cancelAll(p, q.pathParam("symbol")));
        }
        http.post(r, "/open/option/order/batchCreate/v1", this::batchCreate);
        http.post(r, "/open/option/order/batchCancel/v1", this::batchCancel);
        http.post(r, "/open/spot/trade/order/v1", q -> new JsonPrimitive(ledger.place(spec(ProductType.SPOT, q), sim.instant()).orderId()));
        http.post(r, "/open/spot/trade/cancel/v1", q -> {
            ledger.cancel(ProductType.SPOT, q.longValue("orderId"), q.text("clientOrderId"), sim.instant());
            return new JsonPrimitive("success");
        });
        http.post(r, "/open/spot/trade/cancelAll/v1", q -> cancelAll(ProductType.SPOT, q.text("symbol")));
        http.get(r, "/open/spot/trade/order/v1", true, q -> single(ProductType.SPOT, q));
        http.get(r, "/open/spot/trade/orders/v1", true, q -> pending(ProductType.SPOT, q));
        http.get(r, "/open/spot/trade/allorders/v1", true, q -> history(ProductType.SPOT, q));
        http.get(r, "/open/spot/trade/fills/v1", true, q -> trades(ProductType.SPOT, q));
    }

    private static String clientId(PaperRequest q) {
        return q.text("clientOrderId");
    }

    private OrderSpec spec(ProductType p, PaperRequest q) {
        String tif = q.text("timeInForce");
        if (tif != null && !List.of("GTC", "IOC", "FOK").contains(tif)) {
            throw new PaperError(10005, "timeInForce must be GTC, IOC or FOK");
        }
        int side = q.intValue("tradeSide", 0);
        int type = q.intValue("tradeType", 0);
        if (side != 1 && side != 2) {
            throw new PaperError(10005, "tradeSide must be 1 or 2");
        }
        if (type < 1 || type > 5 || (p != ProductType.FUTURE && type > 3)) {
            throw new PaperError(10005, "tradeType not allowed");
        }
        return new OrderSpec(p, q.required("symbol"), side, type, q.decimal("qty"), q.decimal("price"), tif, clientId(q),
                q.flag("reduceOnly"), q.decimal("triggerPrice"));
    }

    private JsonElement summary() {
        Instant now = sim.instant();
        AccountView a = ledger.account(now);
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal imRatio = a.equity().signum() > 0 ? a.initialMargin().divide(a.equity(), mc) : BigDecimal.ZERO;
        BigDecimal mmRatio = a.equity().signum() > 0 ? a.maintenanceMargin().divide(a.equity(), mc) : BigDecimal.ZERO;
        JsonObject o = new JsonObject();
        o.add("totalDollarValue", num(a.equity()));
        o.add("totalUsdtValue", num(a.equity()));
        o.add("totalBtcValue", num(a.equity().divide(market.index("BTC"), mc)));
        o.add("equity", str(a.equity()));
        o.add("availableMargin", str(a.available()));
        o.add("marginBalance", str(a.equity()));
        o.add("imAmount", str(a.initialMargin()));
        o.add("mmAmount", str(a.maintenanceMargin()));
        o.add("imRatio", str(imRatio));
        o.add("mmRatio", str(mmRatio));
        o.add("unrealizedPnL", str(a.unrealizedPnl()));
        JsonObject usdt = new JsonObject();
        usdt.addProperty("accountId", 1);
        usdt.addProperty("coin", "USDT");
        usdt.add("equityAmount", str(a.equity()));
        usdt.add("availableBalance", str(a.available()));
        usdt.add("cashBalanceAmount", str(a.cash()));
        usdt.add("canWithdrawAmount", str(a.available().max(BigDecimal.ZERO)));
        usdt.addProperty("marginMode", 1);
        usdt.add("marginBalance", str(a.equity()));
        usdt.add("unrealizedAmount", str(a.unrealizedPnl()));
        usdt.add("imAmount", str(a.initialMargin()));
        usdt.add("mmAmount", str(a.maintenanceMargin()));
        usdt.add("dollarValue", str(a.equity()));
        JsonArray accounts = new JsonArray();
        accounts.add(usdt);
        o.add("accounts", accounts);
        return o;
    }

    private JsonElement keyInfo() {
        JsonObject o = new JsonObject();
        o.addProperty("userId", "1");
        o.addProperty("name", "paper");
        o.addProperty("apiKey", apiKey);
        o.addProperty("readOnly", 0);
        o.addProperty("isMaster", 1);
        return o;
    }

    private JsonElement positions(ProductType p) {
        JsonArray out = new JsonArray();
        Instant now = sim.instant();
        for (PaperPosition pos : ledger.positions()) {
            if (pos.product() == p && pos.quantity().signum() != 0) {
                out.add(PaperJson.position(pos, market, now));
            }
        }
        return out;
    }

    private JsonElement single(ProductType p, PaperRequest q) {
        Long id = q.longValue("orderId");
        String clientId = clientId(q);
        if (id == null && clientId == null) {
            throw new PaperError(10575, "either clientOrderId or orderId is required");
        }
        if (faults.hidingOrders()) {
            throw new PaperError(10584, "order does not exist");
        }
        Optional<PaperOrder> o = ledger.find(p, id, clientId);
        return PaperJson.order(o.orElseThrow(() -> new PaperError(10584, "order does not exist")));
    }

    private JsonElement pending(ProductType p, PaperRequest q) {
        int page = Math.max(1, q.intValue("page", 1));
        int size = Math.min(500, Math.max(1, q.intValue("pageSize", 20)));
        String filter = p == ProductType.OPTION ? q.text("currency") : q.text("symbol");
        List<PaperOrder> open = ledger.orders(p).stream().filter(PaperOrder::isOpen)
                .filter(o -> filter == null || o.symbol().startsWith(filter)).toList();
        JsonArray list = new JsonArray();
        open.stream().skip((long) (page - 1) * size).limit(size).forEach(o -> list.add(PaperJson.order(o)));
        JsonObject out = new JsonObject();
        out.add("list", list);
        out.addProperty("pageTotal", (open.size() + size - 1) / size);
        out.addProperty("total", open.size());
        return out;
    }

    private JsonElement history(ProductType p, PaperRequest q) {
        Window w = Window.of(q, sim.instant());
        List<PaperOrder> rows = ledger.orders(p).stream().filter(o -> !o.isOpen())
                .filter(o -> w.contains(o.updateTime()) && (w.fromId() == null || o.orderId() < w.fromId()))
                .sorted((a, b) -> Long.compare(b.orderId(), a.orderId())).toList();
        JsonArray list = new JsonArray();
        rows.stream().limit(w.pageSize()).forEach(o -> list.add(PaperJson.order(o)));
        return page(list, rows.size() > w.pageSize());
    }

    private JsonElement trades(ProductType p, PaperRequest q) {
        Window w = Window.of(q, sim.instant());
        List<PaperTrade> rows = ledger.trades().stream().filter(t -> t.product() == p)
                .filter(t -> w.contains(t.time()) && (w.fromId() == null || t.tradeId() < w.fromId()))
                .sorted((a, b) -> Long.compare(b.tradeId(), a.tradeId())).toList();
        JsonArray list = new JsonArray();
        rows.stream().limit(w.pageSize()).forEach(t -> list.add(PaperJson.trade(t)));
        return page(list, rows.size() > w.pageSize());
    }

    private static JsonObject page(JsonArray list, boolean hasNext) {
        JsonObject out = new JsonObject();
        out.add("list", list);
        out.addProperty("hasNext", hasNext);
        out.addProperty("hasPre", false);
        return out;
    }

    private JsonElement cancelAll(ProductType p, String symbolOrIndex) {
        for (PaperOrder o : ledger.orders(p)) {
            if (o.isOpen() && (symbolOrIndex == null || o.symbol().startsWith(symbolOrIndex))) {
                ledger.cancel(p, o.orderId(), null, sim.instant());
            }
        }
        return com.google.gson.JsonNull.INSTANCE;
    }

    private JsonElement batchCreate(PaperRequest q) {
        JsonElement orders = q.element("orders");
        if (orders == null || !orders.isJsonArray() || orders.getAsJsonArray().size() > 40) {
            throw new PaperError(10005, "orders must be a list of at most 40");
        }
        JsonArray out = new JsonArray();
        for (JsonElement e : orders.getAsJsonArray()) {
            JsonObject item = new JsonObject();
            try {
                PaperRequest one = new PaperRequest(java.util.Map.of(), e.getAsJsonObject(), java.util.Map.of());
                item.addProperty("code", 0);
                item.addProperty("msg", "success");
                item.add("data", new JsonPrimitive(ledger.place(spec(ProductType.OPTION, one), sim.instant()).orderId()));
            } catch (PaperError err) {
                item.addProperty("code", err.code());
                item.addProperty("msg", err.getMessage());
                item.add("data", com.google.gson.JsonNull.INSTANCE);
            }
            out.add(item);
        }
        return out;
    }

    private JsonElement batchCancel(PaperRequest q) {
        JsonElement ids = q.element("orderIdList");
        if (ids == null || !ids.isJsonArray()) {
            throw new PaperError(10005, "orderIdList is required");
        }
        JsonArray out = new JsonArray();
        for (JsonElement id : ids.getAsJsonArray()) {
            JsonObject item = new JsonObject();
            long orderId = new BigDecimal(id.getAsString()).longValueExact();
            item.add("ordId", new JsonPrimitive(new LazilyParsedNumber(Long.toString(orderId))));
            item.addProperty("ts", sim.millis());
            try {
                PaperOrder o = ledger.cancel(ProductType.OPTION, orderId, null, sim.instant());
                if (o.clientOrderId() != null) {
                    item.add("clOrdId", new JsonPrimitive(new LazilyParsedNumber(o.clientOrderId())));
                }
                item.addProperty("scode", 0);
                item.addProperty("smsg", "success");
            } catch (PaperError err) {
                item.addProperty("scode", 1);
                item.addProperty("smsg", err.getMessage());
            }
            out.add(item);
        }
        return out;
    }

    /** A history window: Coincall's default is the last 24 hours. */
    private record Window(Instant start, Instant end, Long fromId, int pageSize) {
        static Window of(PaperRequest q, Instant now) {
            Long start = q.longValue("startTime");
            Long end = q.longValue("endTime");
            int size = Math.min(500, Math.max(1, q.intValue("pageSize", 100)));
            return new Window(start == null ? now.minusSeconds(24 * 3600) : Instant.ofEpochMilli(start),
                    end == null ? now.plusSeconds(1) : Instant.ofEpochMilli(end), q.longValue("fromId"), size);
        }

        boolean contains(Instant t) {
            return !t.isBefore(start) && !t.isAfter(end);
        }
    }
}
