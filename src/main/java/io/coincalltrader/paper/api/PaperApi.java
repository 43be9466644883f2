package io.coincalltrader.paper.api;

import com.google.gson.JsonObject;
import io.coincalltrader.paper.Outbox;
import io.coincalltrader.paper.PaperFaults;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.paper.rfq.PaperRfq;
import io.coincalltrader.paper.rfq.RfqDesk;
import io.coincalltrader.paper.trading.AccountView;
import io.coincalltrader.paper.trading.PaperLedger;
import io.coincalltrader.paper.trading.PaperOrder;
import io.coincalltrader.paper.trading.PaperPosition;
import io.coincalltrader.paper.trading.PaperTrade;
import io.javalin.config.JavalinConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.coincalltrader.paper.api.PaperJson.num;
import static io.coincalltrader.paper.api.PaperJson.str;

/**
 * Wires the paper exchange's wire protocol: REST routes, WebSockets, and the translation of ledger and RFQ
 * events into private pushes (Coincall's abbreviated WebSocket field names).
 */
public final class PaperApi implements PaperLedger.LedgerEvents, RfqDesk.DeskEvents {
    private final Object lock;
    private final Outbox outbox = new Outbox();
    private final Clock sim;
    private final PaperAuth auth;
    private final PaperFaults faults;
    private final PaperMarket market;
    private PaperSockets sockets;
    private PaperHttp http;

    public PaperApi(Object lock, PaperMarket market, String apiKey, String apiSecret, PaperFaults faults, Clock sim, Clock wall) {
        this.lock = lock;
        this.market = market;
        this.sim = sim;
        this.faults = faults;
        this.auth = new PaperAuth(apiKey, apiSecret, wall);
    }

    /** Registers every route; call once the market, ledger and desk exist. */
    public void register(JavalinConfig config, PaperLedger ledger, RfqDesk desk, Clock wall, String apiKey) {
        this.sockets = new PaperSockets(auth, faults, market, sim);
        this.http = new PaperHttp(lock, auth, faults, this::flush);
        new MarketRoutes(market, sim, wall).register(http, config.routes);
        new TradingRoutes(market, ledger, faults, sim, apiKey).register(http, config.routes);
        new RfqRoutes(desk, sim).register(http, config.routes);
        sockets.register(config.routes);
    }

    /** Under the lock: builds this tick's market pushes and the account push; returns the sends to make after. */
    public List<Runnable> tickPushes(Instant now, AccountView account) {
        List<Runnable> out = new ArrayList<>(sockets.marketPushes(now));
        JsonObject a = new JsonObject();
        a.add("e", str(account.equity()));
        a.add("ab", str(account.available()));
        a.add("mb", str(account.equity()));
        a.add("im", str(account.initialMargin()));
        a.add("mm", str(account.maintenanceMargin()));
        a.add("upnl", str(account.unrealizedPnl()));
        a.addProperty("ts", now.toEpochMilli());
        outbox.add(7, "accountBalance", a);
        List<Outbox.Push> pushes = outbox.drain();
        out.add(() -> sockets.sendPrivate(pushes));
        return out;
    }

    /** Sends private pushes queued by the last request. */
    private void flush() {
        List<Outbox.Push> pushes;
        synchronized (lock) {
            pushes = outbox.drain();
        }
        sockets.sendPrivate(pushes);
    }

    public int webSocketSessions() {
        return sockets.sessionCount();
    }

    public int webSocketSubscriptions() {
        return sockets.subscriptionCount();
    }

    @Override
    public void orderChanged(PaperOrder o) {
        JsonObject j = new JsonObject();
        j.addProperty("oid", o.orderId());
        if (o.clientOrderId() != null) {
            j.addProperty("coid", o.clientOrderId());
        }
        j.addProperty("s", o.symbol());
        j.add("q", str(o.quantity()));
        j.add("pr", str(o.price() == null ? java.math.BigDecimal.ZERO : o.price()));
        j.addProperty("si", o.side());
        j.addProperty("ty", o.type());
        j.addProperty("ro", o.reduceOnly() ? 1 : 0);
        j.addProperty("os", o.state());
        j.add("fq", str(o.filled()));
        j.add("rq", str(o.remaining()));
        j.add("ap", str(o.averagePrice()));
        j.addProperty("ct", o.createTime().toEpochMilli());
        j.addProperty("ts", o.updateTime().toEpochMilli());
        outbox.add(o.product() == io.coincalltrader.domain.order.ProductType.FUTURE ? 35 : 11, "order", j);
    }

    @Override
    public void traded(PaperTrade t) {
        JsonObject j = new JsonObject();
        j.addProperty("orderId", Long.toString(t.orderId()));
        if (t.clientOrderId() != null) {
            j.addProperty("clientOrderId", t.clientOrderId());
        }
        j.addProperty("symbol", t.symbol());
        j.addProperty("orderSide", t.side() == 1 ? "BUY" : "SELL");
        j.add("matchPrice", str(t.price()));
        j.add("matchQty", str(t.quantity()));
        java.math.BigDecimal value = t.price().multiply(t.quantity());
        j.add("matchValue", str(value));
        j.add("feeRate", str(value.signum() == 0 ? java.math.BigDecimal.ZERO : t.fee().divide(value, java.math.MathContext.DECIMAL64)));
        j.addProperty("isTaker", t.taker() ? "1" : "0");
        j.addProperty("tradeId", Long.toString(t.tradeId()));
        j.addProperty("tradeTime", Long.toString(t.time().toEpochMilli()));
        outbox.add(15, "trade", j);
    }

    @Override
    public void positionChanged(PaperPosition p) {
        Instant now = sim.instant();
        JsonObject full = PaperJson.position(p, market, now);
        JsonObject j = new JsonObject();
        j.addProperty("s", p.symbol());
        j.add("q", num(p.quantity().abs()));
        j.add("ap", num(p.averagePrice()));
        j.add("mp", full.get("markPrice"));
        j.addProperty("si", p.quantity().signum() >= 0 ? 1 : 2);
        j.addProperty("os", p.quantity().signum() == 0 ? 5 : 1);
        j.add("upnl", full.get("upnl"));
        j.add("pnlbmp", full.get("upnl"));
        j.add("roibmp", full.get("roi"));
        for (String g : List.of("delta", "gamma", "vega", "theta")) {
            j.add(g, full.get(g));
        }
        j.addProperty("ts", now.toEpochMilli());
        outbox.add(27, "positionEvent", j);
        outbox.add(p.product() == io.coincalltrader.domain.order.ProductType.FUTURE ? 36 : 12, "position", j);
    }

    @Override
    public void rfqChanged(PaperRfq rfq) {
        outbox.add(129, "rfqTaker", PaperJson.rfq(rfq));
    }

    @Override
    public void quoteChanged(PaperRfq rfq, PaperRfq.Quote quote) {
        JsonObject pushed = PaperJson.quote(rfq, quote);
        pushed.remove("userId"); // the exchange's quoteReceived push carries no maker id (coincall-api.md §5)
        outbox.add(131, "quoteReceived", pushed);
    }

    @Override
    public void blockTraded(RfqDesk.BlockTradeRecord trade) {
        outbox.add(22, "blockTradeDetail", PaperJson.blockTrade(trade));
    }
}
