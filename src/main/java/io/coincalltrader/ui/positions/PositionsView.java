package io.coincalltrader.ui.positions;

import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import io.coincalltrader.engine.portfolio.PositionRisk;
import io.coincalltrader.engine.portfolio.RiskGreeks;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The positions tree: structures (or expiries, underlyings) with their legs, live P&L and Greeks, totals per group
 * and for the account. Rows keep their identity across snapshots (one TreeItem per key, value replaced in place),
 * so selection and expansion survive every update.
 */
public final class PositionsView extends BorderPane {
    private final PositionsViewModel model;
    private final TreeTableView<PositionItem> table = new TreeTableView<>(new TreeItem<>());
    private final Map<String, TreeItem<PositionItem>> items = new HashMap<>();
    private Map<String, Rendered> rendered = new HashMap<>();
    private long lastSortNanos;
    private final Label totals = new Label();
    private final Consumer<List<PositionRisk>> onClose;

    public PositionsView(PositionsViewModel model, Consumer<List<PositionRisk>> onClose, Runnable onFlattenAll,
                         Consumer<PositionRow> onTicket) {
        this.model = model;
        this.onClose = onClose;
        setId("positions");
        table.setId("positions-table");
        table.setShowRoot(false);
        table.setFixedCellSize(22); // one row height: the flow skips measuring every cell on each layout
        table.setTableMenuButtonVisible(true); // the column chooser
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No open positions"));
        addColumns();

        ChoiceBox<Grouping> grouping = new ChoiceBox<>();
        grouping.setId("positions-grouping");
        grouping.getItems().setAll(Grouping.values());
        grouping.valueProperty().bindBidirectional(model.groupingProperty());
        ToggleButton usd = new ToggleButton();
        usd.setId("positions-greeks-usd");
        usd.selectedProperty().bindBidirectional(model.greeksInUsdProperty());
        usd.textProperty().bind(Bindings.when(usd.selectedProperty()).then("Greeks in USD").otherwise("Greeks in coin"));
        usd.setTooltip(new Tooltip("Show delta, gamma, vega and theta in USD or in coin"));
        TextField filter = new TextField();
        filter.setId("positions-filter");
        filter.setPromptText("Filter instruments");
        filter.textProperty().bindBidirectional(model.filterProperty());
        Button close = new Button("Close…");
        close.setId("positions-close");
        close.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        close.setOnAction(e -> closeSelected());
        Button flatten = new Button("Flatten all…");
        flatten.setId("positions-flatten-all");
        flatten.getStyleClass().add("danger");
        flatten.setOnAction(e -> onFlattenAll.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Group by"), grouping, usd, filter, grow, close, flatten);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("tool-bar-row");

        MenuItem closeItem = new MenuItem("Close…");
        closeItem.setOnAction(e -> closeSelected());
        MenuItem ticket = new MenuItem("Order ticket…");
        ticket.setOnAction(e -> {
            TreeItem<PositionItem> sel = table.getSelectionModel().getSelectedItem();
            if (sel != null && !sel.getValue().row().group()) {
                onTicket.accept(sel.getValue().row());
            }
        });
        table.setContextMenu(new ContextMenu(closeItem, ticket));

        totals.setId("positions-totals");
        totals.getStyleClass().add("totals-bar");
        totals.setMaxWidth(Double.MAX_VALUE);
        setTop(bar);
        setCenter(table);
        setBottom(totals);
        model.groupsProperty().addListener((o, a, b) -> render(b));
        model.greeksInUsdProperty().addListener((o, a, b) -> {
            table.refresh();
            renderTotals(model.snapshotProperty().get());
        });
    }

    private void closeSelected() {
        TreeItem<PositionItem> sel = table.getSelectionModel().getSelectedItem();
        if (sel != null) {
            onClose.accept(sel.getValue().row().members());
        }
    }

    private void addColumns() {
        column("Instrument", 230, r -> (r.group() ? "" : "  ") + r.label(), null, false, null, "col-instrument");
        column("Side", 60, r -> r.side() == null ? "" : r.side() == io.coincalltrader.domain.order.Side.BUY ? "Long" : "Short", null, false, null, "col-side");
        column("Size", 70, r -> Formats.size(r.size()), null, true, r -> num(r.size()), "col-size");
        column("Avg USD", 90, r -> Formats.number(r.averagePrice(), 2), null, true, r -> num(r.averagePrice()), "col-avg");
        column("Mark USD", 90, r -> Formats.number(r.mark(), 2), null, true, r -> num(r.mark()), "col-mark");
        column("uPnL USD", 100, r -> Formats.signed(r.pnlUsd(), 2), r -> Formats.shown(r.pnlUsd(), 2), true, r -> num(r.pnlUsd()), "col-pnl");
        column("uPnL %", 70, r -> Formats.percent(r.pnlFraction(), 1), r -> Formats.shown(r.pnlFraction() * 100, 1), true, PositionRow::pnlFraction, "col-pnl-pct");
        column("Delta", 80, r -> greek(r, true, g -> usd() ? g.deltaUsd() : g.deltaCoin(), usd() ? 0 : 3), null, true,
                r -> usd() ? r.greeks().deltaUsd() : r.greeks().deltaCoin(), "col-delta");
        column("Gamma", 80, r -> greek(r, true, g -> usd() ? g.gammaUsd() : g.gammaCoin(), usd() ? 2 : 5), null, true,
                r -> usd() ? r.greeks().gammaUsd() : r.greeks().gammaCoin(), "col-gamma");
        column("Vega", 80, r -> greek(r, true, g -> usd() ? g.vegaUsd() : g.vegaCoin(), usd() ? 2 : 5), null, true,
                r -> usd() ? r.greeks().vegaUsd() : r.greeks().vegaCoin(), "col-vega");
        column("Theta/day", 80, r -> greek(r, true, g -> usd() ? g.thetaUsd() : g.thetaCoin(), usd() ? 2 : 5), null, true,
                r -> usd() ? r.greeks().thetaUsd() : r.greeks().thetaCoin(), "col-theta");
        column("IV", 60, r -> Double.isFinite(r.iv().get()) ? Formats.number(r.iv().get() * 100, 1) + "%" : "", null, true, r -> r.iv().get(), "col-iv");
        column("DTE", 55, r -> Formats.daysToExpiry(r.expiry(), model.clock().instant()), null, true,
                r -> r.expiry() == null ? Double.MAX_VALUE : r.expiry().toEpochMilli(), "col-dte");
    }

    private boolean usd() {
        return model.greeksInUsdProperty().get();
    }

    private static double num(BigDecimal v) {
        return v == null ? Double.NaN : v.doubleValue();
    }

    private static String greek(PositionRow r, boolean show, ToDoubleFunction<RiskGreeks> f, int decimals) {
        return show && r.greeks() != null ? Formats.number(f.applyAsDouble(r.greeks()), decimals) : "";
    }

    private void column(String title, double width, Function<PositionRow, String> text, Function<PositionRow, Number> sign,
                        boolean numeric, ToDoubleFunction<PositionRow> sortKey, String id) {
        TreeTableColumn<PositionItem, PositionItem> c = new TreeTableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().getValue()));
        c.setCellFactory(col -> new PositionCell(text, sign, numeric));
        if (sortKey != null) {
            c.setComparator(Comparator.comparingDouble(i -> {
                double v = sortKey.applyAsDouble(i.row());
                return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
            }));
        } else {
            c.setComparator(Comparator.comparing(i -> i.row().label()));
        }
        if (numeric) {
            c.getStyleClass().add(Styles.NUMERIC);
        }
        table.getColumns().add(c);
    }

    /** What one group put in the tree last time: reused whole when the group object is the same. */
    private record Rendered(PositionRows.Group group, TreeItem<PositionItem> top, List<String> keys) {
    }

    /**
     * Applies new groups: a group that is the same object as last time is reused whole (nothing in it moved);
     * others reuse their items by key with new rows; children lists change only when membership changed.
     */
    private void render(List<PositionRows.Group> groups) {
        List<TreeItem<PositionItem>> top = new ArrayList<>(groups.size());
        Map<String, Rendered> next = new HashMap<>(groups.size() * 2);
        boolean membershipChanged = false;
        for (PositionRows.Group g : groups) {
            String groupKey = g.header() != null ? g.header().key() : "alone:" + g.members().getFirst().key();
            Rendered before = rendered.get(groupKey);
            if (before != null && before.group() == g) {
                next.put(groupKey, before);
                top.add(before.top());
                continue;
            }
            List<String> keys = new ArrayList<>(g.members().size() + 1);
            TreeItem<PositionItem> item;
            if (g.header() == null) {
                PositionRow m = g.members().getFirst();
                item = item(m.key(), m, keys);
            } else {
                item = item(g.header().key(), g.header(), keys);
                List<TreeItem<PositionItem>> children = new ArrayList<>();
                for (PositionRow m : g.members()) {
                    children.add(item(g.header().key() + "/" + m.key(), m, keys));
                }
                if (!item.getChildren().equals(children)) {
                    item.getChildren().setAll(children);
                    membershipChanged = true;
                }
            }
            membershipChanged |= before == null || !before.keys().equals(keys);
            next.put(groupKey, new Rendered(g, item, keys));
            top.add(item);
        }
        membershipChanged |= next.size() != rendered.size();
        rendered = next;
        if (membershipChanged) {
            Set<String> live = new HashSet<>();
            next.values().forEach(r -> live.addAll(r.keys()));
            items.keySet().retainAll(live);
        }
        if (!table.getRoot().getChildren().equals(top)) {
            table.getRoot().getChildren().setAll(top);
        }
        // A sorted table re-sorts when lines come or go, and otherwise at most once a second as values move.
        long nowNanos = System.nanoTime();
        if (!table.getSortOrder().isEmpty() && (membershipChanged || nowNanos - lastSortNanos > 1_000_000_000L)) {
            lastSortNanos = nowNanos;
            table.sort();
        }
        renderTotals(model.snapshotProperty().get());
    }

    private TreeItem<PositionItem> item(String key, PositionRow row, List<String> keys) {
        keys.add(key);
        TreeItem<PositionItem> item = items.computeIfAbsent(key, k -> {
            TreeItem<PositionItem> t = new TreeItem<>(new PositionItem(k, row));
            t.setExpanded(true);
            return t;
        });
        item.getValue().set(row);
        return item;
    }

    private void renderTotals(PortfolioSnapshot s) {
        if (s == null) {
            totals.setText("");
            return;
        }
        BigDecimal pnl = s.positions().stream().map(PositionRisk::unrealizedPnl).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        RiskGreeks g = s.accountGreeks();
        totals.setText("Account  ·  " + s.positions().size() + " positions  ·  uPnL " + Formats.signed(pnl, 2) + " USD  ·  Delta "
                + Formats.signed(g.deltaUsd(), 0) + " USD  ·  Gamma " + Formats.signed(g.gammaUsd(), 2) + " USD  ·  Vega "
                + Formats.signed(g.vegaUsd(), 2) + " USD  ·  Theta " + Formats.signed(g.thetaUsd(), 2) + " USD/day");
        Styles.sign(totals, Formats.shown(pnl, 2));
    }

    public TreeTableView<PositionItem> table() {
        return table;
    }
}
