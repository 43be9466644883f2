package io.coincalltrader.ui.orders;

import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.engine.order.TrackedOrder;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.TextCell;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Open orders (or all of this session): cancel, amend price or size. */
public final class OrdersView extends BorderPane {
    private final OrdersViewModel model;
    private final TableView<TrackedOrder> table = new TableView<>();
    private final Label message = new Label();
    private final Consumer<String> notify;

    public OrdersView(OrdersViewModel model, Consumer<String> notify) {
        this.model = model;
        this.notify = notify;
        setId("orders");
        table.setId("orders-table");
        table.setItems(model.orders());
        table.setPlaceholder(new Label("No open orders"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col("Time", 70, o -> Formats.time(o.updatedAt()), false);
        col("Instrument", 200, o -> o.request().symbol(), false);
        col("Side", 50, o -> o.request().side().name(), false);
        col("Type", 70, o -> o.request().type().name() + (o.request().timeInForce() == null ? "" : " " + o.request().timeInForce()), false);
        col("Size", 60, o -> Formats.size(o.request().quantity()), true);
        col("Filled", 60, o -> Formats.size(o.filledQuantity()), true);
        col("Price USD", 90, o -> Formats.number(o.request().price(), 2), true);
        col("Avg USD", 90, o -> Formats.number(o.averagePrice(), 2), true);
        col("State", 120, o -> o.state().name().replace('_', ' ') + (o.rejectMessage() == null ? "" : ": " + o.rejectMessage()), false);
        col("Client id", 130, o -> Long.toString(o.clientOrderId()), true);

        Button cancel = new Button("Cancel order");
        cancel.setId("orders-cancel");
        Button amend = new Button("Amend…");
        amend.setId("orders-amend");
        cancel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        amend.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> onCancel());
        amend.setOnAction(e -> onAmend());
        CheckBox finished = new CheckBox("Show finished");
        finished.setId("orders-show-finished");
        finished.selectedProperty().bindBidirectional(model.showFinishedProperty());
        message.setId("orders-message");
        message.getStyleClass().add("muted");
        HBox bar = new HBox(8, cancel, amend, finished, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);
        setCenter(table);
    }

    private void col(String title, double width, Function<TrackedOrder, String> text, boolean numeric) {
        TableColumn<TrackedOrder, TrackedOrder> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
        c.setCellFactory(x -> new TextCell<>(text, null, numeric));
        table.getColumns().add(c);
    }

    private void onCancel() {
        TrackedOrder o = table.getSelectionModel().getSelectedItem();
        if (o == null) {
            return;
        }
        message.setText("Cancelling " + o.clientOrderId() + "…");
        model.cancel(o).whenComplete((r, e) -> Platform.runLater(() ->
                message.setText(e == null ? "Cancel sent for " + o.clientOrderId() + "; the exchange confirms it" : "Cancel refused: " + why(e))));
    }

    private void onAmend() {
        TrackedOrder o = table.getSelectionModel().getSelectedItem();
        if (o == null || o.state() == OrderState.IN_DOUBT) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Amend order " + o.clientOrderId());
        d.setHeaderText(o.request().side() + " " + o.request().symbol());
        TextField price = new TextField(o.request().price() == null ? "" : o.request().price().toPlainString());
        price.setId("amend-price");
        TextField size = new TextField(o.request().quantity().toPlainString());
        size.setId("amend-size");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Price USD"), price);
        g.addRow(1, new Label("Size"), size);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> r = d.showAndWait();
        if (r.isEmpty() || r.get() != ButtonType.OK) {
            return;
        }
        BigDecimal p;
        BigDecimal q;
        try {
            p = new BigDecimal(price.getText().trim());
            q = new BigDecimal(size.getText().trim());
        } catch (NumberFormatException e) {
            message.setText("Amend not sent: price and size must be numbers");
            return;
        }
        message.setText("Amending " + o.clientOrderId() + "…");
        model.amend(o, q, p).whenComplete((x, e) -> Platform.runLater(() -> {
            String text = e == null ? "Amended " + o.clientOrderId() + " to " + Formats.size(q) + " @ " + p.toPlainString() : "Amend refused: " + why(e);
            message.setText(text);
            notify.accept(text);
        }));
    }

    static String why(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof ExchangeException x ? x.traderMessage() : t.getMessage();
    }

    public TableView<TrackedOrder> table() {
        return table;
    }
}
