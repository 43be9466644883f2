package io.coincalltrader.ui.shell;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.engine.execution.ExecutionResult;
import io.coincalltrader.engine.market.InstrumentLookup;
import io.coincalltrader.engine.order.TrackedOrder;
import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import io.coincalltrader.engine.portfolio.PositionRisk;
import io.coincalltrader.engine.risk.MarginAlert;
import io.coincalltrader.engine.risk.MarginLevel;
import io.coincalltrader.engine.risk.PreTradeChecks;
import io.coincalltrader.engine.risk.RiskLimits;
import io.coincalltrader.engine.session.ConnectionHealth;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.store.JournalEntry;
import io.coincalltrader.store.JournalFilter;
import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.ui.account.AccountTiles;
import io.coincalltrader.ui.close.ClosePlan;
import io.coincalltrader.ui.close.CloseWindow;
import io.coincalltrader.ui.common.FramePump;
import io.coincalltrader.ui.orders.FillsView;
import io.coincalltrader.ui.orders.JournalView;
import io.coincalltrader.ui.orders.OrdersView;
import io.coincalltrader.ui.orders.OrdersViewModel;
import io.coincalltrader.ui.positions.Grouping;
import io.coincalltrader.ui.positions.PositionRow;
import io.coincalltrader.ui.positions.PositionsView;
import io.coincalltrader.ui.positions.PositionsViewModel;
import io.coincalltrader.ui.rfq.RfqHistoryView;
import io.coincalltrader.ui.rfq.RfqTicketViewModel;
import io.coincalltrader.ui.rfq.RfqTicketWindow;
import io.coincalltrader.ui.ticket.OrderTicketViewModel;
import io.coincalltrader.ui.ticket.OrderTicketWindow;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trading desk inside the main window once connected: positions, account tiles, orders, fills, RFQs, journal
 * and log, all fed from the session through the frame pump (prices conflated per frame, facts complete and in order).
 */
public final class Desk implements AutoCloseable {
    private final TradingSession session;
    private final Stage stage;
    private final UiSettings settings;
    private final Alerts alerts;
    private final FramePump pump = new FramePump();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<ScheduledFuture<?>> pollers = new ArrayList<>();
    private final List<RfqTicketWindow> rfqTickets = new ArrayList<>();
    private final PositionsViewModel positionsModel;
    private final PositionsView positionsView;
    private final AccountTiles tiles;
    private final OrdersViewModel ordersModel;
    private final JournalView journal = new JournalView();
    private final RfqHistoryView rfqHistory;
    private final LogView logView;
    private final TabPane tabs = new TabPane();
    private final SplitPane vertical = new SplitPane();
    private final SplitPane horizontal = new SplitPane();
    private final InstrumentLookup lookup;
    private volatile Instant lastUpdate;

