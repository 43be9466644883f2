package io.coincalltrader.paper.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.coincalltrader.paper.PaperError;

import java.math.BigDecimal;
import java.util.Map;

/** One request's parameters (query, form or JSON body) and path parameters, with typed reads that refuse bad input. */
record PaperRequest(Map<String, String> params, JsonObject json, Map<String, String> path) {

    String pathParam(String name) {
        return path.get(name);
    }

    String text(String name) {
        if (json != null) {
            JsonElement e = json.get(name);
            return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
        }
        String v = params.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    String required(String name) {
        String v = text(name);
        if (v == null) {
            throw new PaperError(10005, name + " is required");
        }
        return v;
    }

    BigDecimal decimal(String name) {
        String v = text(name);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new PaperError(10005, name + " is not a number");
        }
    }

    Long longValue(String name) {
        String v = text(name);
        try {
            return v == null ? null : new BigDecimal(v).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PaperError(10005, name + " is not a whole number");
        }
    }

    int intValue(String name, int fallback) {
        Long v = longValue(name);
        return v == null ? fallback : Math.toIntExact(v);
    }

    boolean flag(String name) {
        String v = text(name);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    JsonElement element(String name) {
        return json == null ? null : json.get(name);
    }
}
