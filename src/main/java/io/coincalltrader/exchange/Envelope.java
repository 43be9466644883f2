package io.coincalltrader.exchange;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The one place that reads Coincall's {@code {code, msg, i18nArgs, data}} envelope. */
final class Envelope {
    private Envelope() {
    }

    /** A parsed envelope: code 0 means success. */
    record Parsed(int code, String msg, JsonElement data) {
    }

    /** Parses the body; throws {@link UnexpectedResponseException} when it is not an envelope. */
    static Parsed parse(String body) {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException | IllegalStateException e) {
            throw new UnexpectedResponseException("the body is not JSON (" + abbreviate(body) + ")", e);
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("code")) {
            throw new UnexpectedResponseException("no code field in " + abbreviate(body), null);
        }
        JsonObject o = root.getAsJsonObject();
        int code;
        try {
            // One documented example writes the code as a string ("0").
            code = Integer.parseInt(o.get("code").getAsString().trim());
        } catch (RuntimeException e) {
            throw new UnexpectedResponseException("code is not a number in " + abbreviate(body), e);
        }
        JsonElement msgEl = o.get("msg");
        String msg = msgEl == null || msgEl.isJsonNull() ? null : msgEl.getAsString();
        JsonElement data = o.has("data") ? o.get("data") : JsonNull.INSTANCE;
        return new Parsed(code, msg, data);
    }

    /** The data of a successful envelope, or the exchange's refusal. */
    static JsonElement dataOrThrow(String body) {
        Parsed p = parse(body);
        if (p.code() != 0) {
            throw new ExchangeRejectedException(p.code(), p.msg());
        }
        return p.data();
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "empty body";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
