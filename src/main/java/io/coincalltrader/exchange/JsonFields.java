package io.coincalltrader.exchange;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lenient, exact reads of exchange JSON: numbers may come as numbers or strings, 64-bit ids are read from their
 * text (never through double), blanks are absent. A field of the wrong type is an {@link UnexpectedResponseException}.
 */
public final class JsonFields {
    private JsonFields() {
    }

    public static JsonObject object(JsonElement e, String what) {
        if (e == null || !e.isJsonObject()) {
            throw new UnexpectedResponseException(what + " is not an object", null);
        }
        return e.getAsJsonObject();
    }

    public static JsonArray array(JsonElement e, String what) {
        if (e == null || !e.isJsonArray()) {
            throw new UnexpectedResponseException(what + " is not a list", null);
        }
        return e.getAsJsonArray();
    }

    /** The list under {@code data.list}, or data itself when it is already a list. */
    public static JsonArray listOf(JsonElement data, String what) {
        if (data != null && data.isJsonObject() && data.getAsJsonObject().has("list")) {
            return array(data.getAsJsonObject().get("list"), what + ".list");
        }
        if (data == null || data.isJsonNull()) {
            return new JsonArray();
        }
        return array(data, what);
    }

    public static <T> List<T> map(JsonArray array, Function<JsonObject, T> mapper, String what) {
        List<T> out = new ArrayList<>(array.size());
        for (JsonElement e : array) {
            out.add(mapper.apply(object(e, what)));
        }
        return out;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            throw new UnexpectedResponseException("field " + name + " is not a value", null);
        }
        String s = e.getAsString().trim();
        return s.isEmpty() ? null : s;
    }

    public static String string(JsonObject o, String name) {
        return text(o, name);
    }

    public static String requiredString(JsonObject o, String name) {
        String s = text(o, name);
        if (s == null) {
            throw new UnexpectedResponseException("field " + name + " is missing", null);
        }
        return s;
    }

    /** A decimal from a number or a string, or null when absent. Values the exchange uses for "none" (1.79E308) stay as sent. */
    public static BigDecimal decimal(JsonObject o, String name) {
        String s = text(o, name);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new UnexpectedResponseException("field " + name + " is not a number: " + Envelope.abbreviate(s), e);
        }
    }

    public static BigDecimal decimalOrZero(JsonObject o, String name) {
        BigDecimal d = decimal(o, name);
        return d == null ? BigDecimal.ZERO : d;
    }

    public static BigDecimal requiredDecimal(JsonObject o, String name) {
        BigDecimal d = decimal(o, name);
        if (d == null) {
            throw new UnexpectedResponseException("field " + name + " is missing", null);
        }
        return d;
    }

    /** A double model value (IV, Greek); NaN-free: absent or unusable values give the fallback. */
    public static double number(JsonObject o, String name, double fallback) {
        BigDecimal d = decimal(o, name);
        if (d == null) {
            return fallback;
        }
        double v = d.doubleValue();
        return Double.isFinite(v) ? v : fallback;
    }

    /** An IV as a fraction, or null when absent or the exchange's "no value" marker (~1.8e308). */
    public static Double volatility(JsonObject o, String name) {
        BigDecimal d = decimal(o, name);
        if (d == null) {
            return null;
        }
        double v = d.doubleValue();
        return Double.isFinite(v) && v > 0 && v < 100 ? v : null;
    }

    /** A 64-bit id from its exact text. */
    public static Long longId(JsonObject o, String name) {
        String s = text(o, name);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UnexpectedResponseException("field " + name + " is not a whole number: " + Envelope.abbreviate(s), e);
        }
    }

    public static long requiredLong(JsonObject o, String name) {
        Long v = longId(o, name);
        if (v == null) {
            throw new UnexpectedResponseException("field " + name + " is missing", null);
        }
        return v;
    }

    public static int integer(JsonObject o, String name, int fallback) {
        Long v = longId(o, name);
        return v == null ? fallback : Math.toIntExact(v);
    }

    public static boolean flag(JsonObject o, String name) {
        String s = text(o, name);
        return s != null && (s.equals("1") || s.equalsIgnoreCase("true"));
    }

    /** An epoch-millisecond field as an instant, or null. */
    public static Instant millis(JsonObject o, String name) {
        Long v = longId(o, name);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    /** A 64-bit id as a string, whether sent as a number or a string (RFQ ids). */
    public static String id(JsonObject o, String name) {
        return text(o, name);
    }

    /** The single value carried by data (an order id number, "success", true). */
    public static long dataLong(JsonElement data, String what) {
        if (data == null || !data.isJsonPrimitive()) {
            if (data != null && data.isJsonObject()) {
                JsonObject o = data.getAsJsonObject();
                for (String key : new String[]{"orderId", "id"}) {
                    if (o.has(key)) {
                        return requiredLong(o, key);
                    }
                }
            }
            throw new UnexpectedResponseException(what + " is not an id", null);
        }
        try {
            return new BigDecimal(data.getAsString().trim()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UnexpectedResponseException(what + " is not a whole number", e);
        }
    }
}
