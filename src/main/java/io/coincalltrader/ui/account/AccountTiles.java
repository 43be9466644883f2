package io.coincalltrader.ui.account;

import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import io.coincalltrader.engine.portfolio.RiskGreeks;
import io.coincalltrader.engine.risk.MarginMonitor;
import io.coincalltrader.store.AccountSnapshot;
import io.coincalltrader.ui.common.Formats;
import javafx.geometry.Insets;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.TilePane;
import javafx.scene.paint.Color;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The account at a glance (TilesFX): equity, available balance, maintenance-margin usage on a gauge with warn and
 * critical sections, net Greeks, today's P&L and the equity curve from stored snapshots.
 */
public final class AccountTiles extends TilePane {
    private static final Color UP = Color.web("#3fb950");
    private static final Color DOWN = Color.web("#f85149");
    private static final Color NEUTRAL = Color.web("#e6edf3");
    private static final double W = 226;
    private static final double H = 150;

    private final Tile equity = number("Equity", "USD", "equity");
    private final Tile available = number("Available", "USD", "available");
    private final Tile todaysPnl = number("Today's P&L", "USD", "today-pnl");
    private final Tile margin;
    private final Tile greeks;
    private final Tile curve;
    private final Label delta = greekLabel("greek-delta");
    private final Label gamma = greekLabel("greek-gamma");
    private final Label vega = greekLabel("greek-vega");
    private final Label theta = greekLabel("greek-theta");
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();
    private BigDecimal dayOpenEquity;
    private LocalDate day;

    public AccountTiles(BigDecimal warn, BigDecimal critical) {
        setId("account-tiles");
        setPrefColumns(1);
        setHgap(8);
        setVgap(8);
        setPadding(new Insets(8));
        double w = warn.doubleValue() * 100;
        double c = critical.doubleValue() * 100;
        margin = TileBuilder.create().skinType(Tile.SkinType.GAUGE).prefSize(W, H).title("Maintenance margin").unit("%")
                .minValue(0).maxValue(100).decimals(1).threshold(w).thresholdVisible(false)
                .sections(new Section(0, w, Color.web("#3fb95055")), new Section(w, c, Color.web("#d2992288")),
                        new Section(c, 100, Color.web("#f8514999")))
                .sectionsVisible(true).highlightSections(true).animated(false).build();
        margin.setId("tile-margin");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        grid.addRow(0, caption("Delta"), delta);
        grid.addRow(1, caption("Gamma"), gamma);
        grid.addRow(2, caption("Vega"), vega);
        grid.addRow(3, caption("Theta/day"), theta);
        greeks = TileBuilder.create().skinType(Tile.SkinType.CUSTOM).prefSize(W, H).title("Net Greeks (USD)").graphic(grid)
                .animated(false).build();
        greeks.setId("tile-greeks");
        series.setName("Equity");
        curve = TileBuilder.create().skinType(Tile.SkinType.SMOOTHED_CHART).prefSize(W, H).title("Equity curve (USD)")
                .smoothing(false).animated(false).series(List.of(series)).build();
        curve.setId("tile-equity-curve");
        getChildren().addAll(equity, available, margin, todaysPnl, greeks, curve);
    }

    private static Tile number(String title, String unit, String id) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.NUMBER).prefSize(W, H).title(title).unit(unit).decimals(2)
                .animated(false).build();
        t.setId("tile-" + id);
        return t;
    }

    private static Label greekLabel(String id) {
        Label l = new Label(Formats.DASH);
        l.setId(id);
        l.getStyleClass().addAll("tile-greek", "numeric");
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("tile-caption");
        return l;
    }

    /** A new snapshot (FX thread, at most once per frame). */
    public void accept(PortfolioSnapshot s) {
        AccountSummary a = s.account();
        equity.setValue(a.equity().doubleValue());
        available.setValue(a.availableMargin().doubleValue());
        available.setDescription("initial margin " + Formats.number(a.initialMargin(), 0) + " USD");
        margin.setValue(MarginMonitor.usage(a).doubleValue() * 100);
        RiskGreeks g = s.accountGreeks();
        delta.setText(Formats.signed(g.deltaUsd(), 0));
        gamma.setText(Formats.signed(g.gammaUsd(), 2));
        vega.setText(Formats.signed(g.vegaUsd(), 2));
        theta.setText(Formats.signed(g.thetaUsd(), 2));
        LocalDate today = LocalDate.ofInstant(s.time(), ZoneOffset.UTC);
        if (dayOpenEquity == null || !today.equals(day)) {
            dayOpenEquity = a.equity();
            day = today;
        }
        BigDecimal pnl = a.equity().subtract(dayOpenEquity);
        todaysPnl.setValue(pnl.doubleValue());
        todaysPnl.setValueColor(pnl.signum() > 0 ? UP : pnl.signum() < 0 ? DOWN : NEUTRAL);
        todaysPnl.setDescription("since 00:00 UTC");
        addPoint(s.time(), a.equity());
    }

    /** Stored snapshots (the equity curve's history; also today's opening equity when one is from today). */
    public void history(List<AccountSnapshot> snapshots, Instant now) {
        series.getData().clear();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (AccountSnapshot s : snapshots) {
            addPoint(s.time(), s.equity());
            if (LocalDate.ofInstant(s.time(), ZoneOffset.UTC).equals(today) && (day == null || !day.equals(today) || dayOpenEquity == null)) {
                dayOpenEquity = s.equity();
                day = today;
            }
        }
    }

    private void addPoint(Instant t, BigDecimal value) {
        String label = Formats.time(t).substring(0, 5);
        List<XYChart.Data<String, Number>> data = series.getData();
        if (!data.isEmpty() && data.getLast().getXValue().equals(label)) {
            data.getLast().setYValue(value.doubleValue());
            return;
        }
        data.add(new XYChart.Data<>(label, value.doubleValue()));
        if (data.size() > 120) {
            data.removeFirst();
        }
        // The smoothed line needs three points; with fewer it is drawn straight.
        curve.setSmoothing(data.size() >= 3);
    }

    /** New warn and critical thresholds (fractions of equity) for the gauge's sections. */
    public void thresholds(BigDecimal warn, BigDecimal critical) {
        double w = warn.doubleValue() * 100;
        double c = critical.doubleValue() * 100;
        margin.setSections(new Section(0, w, Color.web("#3fb95055")), new Section(w, c, Color.web("#d2992288")),
                new Section(c, 100, Color.web("#f8514999")));
    }
}
