package io.coincalltrader.exchange;

import com.google.gson.JsonElement;
import io.coincalltrader.domain.order.BatchResult;
import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.Page;
import io.coincalltrader.domain.order.ProductType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Coincall's order endpoints for options, futures and spot. */
final class CoincallOrders implements OrderGateway {
    /** Batches are chunked at 20: the 2024 documents allow 20, the newest 40 (market makers only). */
    static final int BATCH_SIZE = 20;
    private static final int OPEN_ORDERS_PAGE = 100;

    private final RestTransport http;

    CoincallOrders(RestTransport http) {
        this.http = http;
    }

    @Override
    public long place(OrderRequest r) {
        return switch (r.product()) {
            case OPTION -> JsonFields.dataLong(http.write("POST", "/open/option/order/create/v1", optionBody(r), Encoding.JSON, RateBucket.PLACE), "order id");
            case FUTURE -> JsonFields.dataLong(http.write("POST", "/open/futures/order/create/v1", futuresBody(r), Encoding.JSON, RateBucket.PLACE), "order id");
            case SPOT -> JsonFields.dataLong(http.write("POST", "/open/spot/trade/order/v1", spotBody(r), Encoding.JSON, RateBucket.PLACE), "order id");
        };
    }

    static Map<String, Object> optionBody(OrderRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", r.symbol());
        body.put("tradeSide", r.side().wireCode());
        body.put("tradeType", r.type().wireCode());
        body.put("qty", r.quantity());
        body.put("price", r.type() == OrderType.MARKET ? null : r.price());
        body.put("timeInForce", r.timeInForce() == null ? null : r.timeInForce().name());
        body.put("clientOrderId", r.clientOrderId());
        body.put("reduceOnly", r.reduceOnly() ? 1 : null);
        return body;
    }

    private static Map<String, Object> futuresBody(OrderRequest r) {
        Map<String, Object> body = optionBody(r);
        body.put("triggerPrice", r.triggerPrice());
        return body;
    }

    private static Map<String, Object> spotBody(OrderRequest r) {
        if (r.type() != OrderType.LIMIT && r.type() != OrderType.MARKET && r.type() != OrderType.POST_ONLY) {
            throw new IllegalArgumentException("spot takes limit, market or post-only orders");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", r.symbol());
        // Spot documents its enums and the client order id as strings.
        body.put("tradeSide", Integer.toString(r.side().wireCode()));
        body.put("tradeType", Integer.toString(r.type().wireCode()));
        body.put("qty", r.quantity());
        body.put("price", r.type() == OrderType.MARKET ? null : r.price());
        body.put("clientOrderId", Long.toString(r.clientOrderId()));
        return body;
    }

    @Override
    public List<BatchResult> placeBatch(List<OrderRequest> requests) {
        List<BatchResult> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i += BATCH_SIZE) {
            List<Map<String, Object>> orders = new ArrayList<>();
            for (OrderRequest r : requests.subList(i, Math.min(requests.size(), i + BATCH_SIZE))) {
                if (r.product() != ProductType.OPTION) {
                    throw new IllegalArgumentException("batch orders exist for options only");
                }
                orders.add(optionBody(r));
            }
            List<BatchResult> chunk = TradingMapper.batch(http.write("POST", "/open/option/order/batchCreate/v1",
                    Map.of("orders", orders), Encoding.JSON, RateBucket.PLACE));
            for (int j = 0; j < chunk.size(); j++) {
                BatchResult b = chunk.get(j);
                long clientId = requests.get(i + j).clientOrderId();
                out.add(new BatchResult(b.clientOrderId() == null ? clientId : b.clientOrderId(), b.orderId(), b.code(), b.message()));
            }
        }
        return out;
    }

    @Override
    public void cancel(ProductType product, long orderId) {
        http.write("POST", base(product, "cancel"), Map.of("orderId", orderId), Encoding.JSON, RateBucket.CANCEL);
    }

    @Override
    public void cancelByClientOrderId(ProductType product, long clientOrderId) {
        Object id = product == ProductType.SPOT ? Long.toString(clientOrderId) : clientOrderId;
        http.write("POST", base(product, "cancel"), Map.of("clientOrderId", id), Encoding.JSON, RateBucket.CANCEL);
    }

    @Override
    public List<BatchResult> cancelBatch(List<Long> orderIds) {
        List<BatchResult> out = new ArrayList<>(orderIds.size());
        for (int i = 0; i < orderIds.size(); i += BATCH_SIZE) {
            List<Long> chunk = orderIds.subList(i, Math.min(orderIds.size(), i + BATCH_SIZE));
            out.addAll(TradingMapper.batch(http.write("POST", "/open/option/order/batchCancel/v1",
                    Map.of("orderIdList", List.copyOf(chunk)), Encoding.JSON, RateBucket.CANCEL)));
        }
        return out;
    }

