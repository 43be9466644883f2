package io.coincalltrader.paper.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coincalltrader.paper.PaperError;
import io.coincalltrader.paper.PaperFaults;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP side of the paper exchange: every route goes through one wrapper that counts the request, applies any
 * injected fault, verifies the signature, runs the handler under the exchange's lock and writes Coincall's
 * {@code {code,msg,i18nArgs,data}} envelope.
 */
public final class PaperHttp {
    private static final Logger log = LoggerFactory.getLogger(PaperHttp.class);
    private final Object lock;
    private final PaperAuth auth;
    private final PaperFaults faults;
    private final Runnable afterChange;

    PaperHttp(Object lock, PaperAuth auth, PaperFaults faults, Runnable afterChange) {
        this.lock = lock;
        this.auth = auth;
        this.faults = faults;
        this.afterChange = afterChange;
    }

    void get(RoutesConfig routes, String path, boolean signed, Function<PaperRequest, JsonElement> handler) {
        routes.get(path, wrap("GET", signed, handler));
    }

    void post(RoutesConfig routes, String path, Function<PaperRequest, JsonElement> handler) {
        routes.post(path, wrap("POST", true, handler));
    }

    private Handler wrap(String method, boolean signed, Function<PaperRequest, JsonElement> handler) {
        return ctx -> {
            String path = ctx.path();
            faults.count(path);
            Optional<PaperFaults.Fault> fault = faults.take(path);
            if (fault.isPresent()) {
                switch (fault.get()) {
                    case PaperFaults.Fault.Delay d -> Thread.sleep(d.delay().toMillis());
                    case PaperFaults.Fault.Http h -> {
                        ctx.status(h.status()).result(h.body());
                        return;
                    }
                    case PaperFaults.Fault.RateLimit r -> {
                        ctx.status(429).header("Retry-After", Integer.toString(r.retryAfterSeconds())).result("");
                        return;
                    }
                    default -> {
                        // Malformed and AcceptThenDelay act after the work is done.
                    }
                }
            }
            JsonElement data;
            try {
                PaperRequest request = request(method, ctx);
                if (signed) {
                    Map<String, String> signedParams = request.json() != null ? PaperAuth.jsonParams(request.json()) : request.params();
                    auth.verify(method, path, signedParams, ctx.header("X-CC-APIKEY"), ctx.header("sign"), ctx.header("ts"),
                            ctx.header("X-REQ-TS-DIFF"));
                }
                synchronized (lock) {
                    data = handler.apply(request);
                }
                afterChange.run();
            } catch (PaperError e) {
                envelope(ctx, e.code(), e.getMessage(), JsonNull.INSTANCE);
                return;
            } catch (RuntimeException e) {
                log.error("paper exchange failed on {} {}", method, path, e);
                envelope(ctx, 500, "internal error", JsonNull.INSTANCE);
                return;
            }
            if (fault.isPresent() && fault.get() instanceof PaperFaults.Fault.Malformed) {
                ctx.contentType("application/json").result("{\"code\":0,\"msg\":\"Success\",\"data\":");
                return;
            }
            if (fault.isPresent() && fault.get() instanceof PaperFaults.Fault.AcceptThenDelay a) {
                Thread.sleep(a.delay().toMillis());
            }
            envelope(ctx, 0, "Success", data == null ? JsonNull.INSTANCE : data);
        };
    }

    private static PaperRequest request(String method, Context ctx) {
        Map<String, String> path = ctx.pathParamMap();
        if (method.equals("GET")) {
            return new PaperRequest(rawQuery(ctx.queryString()), null, path);
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        String body = ctx.body();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                form.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return new PaperRequest(form, null, path);
        }
        if (!type.startsWith("application/json")) {
            throw new PaperError(10567, "invalid content_type");
        }
        try {
            JsonElement root = body.isBlank() ? new JsonObject() : JsonParser.parseString(body);
            if (!root.isJsonObject()) {
                throw new PaperError(10004, "parameter illegal: the body must be a JSON object");
            }
            return new PaperRequest(Map.of(), root.getAsJsonObject(), path);
        } catch (com.google.gson.JsonParseException e) {
            throw new PaperError(10004, "parameter illegal: the body is not JSON");
        }
    }

    /** Query parameters with %XX decoded but '+' kept: keys containing '+' must survive (Coincall's examples). */
    static Map<String, String> rawQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(percentDecode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : percentDecode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String percentDecode(String s) {
        return s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static void envelope(Context ctx, int code, String msg, JsonElement data) {
        JsonObject e = new JsonObject();
        e.addProperty("code", code);
        e.addProperty("msg", msg);
        e.add("i18nArgs", JsonNull.INSTANCE);
        e.add("data", data);
        ctx.contentType("application/json").result(e.toString());
    }
}
