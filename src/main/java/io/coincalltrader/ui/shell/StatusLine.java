package io.coincalltrader.ui.shell;

import io.coincalltrader.engine.session.ConnectionHealth;
import io.coincalltrader.ui.common.Formats;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/** The status bar (ControlsFX): connection, age of the last update, engine state, and the alerts raised. */
public final class StatusLine extends StatusBar {
    private final Label age = new Label("no data yet");
    private final Label engine = new Label("Engine: starting");
    private final Button alertsButton = new Button("No alerts");
    private final Timeline ticker;
    private final Clock clock;
    private Supplier<Instant> lastUpdate = () -> null;

    public StatusLine(Alerts alerts, Clock clock) {
        this.clock = clock;
        setId("status-bar");
        setText("Connecting…");
        age.setId("status-age");
        engine.setId("status-engine");
        alertsButton.setId("status-alerts");
        getRightItems().addAll(age, new Separator(javafx.geometry.Orientation.VERTICAL), engine,
                new Separator(javafx.geometry.Orientation.VERTICAL), alertsButton);
        alerts.entries().addListener((javafx.collections.ListChangeListener<String>) c ->
                alertsButton.setText(alerts.entries().isEmpty() ? "No alerts" : alerts.entries().size() + " alert(s) — latest: "
                        + shorten(alerts.entries().getFirst())));
        alertsButton.setOnAction(e -> {
            ListView<String> list = new ListView<>(alerts.entries());
            list.setPrefSize(640, 260);
            list.setId("alerts-list");
            Popup p = new Popup();
            p.setAutoHide(true);
            p.getContent().add(list);
            var b = alertsButton.localToScreen(alertsButton.getBoundsInLocal());
            p.show(alertsButton, b.getMaxX() - 640, b.getMinY() - 270);
        });
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshAge()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private static String shorten(String s) {
        return s.length() > 70 ? s.substring(0, 69) + "…" : s;
    }

    public void ageSource(Supplier<Instant> source) {
        this.lastUpdate = source;
        refreshAge();
    }

    private void refreshAge() {
        Instant t = lastUpdate.get();
        age.setText(t == null ? "no data yet" : "Positions updated " + Formats.age(java.time.Duration.between(t, clock.instant())) + " ago");
    }

    public void health(ConnectionHealth h) {
        setText(switch (h.state()) {
            case CONNECTING -> "Connecting…";
            case UP -> "Connected · " + h.roundTripMillis() + " ms round trip";
            case DEGRADED -> "Slow link · " + (h.problem() != null ? h.problem() : h.roundTripMillis() + " ms round trip");
            case DOWN -> "Disconnected · " + (h.problem() == null ? "" : h.problem()) + (h.lastAnswer() == null ? ""
                    : " · last answer " + Formats.time(h.lastAnswer()) + " UTC");
        });
    }

    public void engine(String state) {
        engine.setText("Engine: " + state);
    }

    public void stop() {
        ticker.stop();
    }
}
