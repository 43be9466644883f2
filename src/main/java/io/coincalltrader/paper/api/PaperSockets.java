package io.coincalltrader.paper.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coincalltrader.paper.Outbox;
import io.coincalltrader.paper.PaperFaults;
import io.coincalltrader.paper.market.OptionListing;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.pricing.Greeks;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.coincalltrader.paper.api.PaperJson.num;

/**
 * The WebSocket side: {@code /options} and {@code /futures}, login in the URL, subscribe/unSubscribe and
 * heartbeat frames, market pushes every tick and private pushes as they happen. Frames are built under the
 * exchange's lock and sent after it is released.
 */
final class PaperSockets {
    private static final Logger log = LoggerFactory.getLogger(PaperSockets.class);

    /** One connected client and what it subscribed to ("dataType" or "dataType|symbol"). */
    private record Session(WsContext ctx, boolean futures, Set<String> subscriptions) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final PaperAuth auth;
    private final PaperFaults faults;
    private final PaperMarket market;
    private final Clock sim;

    PaperSockets(PaperAuth auth, PaperFaults faults, PaperMarket market, Clock sim) {
        this.auth = auth;
        this.faults = faults;
        this.market = market;
        this.sim = sim;
        faults.onDrop(this::dropAll);
    }

    void register(RoutesConfig r) {
        for (String path : List.of("/options", "/futures")) {
            boolean futures = path.equals("/futures");
            r.ws(path, ws -> {
                ws.onConnect(ctx -> {
                    Map<String, String> query = PaperHttp.rawQuery(ctx.queryString());
                    if (!auth.verifyWebSocket(query)) {
                        ctx.send("{\"code\":10587,\"msg\":\"login failed\"}");
                        ctx.session.close();
                        return;
                    }
                    sessions.put(ctx.sessionId, new Session(ctx, futures, ConcurrentHashMap.newKeySet()));
                });
                ws.onMessage(ctx -> onMessage(ctx.sessionId, ctx.message()));
                ws.onClose(ctx -> sessions.remove(ctx.sessionId));
                ws.onError(ctx -> sessions.remove(ctx.sessionId));
            });
        }
    }

    private void onMessage(String sessionId, String text) {
        Session s = sessions.get(sessionId);
        if (s == null || faults.silent()) {
            return;
        }
        JsonObject frame;
        try {
            frame = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            send(s, "{\"code\":10005,\"msg\":\"bad frame\"}");
            return;
        }
        String action = frame.has("action") ? frame.get("action").getAsString() : "";
        switch (action) {
            case "heartbeat" -> send(s, "{\"c\":11,\"rc\":1}");
            case "subscribe", "unSubscribe" -> {
                String dataType = frame.has("dataType") ? frame.get("dataType").getAsString() : "";
                List<String> keys = new ArrayList<>();
                JsonElement payload = frame.get("payload");
                JsonElement symbol = payload != null && payload.isJsonObject() ? payload.getAsJsonObject().get("symbol") : null;
                if (symbol == null) {
                    keys.add(dataType);
                } else if (symbol.isJsonArray()) {
                    symbol.getAsJsonArray().forEach(e -> keys.add(dataType + "|" + e.getAsString()));
                } else {
                    JsonElement end = payload.getAsJsonObject().get("end");
                    keys.add(dataType + "|" + symbol.getAsString() + (end == null ? "" : "|" + end.getAsString()));
                }
                if (action.equals("subscribe")) {
                    s.subscriptions().addAll(keys);
                } else {
                    keys.forEach(s.subscriptions()::remove);
                }
            }
            default -> send(s, "{\"code\":10005,\"msg\":\"unknown action\"}");
        }
    }

    /** Market pushes for every subscription, built now (call under the lock); returns the sends to make. */
    List<Runnable> marketPushes(Instant now) {
        List<Runnable> out = new ArrayList<>();
        for (Session s : sessions.values()) {
            for (String key : s.subscriptions()) {
                String[] parts = key.split("\\|");
                if (parts.length < 2) {
                    continue;
                }
                String frame = marketFrame(parts, now);
                if (frame != null) {
                    out.add(() -> send(s, frame));
                }
            }
        }
        return out;
    }

