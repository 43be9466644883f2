package io.coincalltrader.exchange.ws;

import io.coincalltrader.exchange.CanonicalJson;

import java.util.LinkedHashMap;
import java.util.Map;

/** One channel to subscribe to: a {@code dataType} and, for market data, its payload (symbol, expiry…). */
public record WsSubscription(String dataType, Map<String, Object> payload) {
    public WsSubscription {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public static WsSubscription privateChannel(String dataType) {
        return new WsSubscription(dataType, Map.of());
    }

    public static WsSubscription forSymbol(String dataType, String symbol) {
        return new WsSubscription(dataType, Map.of("symbol", symbol));
    }

    /** The streaming option chain of one index and expiry. */
    public static WsSubscription optionChain(String index, long expiryMillis) {
        return new WsSubscription("tOption", Map.of("symbol", index, "end", expiryMillis));
    }

    String frame(String action) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("action", action);
        f.put("dataType", dataType);
        if (!payload.isEmpty()) {
            f.put("payload", new java.util.TreeMap<>(payload));
        }
        return CanonicalJson.write(f);
    }
}
