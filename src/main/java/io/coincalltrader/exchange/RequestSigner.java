package io.coincalltrader.exchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coincall request signing (docs/API_NOTES.md §Signing): the pre-hash is
 * {@code METHOD + path + "?" + sorted params + "&uuid=" + key + "&ts=" + ts + "&x-req-ts-diff=" + diff},
 * params taken from what is sent (query, JSON top-level fields or form fields) with nulls removed, and the
 * signature is the upper-case hex HMAC-SHA256 of it under the API secret.
 */
public final class RequestSigner {
    private final String apiKey;
    private final SecretKeySpec secret;

    /** The secret is held only as a MAC key; it is never logged or returned. */
    public RequestSigner(String apiKey, String apiSecret) {
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("API key and secret are required");
        }
        this.apiKey = apiKey;
        this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String apiKey() {
        return apiKey;
    }

    /** The text that is signed for a REST request. */
    public String preHash(String method, String path, Map<String, ?> params, long ts, long tsDiff) {
        return preHash(method, path, params, apiKey, ts, tsDiff);
    }

    /** The pre-hash for any key; the paper exchange rebuilds it the same way to verify. */
    public static String preHash(String method, String path, Map<String, ?> params, String apiKey, long ts, long tsDiff) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(method.toUpperCase(java.util.Locale.ROOT)).append(path).append('?');
        TreeMap<String, Object> sorted = new TreeMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(k, v);
                }
            });
        }
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            sb.append(e.getKey()).append('=').append(CanonicalJson.paramText(e.getValue())).append('&');
        }
        sb.append("uuid=").append(apiKey).append("&ts=").append(ts).append("&x-req-ts-diff=").append(tsDiff);
        return sb.toString();
    }

    /** Signature of a REST request. */
    public String sign(String method, String path, Map<String, ?> params, long ts, long tsDiff) {
        return hmac(preHash(method, path, params, ts, tsDiff));
    }

    /** The WebSocket login signature, {@code GET/users/self/verify?uuid=KEY&ts=TS} (or the apiKey= form). */
    public String signWebSocket(long ts, boolean apiKeyForm) {
        return hmac("GET/users/self/verify?" + (apiKeyForm ? "apiKey=" : "uuid=") + apiKey + "&ts=" + ts);
    }

    /** Upper-case hex HMAC-SHA256 of a text under the secret. */
    public String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "RequestSigner[key=" + Redaction.key(apiKey) + "]";
    }
}
