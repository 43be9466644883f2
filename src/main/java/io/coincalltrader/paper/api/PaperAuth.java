package io.coincalltrader.paper.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.coincalltrader.paper.PaperError;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies Coincall signatures the way the exchange documents them, independently of the client's code: the
 * pre-hash is rebuilt from what arrived (query, JSON top-level fields with their literal text, or form fields),
 * and the timestamp must satisfy {@code ts < now + 1000 && now - ts <= X-REQ-TS-DIFF} on the wall clock.
 */
final class PaperAuth {
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();
    private final String apiKey;
    private final SecretKeySpec secret;
    private final Clock wall;

    PaperAuth(String apiKey, String apiSecret, Clock wall) {
        this.apiKey = apiKey;
        this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.wall = wall;
    }

    /** Checks a REST request's headers and signature over the parameters it carried. */
    void verify(String method, String path, Map<String, String> params, String key, String sign, String ts, String diffHeader) {
        if (key == null || sign == null || ts == null) {
            throw new PaperError(10006, "sign illegal: missing X-CC-APIKEY, sign or ts");
        }
        if (!key.equals(apiKey)) {
            throw new PaperError(10006, "sign illegal: unknown api key");
        }
        long timestamp;
        long diff;
        try {
            timestamp = Long.parseLong(ts.trim());
            diff = diffHeader == null ? 5000 : Long.parseLong(diffHeader.trim());
        } catch (NumberFormatException e) {
            throw new PaperError(10005, "ts and X-REQ-TS-DIFF must be numbers");
        }
        long now = wall.millis();
        if (!(timestamp < now + 1000 && now - timestamp <= diff)) {
            throw new PaperError(10557, "timestamp request expired");
        }
        StringBuilder pre = new StringBuilder(method).append(path).append('?');
        new TreeMap<>(params).forEach((k, v) -> pre.append(k).append('=').append(v).append('&'));
        pre.append("uuid=").append(key).append("&ts=").append(ts).append("&x-req-ts-diff=").append(diffHeader == null ? "5000" : diffHeader);
        if (!constantTimeEquals(hmac(pre.toString()), sign)) {
            throw new PaperError(10562, "invalid signature");
        }
    }

    /** Checks a WebSocket login: either signed text form, uuid= or apiKey=. */
    boolean verifyWebSocket(Map<String, String> query) {
        String key = query.get("apiKey");
        String ts = query.get("ts");
        String sign = query.get("sign");
        if (key == null || ts == null || sign == null || !key.equals(apiKey)) {
            return false;
        }
        return constantTimeEquals(hmac("GET/users/self/verify?uuid=" + key + "&ts=" + ts), sign)
                || constantTimeEquals(hmac("GET/users/self/verify?apiKey=" + key + "&ts=" + ts), sign);
    }

    /** Top-level JSON fields as the pre-hash writes them: strings raw, numbers as sent, nested values compact JSON. */
    static Map<String, String> jsonParams(JsonObject body) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : body.entrySet()) {
            JsonElement v = e.getValue();
            if (v == null || v.isJsonNull()) {
                continue;
            }
            out.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : COMPACT.toJson(withoutNulls(v)));
        }
        return out;
    }

    private static JsonElement withoutNulls(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> f : e.getAsJsonObject().entrySet()) {
                if (!f.getValue().isJsonNull()) {
                    copy.add(f.getKey(), withoutNulls(f.getValue()));
                }
            }
            return copy;
        }
        if (e.isJsonArray()) {
            JsonArray copy = new JsonArray();
            for (JsonElement item : e.getAsJsonArray()) {
                if (!item.isJsonNull()) {
                    copy.add(withoutNulls(item));
                }
            }
            return copy;
        }
        return e;
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