    public Desk(TradingSession session, Stage stage, UiSettings settings, Alerts alerts, TopBar top, StatusLine status) {
        this.session = session;
        this.stage = stage;
        this.settings = settings;
        this.alerts = alerts;
        this.lookup = session.instruments();
        positionsModel = new PositionsViewModel(session.clock());
        positionsModel.groupingProperty().set(Grouping.valueOf(settings.get("positions.grouping", Grouping.STRUCTURE.name())));
        positionsModel.greeksInUsdProperty().set(settings.getBoolean("positions.greeksUsd", true));
        positionsModel.groupingProperty().addListener((o, a, b) -> save("positions.grouping", b.name()));
        positionsModel.greeksInUsdProperty().addListener((o, a, b) -> save("positions.greeksUsd", Boolean.toString(b)));
        positionsView = new PositionsView(positionsModel, this::openClose, this::flattenAll, this::openTicket);
        BigDecimal warn = settings.getDecimal("margin.warn", "0.50");
        BigDecimal critical = settings.getDecimal("margin.critical", "0.80");
        session.setMarginThresholds(warn, critical);
        tiles = new AccountTiles(warn, critical);
        ordersModel = new OrdersViewModel(session.orders());
        rfqHistory = new RfqHistoryView(session.io(), msg -> alerts.raise(Alerts.Level.INFO, "RFQ history", msg));
        logView = new LogView(session.db().file().getParent().resolve("logs").resolve("coincalltrader.log"));

        tabs.setId("bottom-tabs");
        tabs.getTabs().addAll(tab("Orders", "tab-orders", new OrdersView(ordersModel, t -> alerts.raise(Alerts.Level.INFO, "Order", t))),
                tab("Fills", "tab-fills", new FillsView(ordersModel)), tab("RFQs", "tab-rfqs", rfqHistory), tab("Journal", "tab-journal", journal),
                tab("Log", "tab-log", logView));
        tabs.getSelectionModel().select((int) Math.min(settings.getDouble("tabs.bottom", 0), tabs.getTabs().size() - 1));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> save("tabs.bottom", b.toString()));
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.getItems().addAll(positionsView, tabs);
        vertical.setDividerPositions(settings.getDouble("split.vertical", 0.62));
        ScrollPane side = new ScrollPane(tiles);
        side.setFitToWidth(true);
        side.setMinWidth(258);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setId("side-tiles");
        horizontal.getItems().addAll(vertical, side);
        horizontal.setDividerPositions(settings.getDouble("split.horizontal", 0.81));
        SplitPane.setResizableWithParent(side, false);
        vertical.getDividers().getFirst().positionProperty().addListener((o, a, b) -> save("split.vertical", b.toString()));
        horizontal.getDividers().getFirst().positionProperty().addListener((o, a, b) -> save("split.horizontal", b.toString()));
        wire(top, status);
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    private void save(String key, String value) {
        settings.put(key, value);
        settings.save();
    }

