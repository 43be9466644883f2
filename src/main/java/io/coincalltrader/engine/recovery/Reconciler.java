package io.coincalltrader.engine.recovery;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.order.ExchangeOrder;
import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.order.OrderService;
import io.coincalltrader.engine.order.TrackedOrder;
import io.coincalltrader.engine.order.TradeHistory;
import io.coincalltrader.engine.recovery.ReconciliationReport.Finding;
import io.coincalltrader.engine.recovery.ReconciliationReport.Kind;
import io.coincalltrader.exchange.AccountGateway;
import io.coincalltrader.exchange.OrderGateway;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.FillSource;
import io.coincalltrader.store.OpenReport;
import io.coincalltrader.store.StoredFill;
import io.coincalltrader.store.StoredOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Start-up recovery: takes over unfinished orders and resolves them with the exchange (by client order id, never by
 * resending), records fills made while we were away, adopts orders placed outside the app, compares positions, and
 * settles RFQ accepts left without an answer. Runs on an I/O thread before trading is allowed.
 */
public final class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration FIRST_RUN_LOOK_BACK = Duration.ofDays(7);

    private final OrderGateway exchangeOrders;
    private final AccountGateway account;
    private final RfqRecovery rfqs;
    private final Database db;
    private final OrderService orders;
    private final Clock clock;
    private final Duration resolveWithin;

    public Reconciler(OrderGateway exchangeOrders, AccountGateway account, RfqRecovery rfqs, Database db, OrderService orders,
                      Clock clock, Duration resolveWithin) {
        this.exchangeOrders = exchangeOrders;
        this.account = account;
        this.rfqs = rfqs;
        this.db = db;
        this.orders = orders;
        this.clock = clock;
        this.resolveWithin = resolveWithin;
    }

    public ReconciliationReport run() {
        long t0 = System.nanoTime();
        Instant at = clock.instant();
        List<Finding> findings = new ArrayList<>();
        OpenReport open = db.openReport();
        if (open.needsRebuildFromExchange()) {
            findings.add(new Finding(Kind.STORE_REPAIRED, db.file().getFileName().toString(), "a sound database file",
                    "n/a", open.summary() + "; history rebuilt from the exchange"));
        }
        List<StoredOrder> unfinished = db.orders().notTerminal();
        Map<Long, StoredOrder> believed = new HashMap<>();
        unfinished.stream().filter(o -> o.clientOrderId() != null).forEach(o -> believed.put(o.clientOrderId(), o));
        recoverFills(findings);
        resolveOrders(believed, findings);
        adoptExternalOrders(findings);
        comparePositions(findings);
        findings.addAll(rfqs.resolve());
        ReconciliationReport report = new ReconciliationReport(at, Duration.ofNanos(System.nanoTime() - t0),
                open.needsRebuildFromExchange() ? open.summary() : null, findings);
        db.journal().append("RECONCILE", Cause.SYSTEM, "start-up", report.clean() ? "Reconciled: everything matches the exchange"
                : "Reconciled: " + findings.size() + " difference(s) found and handled", json(report)).join();
        log.info("reconciliation: {} finding(s) in {} ms", findings.size(), report.took().toMillis());
        return report;
    }

    /** Fills since the last one recorded (explicit start time: the exchange defaults to the last 24 h). */
    private void recoverFills(List<Finding> findings) {
        Instant now = clock.instant();
        for (ProductType product : List.of(ProductType.OPTION, ProductType.FUTURE)) {
            Instant since = db.fills().latest(product).map(f -> f.fill().time().minus(Duration.ofMinutes(5)))
                    .orElseGet(() -> firstOrderTime().orElse(now.minus(FIRST_RUN_LOOK_BACK)));
            Set<Long> ours = new HashSet<>(db.orders().allByClientOrderId().keySet());
            for (Fill f : TradeHistory.between(exchangeOrders, product, since, now.plusSeconds(1))) {
                if (db.fills().record(f, product, FillSource.REST).join()) {
                    boolean mine = f.clientOrderId() != null && ours.contains(f.clientOrderId());
                    findings.add(new Finding(Kind.FILL_RECOVERED, "trade " + f.tradeId(), "not recorded",
                            f.side() + " " + f.quantity().toPlainString() + " " + f.symbol() + " @ " + f.price().toPlainString(),
                            mine ? "recorded against order " + f.clientOrderId() : "recorded as external"));
                }
            }
        }
    }

    private java.util.Optional<Instant> firstOrderTime() {
        return db.orders().all().stream().map(StoredOrder::createdAt).min(Instant::compareTo).map(t -> t.minus(Duration.ofMinutes(5)));
    }

    /** Hands unfinished orders to the order service and waits (bounded) until the exchange has answered for each. */
    private void resolveOrders(Map<Long, StoredOrder> believed, List<Finding> findings) {
        if (believed.isEmpty()) {
            return;
        }
        orders.resume(List.copyOf(believed.values())).join();
        // Poll until every order has an answer and two rounds in a row change nothing (an exchange report can run
        // ahead of its fills: the order then waits live for them), or the time is up.
        long deadline = System.nanoTime() + resolveWithin.toNanos();
        Map<Long, TrackedOrder> previous;
        Map<Long, TrackedOrder> now = Map.of();
        do {
            previous = now;
            orders.pollNow();
            sleep(200);
            now = current(believed.keySet());
        } while ((now.values().stream().anyMatch(o -> unresolved(o) || o.state() == OrderState.PENDING_CANCEL) || !sameStates(previous, now))
                && System.nanoTime() < deadline);
        sleep(100); // let the last durable changes land before reading them back
        for (StoredOrder before : believed.values()) {
            TrackedOrder after = current(Set.of(before.clientOrderId())).get(before.clientOrderId());
            String was = before.state() + (before.filledQuantity().signum() > 0 ? " (" + before.filledQuantity().toPlainString() + " filled)" : "");
            if (after == null) {
                continue;
            }
            String is = after.state() + (after.filledQuantity().signum() > 0 ? " (" + after.filledQuantity().toPlainString() + " filled)" : "");
            if (unresolved(after)) {
                findings.add(new Finding(Kind.ORDER_UNRESOLVED, label(before), was, "no answer yet",
                        "still checking by client order id; nothing was resent"));
            } else if (after.state() != before.state() || after.filledQuantity().compareTo(before.filledQuantity()) != 0) {
                String action = after.state() == OrderState.NOT_PLACED
                        ? "marked not placed (the app stopped before the exchange received it); not resent"
                        : "updated to the exchange's state";
                findings.add(new Finding(Kind.ORDER_RESOLVED, label(before), was, is, action));
            }
        }
    }

    private static boolean sameStates(Map<Long, TrackedOrder> a, Map<Long, TrackedOrder> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<Long, TrackedOrder> e : a.entrySet()) {
            TrackedOrder o = b.get(e.getKey());
            if (o.state() != e.getValue().state() || o.filledQuantity().compareTo(e.getValue().filledQuantity()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean unresolved(TrackedOrder o) {
        return o.state() == OrderState.IN_DOUBT || o.state() == OrderState.PENDING_SEND || o.state() == OrderState.SENT;
    }

    private Map<Long, TrackedOrder> current(Set<Long> ids) {
        Map<Long, TrackedOrder> m = new HashMap<>();
        orders.snapshot().join().stream().filter(o -> ids.contains(o.clientOrderId())).forEach(o -> m.put(o.clientOrderId(), o));
        return m;
    }

    private void adoptExternalOrders(List<Finding> findings) {
        Set<Long> knownExchangeIds = new HashSet<>();
        Set<Long> knownClientIds = new HashSet<>();
        for (StoredOrder o : db.orders().all()) {
            if (o.exchangeOrderId() != null) {
                knownExchangeIds.add(o.exchangeOrderId());
            }
            if (o.clientOrderId() != null) {
                knownClientIds.add(o.clientOrderId());
            }
        }
        for (ProductType product : List.of(ProductType.OPTION, ProductType.FUTURE)) {
            for (ExchangeOrder o : exchangeOrders.openOrders(product, null)) {
                boolean known = knownExchangeIds.contains(o.orderId()) || (o.clientOrderId() != null && knownClientIds.contains(o.clientOrderId()));
                if (!known && db.orders().adoptExternal(o, product, OrderState.ACKED, Cause.EXCHANGE, "open at the exchange, not placed by this app").join()) {
                    findings.add(new Finding(Kind.ORDER_ADOPTED, o.symbol() + " #" + o.orderId(), "unknown",
                            "open " + o.side() + " " + o.quantity().toPlainString() + " @ " + o.price(), "adopted as external"));
                }
            }
        }
    }

    /** Net quantity per instrument from our recorded fills against the exchange's positions. */
    private void comparePositions(List<Finding> findings) {
        Map<String, BigDecimal> fromFills = new HashMap<>();
        for (StoredFill f : db.fills().since(Instant.EPOCH)) {
            BigDecimal q = f.fill().side() == Side.BUY ? f.fill().quantity() : f.fill().quantity().negate();
            fromFills.merge(f.fill().symbol(), q, BigDecimal::add);
        }
        Map<String, BigDecimal> atExchange = new HashMap<>();
        for (Position p : account.positions()) {
            atExchange.merge(p.symbol(), p.signedQuantity(), BigDecimal::add);
        }
        Set<String> symbols = new HashSet<>(atExchange.keySet());
        fromFills.forEach((s, q) -> {
            if (q.signum() != 0) {
                symbols.add(s);
            }
        });
        for (String s : symbols.stream().sorted().toList()) {
            BigDecimal ours = fromFills.getOrDefault(s, BigDecimal.ZERO);
            BigDecimal theirs = atExchange.getOrDefault(s, BigDecimal.ZERO);
            if (ours.compareTo(theirs) == 0) {
                continue;
            }
            boolean external = ours.signum() == 0;
            String seen = db.settings().get("reconcile.position." + s).orElse(null);
            if (theirs.toPlainString().equals(seen)) {
                continue; // reported before and unchanged since: do not repeat it at every start
            }
            db.settings().put("reconcile.position." + s, theirs.toPlainString());
            findings.add(new Finding(external ? Kind.POSITION_EXTERNAL : Kind.POSITION_MISMATCH, s,
                    ours.toPlainString() + " from recorded fills", theirs.toPlainString(),
                    external ? "shown as an external position (opened outside this app or before its records)"
                            : "the exchange's position is shown; the difference is settlement, expiry or trades outside the app"));
        }
    }

    private static String label(StoredOrder o) {
        return "order " + o.clientOrderId() + " " + o.side() + " " + o.quantity().toPlainString() + " " + o.symbol();
    }

    private static String json(ReconciliationReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("tookMs", r.took().toMillis());
        JsonArray a = new JsonArray();
        for (Finding f : r.findings()) {
            JsonObject j = new JsonObject();
            j.addProperty("kind", f.kind().name());
            j.addProperty("subject", f.subject());
            j.addProperty("believed", f.believed());
            j.addProperty("exchange", f.exchangeSays());
            j.addProperty("action", f.action());
            a.add(j);
        }
        o.add("findings", a);
        return o.toString();
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
