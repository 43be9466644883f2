package io.coincalltrader.ui.close;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.execution.ExecutionMode;
import io.coincalltrader.engine.execution.ExecutionResult;
import io.coincalltrader.engine.execution.ExecutionService;
import io.coincalltrader.store.Cause;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.Styles;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Close…": shows what will be sent (legs, sides, sizes, expected price from mark, P&L if filled), lets the trader
 * choose the execution mode, asks for a confirmation (the send button arms, a second click sends), then shows the
 * execution's progress until it is done or failed. The journal keeps the result.
 */
public final class CloseWindow {
    private final Stage stage = new Stage();
    private final ClosePlan plan;
    private final ExecutionService executions;
    private final ToggleGroup modes = new ToggleGroup();
    private final Button send = new Button();
    private final Button stop = new Button("Stop");
    private final Label status = new Label();
    private final ListView<String> progress = new ListView<>(FXCollections.observableArrayList());
    private final Consumer<ExecutionResult> onResult;
    private boolean armed;
    private ExecutionService.Execution running;

    public CloseWindow(Window owner, ClosePlan plan, ExecutionService executions, Consumer<ExecutionResult> onResult) {
        this.plan = plan;
        this.executions = executions;
        this.onResult = onResult;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Close " + plan.label());
        BorderPane root = new BorderPane();
        root.setId("close-window");
        root.setPadding(new Insets(12));
        root.setTop(header());
        root.setCenter(new VBox(12, legs(), modeChoice(), progress));
        root.setBottom(buttons());
        progress.setId("close-progress");
        progress.setPrefHeight(120);
        progress.setPlaceholder(new Label("Progress appears here once sent"));
        Scene scene = new Scene(root, 760, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        disarm();
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private Label header() {
        Label h = new Label("Close " + plan.label() + ": " + plan.legs().size() + " leg(s). Expected P&L if filled at mark: "
                + Formats.signed(plan.pnlIfFilled(), 2) + " USD");
        h.setId("close-summary");
        h.getStyleClass().add("dialog-header");
        Styles.sign(h, Formats.shown(plan.pnlIfFilled(), 2));
        return h;
    }

    private GridPane legs() {
        GridPane g = new GridPane();
        g.setId("close-legs");
        g.setHgap(16);
        g.setVgap(4);
        String[] heads = {"Instrument", "Send", "Size", "Expected price USD", "P&L if filled USD"};
        for (int i = 0; i < heads.length; i++) {
            Label l = new Label(heads[i]);
            l.getStyleClass().add("muted");
            g.add(l, i, 0);
        }
        int row = 1;
        for (ClosePlan.Leg leg : plan.legs()) {
            Label side = new Label(leg.order().side() == Side.BUY ? "Buy back" : "Sell");
            Label pnl = numeric(Formats.signed(leg.pnlIfFilled(), 2));
            Styles.sign(pnl, Formats.shown(leg.pnlIfFilled(), 2));
            g.addRow(row++, new Label(leg.order().symbol()), side, numeric(Formats.size(leg.order().quantity())),
                    numeric(Formats.number(leg.expectedPrice(), 2)), pnl);
        }
        Label cash = numeric("Net cash at mark: " + Formats.signed(plan.cashAtMark(), 2) + " USD");
        g.add(cash, 0, row, 5, 1);
        GridPane.setHalignment(cash, HPos.RIGHT);
        for (int i = 0; i < heads.length; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(i >= 2 ? HPos.RIGHT : HPos.LEFT);
            g.getColumnConstraints().add(c);
        }
        return g;
    }

    private static Label numeric(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.NUMERIC);
        return l;
    }

    private VBox modeChoice() {
        RadioButton limit = mode("Limit at mid, requoted towards the other side every 5 s (60 s, then the rest is cancelled)", ExecutionMode.LIMIT, "close-mode-limit");
        RadioButton aggressive = mode("Aggressive: immediate-or-cancel inside ±5% of mark", ExecutionMode.AGGRESSIVE, "close-mode-aggressive");
        RadioButton rfq = mode("RFQ: the whole close as one block trade, best quote inside ±5% of the package mark", ExecutionMode.RFQ, "close-mode-rfq");
        Optional<String> refusal = plan.rfqRefusal();
        refusal.ifPresent(why -> {
            rfq.setDisable(true);
            rfq.setText(rfq.getText() + " — " + why);
        });
        limit.setSelected(true);
        modes.selectedToggleProperty().addListener((o, a, b) -> disarm());
        Label title = new Label("Execution");
        title.getStyleClass().add("muted");
        return new VBox(6, title, limit, aggressive, rfq);
    }

    private RadioButton mode(String text, ExecutionMode m, String id) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setUserData(m);
        b.setToggleGroup(modes);
        return b;
    }

    private HBox buttons() {
        send.setId("close-send");
        send.setDefaultButton(false);
        send.setOnAction(e -> onSend());
        stop.setId("close-stop");
        stop.setDisable(true);
        stop.setOnAction(e -> {
            if (running != null) {
                running.stop();
                status.setText("Stopping: cancelling what is open…");
            }
        });
        Button dismiss = new Button("Close window");
        dismiss.setId("close-dismiss");
        dismiss.setCancelButton(true);
        dismiss.setOnAction(e -> stage.close());
        status.setId("close-status");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox box = new HBox(8, status, grow, stop, send, dismiss);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private void disarm() {
        armed = false;
        send.setText("Send close…");
        send.pseudoClassStateChanged(Styles.CONFIRM, false);
    }

    private void onSend() {
        if (running != null) {
            return;
        }
        if (!armed) {
            armed = true;
            send.setText("Confirm: send " + plan.legs().size() + " leg(s)");
            send.pseudoClassStateChanged(Styles.CONFIRM, true);
            status.setText("Click again to send, or change the mode");
            return;
        }
        ExecutionMode mode = (ExecutionMode) modes.getSelectedToggle().getUserData();
        running = executions.submit(plan.plan(mode), Cause.USER);
        send.setDisable(true);
        stop.setDisable(false);
        modes.getToggles().forEach(t -> ((RadioButton) t).setDisable(true));
        status.setText("Working (" + mode.name().toLowerCase() + ")…");
        running.onProgress(p -> Platform.runLater(() -> progress.getItems().add(Formats.time(p.at()) + "  " + p.step())));
        running.result().whenComplete((r, e) -> Platform.runLater(() -> {
            stop.setDisable(true);
            if (e != null) {
                status.setText("Failed: " + e.getMessage());
                return;
            }
            status.setText(r.status() + ": " + r.message());
            Styles.sign(status, r.status() == ExecutionResult.Status.FILLED ? 1 : r.status() == ExecutionResult.Status.EXPOSED
                    || r.status() == ExecutionResult.Status.FAILED ? -1 : 0);
            onResult.accept(r);
        }));
    }
}