    private void wire(TopBar top, StatusLine status) {
        FramePump.Latest<PortfolioSnapshot> snapshots = pump.latest(s -> {
            positionsModel.accept(s);
            tiles.accept(s);
            top.account(s.account());
            lastUpdate = s.time();
        });
        FramePump.Latest<ConnectionHealth> health = pump.latest(h -> {
            top.health(h);
            status.health(h);
        });
        FramePump.Facts<TrackedOrder> orderFacts = pump.facts(batch -> {
            ordersModel.acceptOrders(batch);
            batch.stream().filter(o -> o.state() == OrderState.REJECTED || o.state() == OrderState.NOT_PLACED).forEach(o ->
                    alerts.raise(Alerts.Level.ERROR, "Order refused", o.request().side() + " " + o.request().quantity().toPlainString() + " "
                            + o.request().symbol() + (o.rejectMessage() == null ? "" : ": " + o.rejectMessage())));
        });
        FramePump.Facts<Fill> fillFacts = pump.facts(batch -> {
            ordersModel.acceptFills(batch);
            batch.forEach(f -> alerts.raise(Alerts.Level.INFO, "Fill", f.side() + " " + f.quantity().toPlainString() + " " + f.symbol()
                    + " @ " + f.price().toPlainString()));
        });
        FramePump.Facts<JournalEntry> journalFacts = pump.facts(journal::accept);
        FramePump.Facts<MarginAlert> marginFacts = pump.facts(batch -> batch.forEach(a -> {
            if (a.to() == MarginLevel.CRITICAL) {
                top.marginCritical(true);
            }
            alerts.raise(
                a.to() == MarginLevel.CRITICAL ? Alerts.Level.ERROR : a.worsened() ? Alerts.Level.WARNING : Alerts.Level.INFO,
                "Margin " + a.to().name().toLowerCase(), "maintenance margin is " + a.usage().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
                        + "% of equity");
        }));
        FramePump.Latest<List<String>> logLines = pump.latest(logView::show);
        FramePump.Latest<List<StoredRfq>> rfqs = pump.latest(rfqHistory::accept);

        subscriptions.add(session.positions().onSnapshot(snapshots::offer));
        // Losing and regaining the link are facts (each raised once); the health itself is conflated like a price.
        java.util.concurrent.atomic.AtomicReference<ConnectionHealth.State> lastState =
                new java.util.concurrent.atomic.AtomicReference<>(session.connection().latest().state());
        FramePump.Facts<ConnectionHealth> linkChanges = pump.facts(batch -> batch.forEach(h -> {
            boolean down = h.state() == ConnectionHealth.State.DOWN;
            alerts.raise(down ? Alerts.Level.ERROR : Alerts.Level.INFO, down ? "Disconnected" : "Connected again",
                    down ? (h.problem() == null ? "the exchange does not answer" : h.problem()) : h.roundTripMillis() + " ms round trip");
        }));
        subscriptions.add(session.connection().onHealth(h -> {
            health.offer(h);
            ConnectionHealth.State before = lastState.getAndSet(h.state());
            boolean lost = h.state() == ConnectionHealth.State.DOWN && before != ConnectionHealth.State.DOWN;
            boolean back = before == ConnectionHealth.State.DOWN && h.state() == ConnectionHealth.State.UP;
            if (lost || back) {
                linkChanges.offer(h);
            }
        }));
        subscriptions.add(session.orders().onOrder(orderFacts::offer));
        subscriptions.add(session.orders().onFill(fillFacts::offer));
        subscriptions.add(session.onMarginAlert(marginFacts::offer));
        if (session.positions().latest() != null) {
            snapshots.offer(session.positions().latest());
        }
        health.offer(session.connection().latest());

        // History: this session's orders, today's fills, the journal and the equity curve, read off the FX thread.
        Instant now = session.clock().instant();
        session.io().execute(() -> {
            session.orders().snapshot().thenAccept(list -> list.forEach(orderFacts::offer));
            List<Fill> today = session.db().fills().since(now.minus(Duration.ofHours(24))).stream().map(f -> f.fill()).toList();
            javafx.application.Platform.runLater(() -> ordersModel.acceptFills(today));
            var equity = session.db().accountSnapshots().between(now.minus(Duration.ofDays(7)), now.plusSeconds(1));
            javafx.application.Platform.runLater(() -> tiles.history(equity, now));
        });
        AtomicLong journalCursor = new AtomicLong();
        pollers.add(session.io().scheduleWithFixedDelay(() -> {
            Instant from = journalCursor.get() == 0 ? now.minus(Duration.ofHours(24)) : Instant.ofEpochMilli(journalCursor.get()).minusSeconds(2);
            List<JournalEntry> rows = session.db().journal().since(from, JournalFilter.all());
            rows.forEach(journalFacts::offer);
            rows.stream().map(JournalEntry::time).max(Instant::compareTo).ifPresent(t -> journalCursor.set(t.toEpochMilli()));
        }, 0, 1, TimeUnit.SECONDS));
        pollers.add(session.io().scheduleWithFixedDelay(() -> logView.read().ifPresent(logLines::offer), 0, 2, TimeUnit.SECONDS));
        pollers.add(session.io().scheduleWithFixedDelay(() -> {
            try {
                rfqs.offer(session.db().rfqs().recent(session.clock().instant().minus(Duration.ofDays(7)), 500));
            } catch (RuntimeException e) { // a thrown exception would end the schedule; the next read may work
                org.slf4j.LoggerFactory.getLogger(Desk.class).warn("RFQ history not read: {}", e.toString());
            }
        }, 0, 2, TimeUnit.SECONDS));
        status.ageSource(() -> lastUpdate);
    }

    CloseWindow openClose(List<PositionRisk> members) {
        if (members.isEmpty()) {
            return null;
        }
        String label = members.size() == 1 ? members.getFirst().position().symbol()
                : members.getFirst().structureId() != null ? members.getFirst().structureId() : members.size() + " positions";
        CloseWindow w = new CloseWindow(stage, ClosePlan.of(label, members), session.executions(), this::onExecution);
        w.show();
        return w;
    }

    private void onExecution(ExecutionResult r) {
        Alerts.Level level = switch (r.status()) {
            case FILLED, PARTIAL -> Alerts.Level.INFO;
            case EXPOSED, FAILED, IN_DOUBT -> Alerts.Level.ERROR;
            default -> Alerts.Level.WARNING;
        };
        alerts.raise(level, "Close " + r.status().name().toLowerCase().replace('_', ' '), r.message());
        session.io().execute(() -> session.positions().pollNow());
    }

