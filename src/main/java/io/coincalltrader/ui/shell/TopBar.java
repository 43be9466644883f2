package io.coincalltrader.ui.shell;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.engine.risk.MarginMonitor;
import io.coincalltrader.engine.session.ConnectionHealth;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.util.Locale;

/** The strip across the top: mode badge, connection and round-trip time, equity, uPnL and margin usage. */
public final class TopBar extends HBox {
    private final Label connection = new Label("Connecting…");
    private final Label latency = value("–", "top-latency");
    private final Label equity = value("–", "top-equity");
    private final Label pnl = value("–", "top-upnl");
    private final Label margin = value("–", "top-margin");
    private final javafx.scene.control.Button acknowledge = new javafx.scene.control.Button("Acknowledge margin alert");

    private final Label badge = new Label();

    public TopBar(String mode) {
        setId("top-bar");
        getStyleClass().add(Styles.TOP_BAR);
        badge.setId("mode-badge");
        mode(mode);
        Label product = new Label("CoincallTrader");
        product.getStyleClass().add("top-value");
        connection.setId("top-connection");
        connection.getStyleClass().add("connection");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        acknowledge.setId("top-margin-ack");
        acknowledge.setVisible(false);
        acknowledge.setManaged(false);
        acknowledge.setOnAction(e -> marginCritical(false));
        getChildren().addAll(badge, product, connection, latency, grow, acknowledge, block("Equity", equity), block("Unrealised P&L", pnl),
                block("Maintenance margin", margin));
    }

    /** PAPER, TESTNET or LIVE, each in its own colour. */
    public void mode(String mode) {
        badge.setText(mode);
        badge.getStyleClass().setAll("label", Styles.MODE_BADGE, mode.toLowerCase(Locale.ROOT));
        equity.setText("–");
        pnl.setText("–");
        margin.setText("–");
        health(io.coincalltrader.engine.session.ConnectionHealth.connecting());
    }

    /** Margin critical turns the bar red until the trader acknowledges it. */
    public void marginCritical(boolean on) {
        pseudoClassStateChanged(Styles.CRITICAL, on);
        acknowledge.setVisible(on);
        acknowledge.setManaged(on);
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().addAll("top-value", Styles.NUMERIC);
        return l;
    }

    private static VBox block(String caption, Label value) {
        Label c = new Label(caption);
        c.getStyleClass().add("top-caption");
        VBox b = new VBox(0, c, value);
        b.setMinWidth(120);
        return b;
    }

    public void health(ConnectionHealth h) {
        connection.setText(switch (h.state()) {
            case CONNECTING -> "Connecting…";
            case UP -> "● Connected";
            case DEGRADED -> "● Slow" + (h.problem() == null ? "" : ": " + h.problem());
            case DOWN -> "● Disconnected" + (h.problem() == null ? "" : ": " + h.problem());
        });
        connection.pseudoClassStateChanged(Styles.UP, h.state() == ConnectionHealth.State.UP);
        connection.pseudoClassStateChanged(Styles.WARN, h.state() == ConnectionHealth.State.DEGRADED);
        connection.pseudoClassStateChanged(Styles.DOWN, h.state() == ConnectionHealth.State.DOWN);
        latency.setText(h.roundTripMillis() < 0 ? "–" : h.roundTripMillis() + " ms");
    }

    public void failed(String why) {
        connection.setText("● Not connected: " + why);
        connection.pseudoClassStateChanged(Styles.DOWN, true);
    }

    public void account(AccountSummary a) {
        equity.setText(Formats.number(a.equity(), 2) + " USD");
        pnl.setText(Formats.signed(a.unrealizedPnl(), 2) + " USD");
        Styles.sign(pnl, Formats.shown(a.unrealizedPnl(), 2));
        BigDecimal usage = MarginMonitor.usage(a);
        margin.setText(Formats.number(usage.movePointRight(2), 1) + "%");
    }
}