    private String marketFrame(String[] key, Instant now) {
        String type = key[0];
        String symbol = key[1];
        if (!market.isListed(symbol) && !type.equals("tOption") && !type.equals("spotPrice")) {
            return null;
        }
        return switch (type) {
            case "bsInfo" -> market.option(symbol).map(l -> push(3, ticker(l, now))).orElse(null);
            case "orderBook" -> {
                JsonObject b = PaperJson.book(market.book(symbol, now), false);
                yield push(symbol.endsWith("USD") ? 32 : 5, renameLevels(b, symbol, now));
            }
            case "tOption" -> {
                JsonArray rows = new JsonArray();
                for (String coin : market.coins()) {
                    if ((coin + "USD").equals(symbol)) {
                        for (OptionListing l : market.options(coin)) {
                            if (key.length < 3 || Long.toString(l.name().expiry().toEpochMilli()).equals(key[2])) {
                                rows.add(ticker(l, now));
                            }
                        }
                    }
                }
                yield push(4, rows);
            }
            case "spotPrice" -> {
                JsonObject p = new JsonObject();
                String coin = market.coinOf(symbol);
                p.addProperty("s", symbol);
                p.add("pr", num(market.index(coin)));
                p.add("mp", num(market.mark(coin + "USD", now)));
                p.add("ip", num(market.index(coin)));
                yield push(30, p);
            }
            default -> null;
        };
    }

    private JsonObject ticker(OptionListing l, Instant now) {
        Greeks g = market.greeks(l, now);
        var book = market.book(l.symbol(), now);
        JsonObject t = new JsonObject();
        t.addProperty("s", l.symbol());
        t.add("mp", num(market.mark(l.symbol(), now)));
        t.add("ip", num(market.index(l.name().base())));
        t.add("up", num(market.index(l.name().base())));
        t.add("iv", num(market.iv(l, now)));
        t.add("miv", num(market.iv(l, now)));
        book.bestBid().ifPresent(b -> {
            t.add("bid", num(b.price()));
            t.add("bs", num(b.size()));
        });
        book.bestAsk().ifPresent(a -> {
            t.add("ask", num(a.price()));
            t.add("as", num(a.size()));
        });
        t.add("delta", num(g.delta()));
        t.add("gamma", num(g.gamma()));
        t.add("vega", num(g.vega()));
        t.add("theta", num(g.theta()));
        t.addProperty("ts", now.toEpochMilli());
        return t;
    }

    private static JsonObject renameLevels(JsonObject book, String symbol, Instant now) {
        JsonObject out = new JsonObject();
        out.addProperty("s", symbol);
        for (String side : List.of("bids", "asks")) {
            JsonArray levels = new JsonArray();
            for (JsonElement e : book.getAsJsonArray(side)) {
                JsonObject l = new JsonObject();
                l.add("pr", e.getAsJsonObject().get("price"));
                l.add("sz", e.getAsJsonObject().get("size"));
                levels.add(l);
            }
            out.add(side, levels);
        }
        out.addProperty("ts", now.toEpochMilli());
        return out;
    }

    private String push(int dt, JsonElement data) {
        JsonObject f = new JsonObject();
        f.addProperty("dt", dt);
        f.addProperty("c", 20);
        f.add("d", data);
        f.addProperty("ts", sim.millis());
        return f.toString();
    }

    /** Sends private pushes to every session subscribed to their channel (twice while duplication is on). */
    void sendPrivate(List<Outbox.Push> batch) {
        List<Outbox.Push> pushes = new ArrayList<>(batch);
        if (faults.reordering()) {
            for (int i = 0; i + 1 < pushes.size(); i += 2) {
                java.util.Collections.swap(pushes, i, i + 1);
            }
        }
        for (Outbox.Push p : pushes) {
            String frame = push(p.dt(), p.data());
            for (Session s : sessions.values()) {
                if (s.subscriptions().contains(p.dataType())) {
                    send(s, frame);
                    if (faults.duplicating()) {
                        send(s, frame);
                    }
                }
            }
        }
    }

    private void send(Session s, String frame) {
        if (faults.silent()) {
            return;
        }
        try {
            s.ctx().send(frame);
        } catch (RuntimeException e) {
            log.debug("push to a closing session failed: {}", e.getMessage());
            sessions.remove(s.ctx().sessionId);
        }
    }

    private void dropAll() {
        for (Session s : List.copyOf(sessions.values())) {
            sessions.remove(s.ctx().sessionId);
            try {
                s.ctx().session.close();
            } catch (RuntimeException e) {
                log.debug("close failed: {}", e.getMessage());
            }
        }
    }

    int sessionCount() {
        return sessions.size();
    }

    int subscriptionCount() {
        return sessions.values().stream().mapToInt(s -> s.subscriptions().size()).sum();
    }
}