    /** Flatten all: a first confirmation here, then the close window's own arm-and-confirm. */
    public void flattenAll() {
        PortfolioSnapshot s = session.positions().latest();
        if (s == null || s.positions().isEmpty()) {
            alerts.raise(Alerts.Level.INFO, "Flatten all", "There are no open positions");
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.WARNING, "This closes all " + s.positions().size() + " positions in the account. "
                + "You will see every leg and choose how to execute before anything is sent.", ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(stage);
        confirm.setTitle("Flatten all");
        confirm.setHeaderText("Flatten every position?");
        confirm.getDialogPane().setId("flatten-confirm");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b ->
                new CloseWindow(stage, ClosePlan.of("all positions", s.positions()), session.executions(), this::onExecution).show());
    }

    public OrderTicketWindow openTicket(PositionRow from) {
        OrderTicketViewModel vm = new OrderTicketViewModel(session.orders(), new PreTradeChecks(RiskLimits.defaults()),
                () -> session.positions().latest() == null ? null : session.positions().latest().account().availableMargin(), session.clock());
        if (from != null && from.symbol() != null) {
            vm.symbolProperty().set(from.symbol());
            vm.sideProperty().set(from.side() == null ? io.coincalltrader.domain.order.Side.BUY : from.side().opposite());
            vm.sizeProperty().set(from.size() == null ? "" : from.size().toPlainString());
        }
        OrderTicketWindow w = new OrderTicketWindow(stage, vm, lookup, session.io());
        w.show();
        return w;
    }

    /** The RFQ ticket; its guards (stale age, price band, one-click) are read from the settings at every refresh. */
    public RfqTicketWindow openRfqTicket() {
        RfqTicketWindow w = new RfqTicketWindow(stage, session, () -> rfqGuards(settings), new RfqTicketWindow.Memory() {
            @Override
            public String get(String key) {
                return settings.get(key, null);
            }

            @Override
            public void put(String key, String value) {
                save(key, value);
            }
        }, text -> alerts.raise(Alerts.Level.INFO, "RFQ", text));
        rfqTickets.add(w);
        w.stage().setOnHiding(e -> rfqTickets.remove(w));
        w.show();
        return w;
    }

    /** The RFQ guards as set in the settings dialog. */
    static RfqTicketViewModel.Guards rfqGuards(UiSettings settings) {
        RfqTicketViewModel.Guards d = RfqTicketViewModel.Guards.defaults();
        return new RfqTicketViewModel.Guards(java.time.Duration.ofMillis((long) (settings.getDouble("rfq.staleSeconds", d.staleAfter().toSeconds()) * 1000)),
                settings.getDecimal("rfq.bandPercent", d.bandFraction().movePointRight(2).toPlainString()).movePointLeft(2),
                d.minBandPerContract(), settings.getBoolean("rfq.oneClick", false));
    }

    PositionsViewModel positionsModel() {
        return positionsModel;
    }

    TradingSession session() {
        return session;
    }

    public void closeSelected() {
        var sel = positionsView.table().getSelectionModel().getSelectedItem();
        if (sel != null) {
            openClose(sel.getValue().row().members());
        }
    }

    public void selectTab(int i) {
        if (i >= 0 && i < tabs.getTabs().size()) {
            tabs.getSelectionModel().select(i);
        }
    }

    public void toggleGreeks() {
        positionsModel.greeksInUsdProperty().set(!positionsModel.greeksInUsdProperty().get());
    }

    public void setMarginThresholds(BigDecimal warn, BigDecimal critical) {
        session.setMarginThresholds(warn, critical);
        tiles.thresholds(warn, critical);
    }

    /** Redraws every table after a change of number style (the tiles and top bar follow the next snapshot). */
    public void redraw() {
        positionsView.table().refresh();
        tabs.getTabs().forEach(t -> t.getContent().lookupAll(".table-view").forEach(n -> ((javafx.scene.control.TableView<?>) n).refresh()));
        PortfolioSnapshot s = session.positions().latest();
        if (s != null) {
            positionsModel.accept(s);
        }
    }

    public SplitPane content() {
        return horizontal;
    }

    public PositionsView positions() {
        return positionsView;
    }

    @Override
    public void close() {
        // Closing a ticket withdraws its active RFQ; the session's own close cancels anything still asking.
        List.copyOf(rfqTickets).forEach(t -> t.stage().close());
        subscriptions.forEach(Subscription::close);
        pollers.forEach(p -> p.cancel(false));
        pump.stop();
    }
}
