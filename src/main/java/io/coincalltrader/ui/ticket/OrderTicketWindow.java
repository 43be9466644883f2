package io.coincalltrader.ui.ticket;

import io.coincalltrader.domain.order.OrderType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.market.InstrumentLookup;
import io.coincalltrader.engine.market.InstrumentQuote;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.SideToggle;
import io.coincalltrader.ui.common.Styles;
import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

import java.util.Optional;
import java.util.concurrent.Executor;

/** The order ticket window: one instrument, validated at each field, sent through the engine. */
public final class OrderTicketWindow {
    private final Stage stage = new Stage();
    private final OrderTicketViewModel model;
    private final InstrumentLookup lookup;
    private final Executor io;
    private final TextField instrument = new TextField();
    private final Label quoteLine = new Label();
    private final ValidationSupport validation = new ValidationSupport();
    private final Button send = new Button();
    private boolean armed;
    private final javafx.animation.Timeline refresher;
    private volatile boolean loading;

    public OrderTicketWindow(Window owner, OrderTicketViewModel model, InstrumentLookup lookup, Executor io) {
        this.model = model;
        this.lookup = lookup;
        this.io = io;
        stage.initOwner(owner);
        stage.setTitle("Order ticket");
        instrument.setId("ticket-instrument");
        instrument.setPromptText("e.g. BTCUSD-27MAR26-100000-C, BTCUSD, BTCUSDT");
        instrument.textProperty().bindBidirectional(model.symbolProperty());
        instrument.setOnAction(e -> load());
        instrument.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                load();
            }
        });
        quoteLine.setId("ticket-quote");
        quoteLine.getStyleClass().add("muted");
        quoteLine.setWrapText(true);
        quoteLine.setMaxWidth(420);

        SideToggle sides = new SideToggle("ticket", model.sideProperty());
        ChoiceBox<OrderType> type = new ChoiceBox<>();
        type.setId("ticket-type");
        type.getItems().setAll(OrderTicketViewModel.typesFor(model.symbolProperty().get()));
        type.valueProperty().bindBidirectional(model.typeProperty());
        model.symbolProperty().addListener((o, a, b) -> {
            OrderType keep = type.getValue();
            type.getItems().setAll(OrderTicketViewModel.typesFor(b));
            type.setValue(type.getItems().contains(keep) ? keep : OrderType.LIMIT);
        });
        TextField size = new TextField();
        size.setId("ticket-size");
        size.textProperty().bindBidirectional(model.sizeProperty());
        TextField price = new TextField();
        price.setId("ticket-price");
        price.textProperty().bindBidirectional(model.priceProperty());
        price.disableProperty().bind(model.typeProperty().isEqualTo(OrderType.MARKET));

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Instrument" and "Price USD" never clip
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        g.addRow(0, new Label("Instrument"), instrument);
        g.add(quoteLine, 1, 1);
        g.add(problem("ticket-instrument-problem", model.instrumentProblemProperty()), 1, 2);
        g.addRow(3, new Label("Side"), sides);
        g.addRow(4, new Label("Type"), type);
        g.addRow(5, new Label("Size"), size);
        g.add(problem("ticket-size-problem", model.sizeProblemProperty()), 1, 6);
        g.addRow(7, new Label("Price USD"), price);
        g.add(problem("ticket-price-problem", model.priceProblemProperty()), 1, 8);
        g.add(problem("ticket-account-problem", model.accountProblemProperty()), 1, 9);

        send.setId("ticket-send");
        send.setDefaultButton(true);
        send.disableProperty().bind(model.sendableProperty().not());
        send.setOnAction(e -> onSend());
        disarm();
        // Any change to the order disarms the button: what is confirmed is what is sent.
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.symbolProperty(), model.sideProperty(), model.typeProperty(),
                model.sizeProperty(), model.priceProperty()}) {
            o.addListener(x -> disarm());
        }
        Label status = new Label();
        status.setId("ticket-status");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        VBox root = new VBox(12, g, new HBox(8, send), status);
        root.setPadding(new Insets(14));
        root.setId("order-ticket");
        ((HBox) root.getChildren().get(1)).setAlignment(Pos.CENTER_RIGHT);
        Scene scene = new Scene(root, 600, 440);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        validation.setValidationDecorator(new StyleClassValidationDecoration());
        stage.setOnShown(e -> {
            decorate(size, model.sizeProblemProperty());
            decorate(price, model.priceProblemProperty());
            decorate(instrument, model.instrumentProblemProperty());
        });
        if (!model.symbolProperty().get().isBlank()) {
            load();
        }
        // Marks age: the quote is refreshed every 2 s while the ticket is open, so the band and stale-mark checks
        // judge the price against the market now.
        refresher = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(2), e -> {
            if (model.quoteProperty().get() != null && !loading) {
                load();
            }
        }));
        refresher.setCycleCount(javafx.animation.Animation.INDEFINITE);
        stage.setOnHidden(e -> refresher.stop());
        refresher.play();
    }

    private void decorate(Control c, ObservableStringValue problem) {
        validation.registerValidator(c, false, (Control x, Object v) -> ValidationResult.fromMessageIf(x, problem.get(), Severity.ERROR,
                problem.get() != null));
        problem.addListener((o, a, b) -> validation.revalidate(c));
    }

    private static Label problem(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-problem");
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMaxWidth(380);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private void load() {
        String s = instrument.getText() == null ? "" : instrument.getText().trim();
        if (s.isEmpty()) {
            return;
        }
        if (model.quoteProperty().get() == null || !model.quoteProperty().get().instrument().symbol().equals(s)) {
            quoteLine.setText("Loading " + s + "…");
        }
        loading = true;
        io.execute(() -> {
            Optional<InstrumentQuote> q;
            String problem = null;
            try {
                q = lookup.find(s);
            } catch (ExchangeException e) {
                q = Optional.empty();
                problem = "Cannot read " + s + ": " + e.traderMessage();
            } catch (RuntimeException e) {
                q = Optional.empty();
                problem = e.getMessage();
            }
            Optional<InstrumentQuote> found = q;
            String why = problem;
            Platform.runLater(() -> {
                loading = false;
                if (!s.equals(instrument.getText() == null ? "" : instrument.getText().trim())) {
                    return; // the trader typed another instrument meanwhile
                }
                model.loaded(found, why);
                quoteLine.setText(found.map(x -> "Mark " + Formats.number(x.mark(), 2) + " · Bid " + Formats.number(x.bid(), 2) + " · Ask "
                        + Formats.number(x.ask(), 2) + " USD · tick " + Formats.size(x.instrument().spec().tickSize()) + " · min size "
                        + Formats.size(x.instrument().spec().minSize())).orElse(""));
            });
        });
    }

    private void disarm() {
        armed = false;
        send.setText("Send order…");
        send.pseudoClassStateChanged(Styles.CONFIRM, false);
    }

    /** The first click arms (the button says exactly what will be sent), the second sends: a double click sends one order. */
    private void onSend() {
        if (!armed) {
            armed = true;
            send.setText("Confirm: " + model.sideProperty().get() + " " + model.sizeProperty().get().trim() + " "
                    + model.symbolProperty().get().trim() + (model.typeProperty().get() == OrderType.MARKET ? " at market"
                    : " @ " + model.priceProperty().get().trim()));
            send.pseudoClassStateChanged(Styles.CONFIRM, true);
            return;
        }
        disarm();
        model.send().whenComplete((o, e) -> Platform.runLater(() -> {
            if (e != null) {
                Throwable t = e.getCause() != null ? e.getCause() : e;
                model.setStatus("Not sent: " + (t instanceof ExchangeException x ? x.traderMessage() : t.getMessage()));
            } else {
                model.setStatus("Order " + o.clientOrderId() + ": " + o.state().name().replace('_', ' ')
                        + (o.rejectMessage() != null ? " — " + o.rejectMessage() : ""));
            }
        }));
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }
}