    @Override
    public void cancelAll(ProductType product, String indexOrSymbol) {
        switch (product) {
            case OPTION -> http.write("GET", "/open/option/order/cancelOpenOrders/v1/" + indexOrSymbol, Map.of(), Encoding.JSON, RateBucket.CANCEL);
            case FUTURE -> http.write("GET", "/open/futures/order/cancelOpenOrders/v1/" + indexOrSymbol, Map.of(), Encoding.JSON, RateBucket.CANCEL);
            case SPOT -> http.write("POST", "/open/spot/trade/cancelAll/v1", Map.of("symbol", indexOrSymbol), Encoding.JSON, RateBucket.CANCEL);
        }
    }

    @Override
    public long amend(ProductType product, String symbol, long orderId, BigDecimal quantity, BigDecimal price) {
        if (product == ProductType.SPOT) {
            throw new IllegalArgumentException("spot orders cannot be amended; cancel and place again");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol);
        body.put("orderId", orderId);
        body.put("qty", quantity);
        body.put("price", price);
        JsonElement data = http.write("POST", base(product, "modify"), body, Encoding.JSON, RateBucket.PLACE);
        return data == null || data.isJsonNull() ? orderId : JsonFields.dataLong(data, "amended order id");
    }

    @Override
    public Optional<ExchangeOrder> byId(ProductType product, long orderId) {
        return query(product, Map.of("orderId", orderId));
    }

    @Override
    public Optional<ExchangeOrder> byClientOrderId(ProductType product, long clientOrderId) {
        Object id = product == ProductType.SPOT ? Long.toString(clientOrderId) : clientOrderId;
        return query(product, Map.of("clientOrderId", id));
    }

    private Optional<ExchangeOrder> query(ProductType product, Map<String, Object> query) {
        String path = product == ProductType.SPOT ? "/open/spot/trade/order/v1" : base(product, "singleQuery");
        try {
            JsonElement data = http.read(path, query, RateBucket.POSITIONS, true);
            if (data == null || data.isJsonNull()) {
                return Optional.empty();
            }
            return Optional.of(TradingMapper.order(JsonFields.object(data, "order")));
        } catch (ExchangeRejectedException e) {
            if (e.code() == 10584 || e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<ExchangeOrder> openOrders(ProductType product, String filter) {
        if (product == ProductType.SPOT) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("symbol", filter);
            return TradingMapper.orders(http.read("/open/spot/trade/orders/v1", q, RateBucket.POSITIONS, true));
        }
        List<ExchangeOrder> all = new ArrayList<>();
        for (int page = 1; page <= 1000; page++) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("page", page);
            q.put("pageSize", OPEN_ORDERS_PAGE);
            q.put(product == ProductType.OPTION ? "currency" : "symbol", filter);
            JsonElement data = http.read(base(product, "pending"), q, RateBucket.POSITIONS, true);
            List<ExchangeOrder> items = TradingMapper.orders(data);
            all.addAll(items);
            int total = TradingMapper.total(data);
            if (items.size() < OPEN_ORDERS_PAGE || (total >= 0 && all.size() >= total)) {
                break;
            }
        }
        return all;
    }

    @Override
    public Page<ExchangeOrder> history(ProductType product, HistoryQuery query) {
        String path = product == ProductType.SPOT ? "/open/spot/trade/allorders/v1" : base(product, "history");
        JsonElement data = http.read(path, historyParams(query), RateBucket.HISTORY, true);
        return new Page<>(TradingMapper.orders(data), TradingMapper.hasNext(data), TradingMapper.total(data));
    }

    @Override
    public Page<Fill> fills(ProductType product, HistoryQuery query) {
        String path = switch (product) {
            case OPTION -> "/open/option/trade/history/v1";
            case FUTURE -> "/open/futures/trade/history/v1";
            case SPOT -> "/open/spot/trade/fills/v1";
        };
        JsonElement data = http.read(path, historyParams(query), RateBucket.HISTORY, true);
        return new Page<>(TradingMapper.fills(data), TradingMapper.hasNext(data), TradingMapper.total(data));
    }

    private static Map<String, Object> historyParams(HistoryQuery q) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pageSize", q.pageSize());
        p.put("fromId", q.fromId());
        p.put("startTime", q.start() == null ? null : q.start().toEpochMilli());
        p.put("endTime", q.end() == null ? null : q.end().toEpochMilli());
        return p;
    }

    private static String base(ProductType product, String action) {
        return switch (product) {
            case OPTION -> "/open/option/order/" + action + "/v1";
            case FUTURE -> "/open/futures/order/" + action + "/v1";
            case SPOT -> "/open/spot/trade/" + action + "/v1";
        };
    }
}
