package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.engine.execution.ExecutionLeg;
import io.coincalltrader.engine.execution.ExecutionParams;
import io.coincalltrader.engine.execution.ExecutionPlan;
import io.coincalltrader.engine.execution.ExecutionResult;
import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import io.coincalltrader.engine.rfq.RfqTaker;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.store.Cause;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.FramePump;
import io.coincalltrader.ui.common.LayoutIsland;
import io.coincalltrader.ui.common.SideToggle;
import io.coincalltrader.ui.common.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The RFQ ticket: build a structure (template or leg by leg, strikes from the chain or by target delta), see its
 * package figures, scenarios and the notional check, send the RFQ, watch the live quote ladder and click a quote to
 * trade (arm, then confirm). Market reads and every exchange call run off the FX thread; updates arrive through a
 * frame pump, one per frame.
 */
public final class RfqTicketWindow {

    /** Where the ticket keeps presets and recent structures (the UI settings). */
    public interface Memory {
        String get(String key);

        void put(String key, String value);
    }

    /** Latency probes for the benchmark: when a quote update became visible, and when a confirm click happened. */
    public interface Probe {
        /** The pulse that shows the update ran CSS from {@code pulseNanos} and finished its layout at {@code visibleNanos}. */
        void quoteVisible(long changedNanos, long pulseNanos, long visibleNanos);

        void confirmClicked(long nanos);

        /** The quote update was applied to the view model (as soon as the FX thread was free, or at a pulse). */
        default void quoteApplied(long changedNanos, long appliedNanos) {
        }

        /** The accept was handed to the engine (the FX thread's part of a confirm click is over). */
        default void acceptDispatched(long nanos) {
        }
    }

    private final Stage stage = new Stage();
    private final RfqTicketViewModel model;
    private final TradingSession session;
    private final Memory memory;
    private final Consumer<String> notify;
    private final FramePump pump = new FramePump();
    private final RfqTicketFeed feed;
    private final Subscription rfqUpdates;
    private final Subscription bookUpdates;
    private final Timeline clock;
    private final TableView<TicketLeg> legsTable = new TableView<>();
    private final GridPane packageGrid = new GridPane();
    private final LabelGrid packageCells = new LabelGrid(packageGrid);
    private final GridPane spotVolGrid = new GridPane();
    private final GridPane spotDaysGrid = new GridPane();
    private final Label preview = new Label();
    private final ComboBox<StructurePresets.Preset> presets = new ComboBox<>();
    private final MenuButton recent = new MenuButton("Recent");
    private final Label marketProblem = new Label();
    private volatile Probe probe;
    private long pendingVisible;
    /**
     * What the structure's controls follow: the view model's lock, except that an unlock waits for the frame after the
     * one that shows the RFQ's end. Re-enabling the builder restyles some twenty controls, a few milliseconds of CSS
     * that the frame showing the fill (or cancel, expiry) should not have to wait for.
     */
    private final BooleanProperty builderLocked = new SimpleBooleanProperty();
    private boolean unlockAfterPulse;
    private long pulseStarted;

    public RfqTicketWindow(Window owner, TradingSession session, Supplier<RfqTicketViewModel.Guards> guards, Memory memory, Consumer<String> notify) {
        this.session = session;
        this.memory = memory;
        this.notify = notify;
        this.model = new RfqTicketViewModel(session.rfqs(), guards, session.clock());
        stage.initOwner(owner);
        stage.setTitle("RFQ ticket — block trade");

        // Market figures and the book re-price the whole ticket (package, scenarios, previews): they wait a frame
        // rather than hold up an arriving quote (FramePump.background).
        FramePump.Latest<RfqTicketViewModel.Market> markets = pump.background(model::market);
        FramePump.Latest<String> problems = pump.background(p -> marketProblem.setText(p)); // comes with each market read
        // A quote is applied as soon as the FX thread is free, while the pulse that shows it is still coming.
        FramePump.Latest<RfqTaker.Live> lives = pump.prompt(l -> {
            long applied = System.nanoTime();
            if (model.rfq(l)) {
                pendingVisible = l.changedNanos();
                Probe p = probe;
                if (p != null) {
                    p.quoteApplied(l.changedNanos(), applied);
                }
            }
        });
        FramePump.Latest<PortfolioSnapshot> books = pump.background(model::book);
        feed = new RfqTicketFeed(session.gateway().market(),
                coin -> session.market() == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(session.market().indexPrices().get(coin)),
                session.clock(), m -> {
            markets.offer(m);
            problems.offer("");
        }, problems::offer);
        // Only this ticket's RFQ goes into its newest-wins channel: another ticket's update must not replace it.
        rfqUpdates = session.rfqs().onUpdate(l -> {
            RfqTicketViewModel.Sent mine = model.sentRfq();
            if (mine != null && mine.requestId().equals(l.requestId())) {
                lives.offer(l);
            }
        });
        bookUpdates = session.positions() == null ? () -> { } : session.positions().onSnapshot(books::offer);
        if (session.positions() != null && session.positions().latest() != null) {
            books.offer(session.positions().latest());
        }

        model.lockedProperty().addListener((o, was, locked) -> {
            unlockAfterPulse = !locked;
            if (locked) {
                builderLocked.set(true); // at once: nothing may edit the structure of an RFQ that is out
            } else {
                Platform.requestNextPulse();
            }
        });
        builderLocked.set(model.lockedProperty().get());

        BorderPane root = new BorderPane();
        root.setId("rfq-ticket");
        root.setPadding(new Insets(10));
        VBox left = new VBox(8, header(), legsPane(), sizePane());
        VBox right = new VBox(8, packagePane(), scenarioPane());
        right.setMinWidth(430);
        right.setPrefWidth(430);
        HBox top = new HBox(12, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox bottom = ladderPane();
        VBox all = new VBox(10, top, new Separator(), bottom);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        root.setCenter(all);
        Scene scene = new Scene(root, 1480, 920);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        scene.addPreLayoutPulseListener(() -> pulseStarted = probe == null ? 0 : System.nanoTime());
        scene.addPostLayoutPulseListener(() -> {
            if (pendingVisible != 0) {
                Probe p = probe;
                if (p != null) {
                    p.quoteVisible(pendingVisible, pulseStarted, System.nanoTime());
                }
                pendingVisible = 0;
            }
            if (unlockAfterPulse) {
                unlockAfterPulse = false;
                Platform.runLater(() -> builderLocked.set(model.lockedProperty().get())); // after this pulse: in the next
            }
        });

        // What to read follows the structure: the coin and the expiries in use.
        model.legs().addListener((javafx.collections.ListChangeListener<TicketLeg>) c -> wantMarket());
        model.expiryProperty().addListener((o, a, b) -> wantMarket());
        model.farExpiryProperty().addListener((o, a, b) -> wantMarket());
        model.baseProperty().addListener((o, a, b) -> wantMarket());
        model.hedgeProperty().addListener((o, a, b) -> wantMarket());
        // Anything that changes what would be traded disarms an armed quote.
        model.legs().addListener((javafx.collections.ListChangeListener<TicketLeg>) c -> model.disarm());
        model.sizeProperty().addListener((o, a, b) -> model.disarm());

        clock = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> model.tick(session.clock().instant())));
        clock.setCycleCount(Animation.INDEFINITE);
        stage.setOnShown(e -> {
            feed.start(java.time.Duration.ofSeconds(2));
            clock.play();
        });
        stage.setOnHidden(e -> close());
        loadMemory();
    }

    private void wantMarket() {
        feed.want(model.baseProperty().get(), model.legExpiries(), model.hedgeProperty().get());
    }

    // ------------------------------------------------------------------ structure

    private Node header() {
        ChoiceBox<String> base = new ChoiceBox<>();
        base.setId("rfq-base");
        base.getItems().setAll("BTC", "ETH");
        base.valueProperty().bindBidirectional(model.baseProperty());
        ChoiceBox<StructureTemplate> template = new ChoiceBox<>();
        template.setId("rfq-template");
        template.getItems().setAll(StructureTemplate.values());
        template.valueProperty().bindBidirectional(model.templateProperty());
        ChoiceBox<LocalDate> expiry = new ChoiceBox<>(model.expiries());
        expiry.setId("rfq-expiry");
        expiry.setConverter(expiryLabels());
        expiry.valueProperty().bindBidirectional(model.expiryProperty());
        ChoiceBox<LocalDate> far = new ChoiceBox<>(model.expiries());
        far.setId("rfq-far-expiry");
        far.setConverter(expiryLabels());
        far.valueProperty().bindBidirectional(model.farExpiryProperty());
        Label farLabel = new Label("Far");
        var calendarLike = javafx.beans.binding.Bindings.createBooleanBinding(() -> model.templateProperty().get() == StructureTemplate.CALENDAR
                || model.templateProperty().get() == StructureTemplate.DIAGONAL, model.templateProperty());
        far.visibleProperty().bind(calendarLike);
        far.managedProperty().bind(calendarLike);
        farLabel.visibleProperty().bind(calendarLike);
        farLabel.managedProperty().bind(calendarLike);
        Spinner<Integer> width = new Spinner<>(1, 20, model.widthProperty().get());
        width.setId("rfq-width");
        width.setPrefWidth(70);
        width.valueProperty().addListener((o, a, b) -> model.widthProperty().set(b));
        SideToggle direction = new SideToggle("rfq", model.directionProperty());
        ChoiceBox<OptionType> single = new ChoiceBox<>();
        single.setId("rfq-single-type");
        single.getItems().setAll(OptionType.CALL, OptionType.PUT);
        single.valueProperty().bindBidirectional(model.singleTypeProperty());
        var isSingle = model.templateProperty().isEqualTo(StructureTemplate.SINGLE);
        single.visibleProperty().bind(isSingle);
        single.managedProperty().bind(isSingle);

        presets.setId("rfq-presets");
        presets.setPromptText("Presets");
        presets.setPrefWidth(180);
        presets.setOnAction(e -> {
            StructurePresets.Preset p = presets.getValue();
            if (p != null) {
                String why = model.load(p);
                model.statusProperty().set(why == null ? "Loaded preset " + p.name() : "Preset " + p.name() + " " + why);
                Platform.runLater(() -> presets.getSelectionModel().clearSelection());
            }
        });
        Button save = new Button("Save preset…");
        save.setId("rfq-save-preset");
        save.setOnAction(e -> savePreset());
        recent.setId("rfq-recent");

        // While the RFQ is active the structure it asked for cannot change (its quotes are for that structure).
        for (javafx.scene.control.Control c : List.of(base, template, expiry, far, width, single, presets, save)) {
            c.disableProperty().bind(builderLocked);
        }
        direction.disableProperty().bind(builderLocked);
        HBox row1 = new HBox(8, new Label("Underlying"), base, new Label("Template"), template, single, new Label("Expiry"), expiry,
                farLabel, far, new Label("Width"), width, direction);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(8, presets, save, recent, marketProblem);
        marketProblem.getStyleClass().add("field-problem");
        row2.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, row1, row2);
    }

    private StringConverter<LocalDate> expiryLabels() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                if (d == null) {
                    return "";
                }
                InstrumentName.Option o = InstrumentName.Option.of(model.baseProperty().get(), d, BigDecimal.ONE, OptionType.CALL);
                return o.text().split("-")[1] + " (" + Formats.daysToExpiry(o.expiry(), session.clock().instant()) + " d)";
            }

            @Override
            public LocalDate fromString(String s) {
                return null;
            }
        };
    }

    private Node legsPane() {
        legsTable.setId("rfq-legs");
        legsTable.editableProperty().bind(builderLocked.not());
        legsTable.setItems(model.legs());
        legsTable.setPrefHeight(190);
        legsTable.setPlaceholder(new Label("Pick a template or add a leg"));
        legsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<TicketLeg, Side> side = new TableColumn<>("Side");
        side.setCellValueFactory(p -> p.getValue().sideProperty());
        side.setCellFactory(ChoiceBoxTableCell.forTableColumn(Side.BUY, Side.SELL));
        side.setPrefWidth(70);
        TableColumn<TicketLeg, Integer> ratio = new TableColumn<>("Ratio");
        ratio.setCellValueFactory(p -> p.getValue().ratioProperty().asObject());
        ratio.setCellFactory(TextFieldTableCell.forTableColumn(new javafx.util.converter.IntegerStringConverter() {
            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s.trim());
                    return v >= 1 && v <= 100 ? v : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }));
        ratio.setOnEditCommit(e -> {
            if (e.getNewValue() != null) {
                e.getRowValue().ratioProperty().set(e.getNewValue());
            } else {
                model.statusProperty().set("A ratio is a whole number from 1 to 100");
                legsTable.refresh();
            }
        });
        ratio.setPrefWidth(55);
        TableColumn<TicketLeg, LocalDate> exp = new TableColumn<>("Expiry");
        exp.setCellValueFactory(p -> p.getValue().expiryProperty());
        exp.setCellFactory(ChoiceBoxTableCell.forTableColumn(expiryLabels(), model.expiries()));
        exp.setOnEditCommit(e -> {
            e.getRowValue().expiryProperty().set(e.getNewValue());
            List<BigDecimal> ks = model.strikes(e.getNewValue());
            if (!ks.contains(e.getRowValue().strikeProperty().get()) && !ks.isEmpty()) {
                e.getRowValue().strikeProperty().set(nearest(ks, e.getRowValue().strikeProperty().get()));
            }
            model.repriceLegs();
        });
        exp.setPrefWidth(120);
        TableColumn<TicketLeg, BigDecimal> strike = new TableColumn<>("Strike");
        strike.setCellValueFactory(p -> p.getValue().strikeProperty());
        strike.setCellFactory(c -> new StrikeCell());
        strike.setPrefWidth(110);
        TableColumn<TicketLeg, OptionType> type = new TableColumn<>("C/P");
        type.setCellValueFactory(p -> p.getValue().typeProperty());
        type.setCellFactory(ChoiceBoxTableCell.forTableColumn(OptionType.CALL, OptionType.PUT));
        type.setOnEditCommit(e -> {
            e.getRowValue().typeProperty().set(e.getNewValue());
            model.repriceLegs();
        });
        type.setPrefWidth(60);
        legsTable.getColumns().addAll(List.of(side, ratio, exp, strike, type,
                quoteColumn("Mark", q -> Formats.number(q.markPrice(), 2)),
                quoteColumn("Bid", q -> Formats.number(q.bid(), 2)),
                quoteColumn("Ask", q -> Formats.number(q.ask(), 2)),
                quoteColumn("IV", q -> q.markIv() == null ? Formats.DASH : Formats.share(q.markIv(), 1)),
                quoteColumn("Delta", q -> Formats.number(q.delta(), 3))));
        side.setOnEditCommit(e -> e.getRowValue().sideProperty().set(e.getNewValue()));

        Button add = new Button("Add leg");
        add.setId("rfq-add-leg");
        add.setOnAction(e -> legsTable.getSelectionModel().select(model.addLeg()));
        Button remove = new Button("Remove leg");
        remove.setId("rfq-remove-leg");
        remove.disableProperty().bind(legsTable.getSelectionModel().selectedItemProperty().isNull().or(builderLocked));
        add.disableProperty().bind(builderLocked);
        remove.setOnAction(e -> model.removeLeg(legsTable.getSelectionModel().getSelectedItem()));
        TextField delta = new TextField();
        delta.setId("rfq-target-delta");
        delta.setPromptText("e.g. 0.25");
        delta.setPrefWidth(80);
        Button byDelta = new Button("Strike by delta");
        byDelta.setId("rfq-apply-delta");
        byDelta.disableProperty().bind(legsTable.getSelectionModel().selectedItemProperty().isNull().or(builderLocked));
        delta.disableProperty().bind(builderLocked);
        Label deltaProblem = new Label();
        deltaProblem.setId("rfq-target-delta-problem");
        deltaProblem.getStyleClass().add("field-problem");
        delta.textProperty().addListener((o, a, b) -> deltaProblem.setText(""));
        byDelta.setOnAction(e -> {
            String why = model.strikeByDelta(legsTable.getSelectionModel().getSelectedItem(), delta.getText() == null ? "" : delta.getText());
            deltaProblem.setText(why == null ? "" : why); // said at the field
            model.statusProperty().set(why == null ? "Strike set by delta" : why);
            model.repriceLegs();
            legsTable.refresh();
        });
        Label problem = problem("rfq-structure-problem", model.structureProblemProperty());
        HBox buttons = new HBox(8, add, remove, new Label("Selected leg at delta"), delta, byDelta, deltaProblem);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // Marks, bid/ask, IV and delta change at every tick: the table lays itself out, not the window.
        return new VBox(6, new LayoutIsland(legsTable), buttons, problem);
    }

    private static BigDecimal nearest(List<BigDecimal> ks, BigDecimal k) {
        if (k == null) {
            return ks.get(ks.size() / 2);
        }
        BigDecimal best = ks.getFirst();
        for (BigDecimal x : ks) {
            if (x.subtract(k).abs().compareTo(best.subtract(k).abs()) < 0) {
                best = x;
            }
        }
        return best;
    }

    private TableColumn<TicketLeg, OptionQuote> quoteColumn(String title, Function<OptionQuote, String> text) {
        TableColumn<TicketLeg, OptionQuote> c = new TableColumn<>(title);
        c.setCellValueFactory(p -> p.getValue().quoteProperty());
        c.setCellFactory(x -> new io.coincalltrader.ui.common.TextCell<>(q -> q == null ? Formats.DASH : text.apply(q), null, true));
        c.setEditable(false);
        c.setPrefWidth(80);
        return c;
    }

    /** The strike picker: the listed strikes of the leg's expiry, each with its mark, IV and delta from the chain. */
    private final class StrikeCell extends TableCell<TicketLeg, BigDecimal> {
        private ComboBox<BigDecimal> box;

        @Override
        public void startEdit() {
            TicketLeg leg = getTableRow() == null ? null : getTableRow().getItem();
            if (leg == null) {
                return;
            }
            super.startEdit();
            box = new ComboBox<>();
            box.setId("rfq-strike-picker");
            box.getItems().setAll(model.strikes(leg.expiryProperty().get()));
            box.setValue(getItem());
            box.setCellFactory(l -> new ListCell<>() {
                @Override
                protected void updateItem(BigDecimal k, boolean empty) {
                    super.updateItem(k, empty);
                    if (empty || k == null) {
                        setText(null);
                        return;
                    }
                    OptionQuote q = model.chainRow(leg.expiryProperty().get(), k, leg.typeProperty().get()).orElse(null);
                    setText(Formats.number(k, 0) + (q == null ? "" : "   mark " + Formats.number(q.markPrice(), 2) + " · IV "
                            + (q.markIv() == null ? Formats.DASH : Formats.share(q.markIv(), 1)) + " · Δ " + Formats.number(q.delta(), 2)));
                }
            });
            box.setVisibleRowCount(14);
            box.setOnAction(e -> {
                if (box.getValue() != null) {
                    commitEdit(box.getValue());
                }
            });
            setText(null);
            setGraphic(box);
            box.show();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            setGraphic(null);
            setText(getItem() == null ? Formats.DASH : Formats.number(getItem(), 0));
        }

        @Override
        public void commitEdit(BigDecimal v) {
            super.commitEdit(v);
            TicketLeg leg = getTableRow().getItem();
            leg.strikeProperty().set(v);
            model.repriceLegs();
        }

        StrikeCell() {
            getStyleClass().add(Styles.NUMERIC);
        }

        @Override
        protected void updateItem(BigDecimal k, boolean empty) {
            super.updateItem(k, empty);
            if (empty) {
                setText(null);
                setGraphic(null);
            } else if (!isEditing()) {
                setText(k == null ? Formats.DASH : Formats.number(k, 0));
                setGraphic(null);
            }
        }
    }

    private Node sizePane() {
        TextField size = new TextField();
        size.setId("rfq-size");
        size.setPrefWidth(90);
        size.textProperty().bindBidirectional(model.sizeProperty());
        Label notional = new Label();
        notional.setId("rfq-notional");
        notional.getStyleClass().add("muted");
        notional.textProperty().bind(model.notionalProperty());
        CheckBox hedge = new CheckBox("Delta-hedge with");
        hedge.setId("rfq-hedge");
        ChoiceBox<String> hedgeWith = new ChoiceBox<>(model.hedgeChoices());
        hedgeWith.setId("rfq-hedge-instrument");
        hedgeWith.valueProperty().bindBidirectional(model.hedgeSymbolProperty());
        hedgeWith.disableProperty().bind(builderLocked.or(hedge.selectedProperty().not()));
        hedge.selectedProperty().bindBidirectional(model.hedgeProperty());
        hedge.disableProperty().bind(builderLocked);
        Label hedgeText = new Label();
        hedgeText.setId("rfq-hedge-text");
        hedgeText.textProperty().bind(model.hedgeTextProperty());
        HBox row = new HBox(8, new Label("Package size"), size, notional);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(8, hedge, hedgeWith, hedgeText);
        row2.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, problem("rfq-size-problem", model.sizeProblemProperty()), row2);
    }

    // ------------------------------------------------------------------ package figures and scenarios

    private Node packagePane() {
        packageGrid.setId("rfq-package");
        packageGrid.setHgap(12);
        packageGrid.setVgap(3);
        model.screenProperty().addListener((o, a, b) -> drawPackage());
        model.payoffProperty().addListener((o, a, b) -> drawPackage());
        model.hedgedDeltaProperty().addListener((o, a, b) -> drawPackage());
        drawPackage();
        Label title = new Label("Package on screen");
        title.getStyleClass().add("top-caption");
        // Its figures change at every tick: they lay out the grid alone, not the window (LayoutIsland).
        LayoutIsland island = new LayoutIsland(packageGrid);
        packageCells.onResize(island::refit);
        return new VBox(4, title, island);
    }

    private void drawPackage() {
        PackageRisk.Screen s = model.screenProperty().get();
        PackageRisk.Payoff p = model.payoffProperty().get();
        LabelGrid g = packageCells;
        g.begin();
        int r = 0;
        r = pair(g, r, "Mark", s == null ? Formats.DASH : cost(s.markCost()), "rfq-mark", null);
        r = pair(g, r, "Screen buy / sell", s == null ? Formats.DASH : (s.buyCost() == null ? Formats.DASH : cost(s.buyCost())) + "  /  "
                + (s.sellProceeds() == null ? Formats.DASH : cost(s.sellProceeds().negate())), "rfq-screen", null);
        Double hedged = model.hedgedDeltaProperty().get();
        r = pair(g, r, "Delta", s == null ? Formats.DASH : Formats.signed(s.delta(), 3) + " " + model.baseProperty().get()
                + (hedged == null ? "" : "  (after the hedge " + Formats.signed(hedged, 3) + ")"), "rfq-delta", null);
        r = pair(g, r, "Gamma", s == null ? Formats.DASH : Formats.signed(s.gamma(), 6), "rfq-gamma", null);
        r = pair(g, r, "Vega", s == null ? Formats.DASH : Formats.signed(s.vega(), 2) + " USD / vol pt", "rfq-vega", null);
        r = pair(g, r, "Theta", s == null ? Formats.DASH : Formats.signed(s.theta(), 2) + " USD / day", "rfq-theta", null);
        // The same rows whatever is known: a row that came and went with the size field's text moved the ladders.
        String undefined = s == null ? Formats.DASH : "not defined at one expiry";
        r = pair(g, r, "Max profit", p == null ? undefined : p.maxProfit() == null ? "unlimited" : Formats.number(p.maxProfit(), 2) + " USD",
                "rfq-max-profit", p == null ? null : 1);
        r = pair(g, r, "Max loss", p == null ? undefined : p.maxLoss() == null ? "unlimited" : Formats.number(p.maxLoss().negate(), 2) + " USD",
                "rfq-max-loss", p == null ? null : -1);
        pair(g, r, "Breakevens", p == null || p.breakevens().isEmpty() ? Formats.DASH
                : String.join(" · ", p.breakevens().stream().map(b -> Formats.number(b, 0)).toList()), "rfq-breakevens", null);
        g.end();
    }

    /** A cost the trader reads: "1,234.50 USD paid" or "980.00 USD received". */
    private static String cost(BigDecimal c) {
        return Formats.number(c.abs(), 2) + " USD " + (c.signum() >= 0 ? "paid" : "received");
    }

    private static int pair(LabelGrid g, int row, String label, String value, String id, Integer sign) {
        g.set(0, row, label, null, "muted").setId(null);
        Label v = g.set(1, row, value, sign, Styles.NUMERIC);
        v.setId(id);
        return row + 1;
    }

    private Node scenarioPane() {
        CheckBox book = new CheckBox("Include the existing book");
        book.setId("rfq-include-book");
        book.selectedProperty().bindBidirectional(model.includeBookProperty());
        LayoutIsland volIsland = new LayoutIsland(spotVolGrid);
        LayoutIsland dayIsland = new LayoutIsland(spotDaysGrid);
        LabelGrid volCells = new LabelGrid(spotVolGrid).onResize(volIsland::refit);
        LabelGrid dayCells = new LabelGrid(spotDaysGrid).onResize(dayIsland::refit);
        for (GridPane g : List.of(spotVolGrid, spotDaysGrid)) {
            g.setHgap(8);
            g.setVgap(2);
            g.setPadding(new Insets(6, 0, 0, 0));
        }
        model.spotVolProperty().addListener((o, a, b) -> drawMatrix(volCells, b, "vol"));
        model.spotDaysProperty().addListener((o, a, b) -> drawMatrix(dayCells, b, "days"));
        spotVolGrid.setId("rfq-matrix-vol");
        spotDaysGrid.setId("rfq-matrix-days");
        Tab vol = new Tab("Spot × vol", volIsland);
        Tab days = new Tab("Spot × days", dayIsland);
        vol.setClosable(false);
        days.setClosable(false);
        TabPane tabs = new TabPane(vol, days);
        tabs.setId("rfq-scenarios");
        tabs.setMinHeight(250);
        Label title = new Label("Scenario P&L, USD");
        title.getStyleClass().add("top-caption");
        return new VBox(4, new HBox(10, title, book), tabs);
    }

    private static void drawMatrix(LabelGrid g, PackageRisk.Matrix m, String columns) {
        g.begin();
        if (m != null) {
            g.set(0, 0, columns.equals("vol") ? "spot \\ vol" : "spot \\ days", null, "muted");
            for (int c = 0; c < m.columnMoves().length; c++) {
                double v = m.columnMoves()[c];
                g.set(c + 1, 0, columns.equals("vol") ? Formats.signed(v, 0) + " pt" : "+" + Formats.number(v, v == Math.floor(v) ? 0 : 2) + " d",
                        null, "muted");
            }
            for (int r = 0; r < m.rowMoves().length; r++) {
                g.set(0, r + 1, Formats.signed(m.rowMoves()[r], 0) + "%", null, "muted");
                for (int c = 0; c < m.columnMoves().length; c++) {
                    double v = m.pnl()[r][c];
                    g.set(c + 1, r + 1, Double.isNaN(v) ? Formats.DASH : Formats.signed(v, 0), Double.isNaN(v) ? 0 : Formats.shown(v, 0), Styles.NUMERIC);
                }
            }
        }
        g.end();
    }

    /**
     * A grid of labels kept between redraws: a redraw changes texts and colours of the labels it already has, adds
     * what is new and removes what it no longer sets, so a new figure costs no new nodes (and no CSS pass for them).
     */
    private static final class LabelGrid {
        private final GridPane pane;
        private final java.util.Map<Long, Label> cells = new java.util.HashMap<>();
        private final java.util.Set<Long> touched = new java.util.HashSet<>();
        /** Told when cells were added or removed (the grid's preferred size may have changed). */
        private Runnable resized = () -> { };
        private boolean structureChanged;

        LabelGrid(GridPane pane) {
            this.pane = pane;
        }

        LabelGrid onResize(Runnable r) {
            resized = r;
            return this;
        }

        void begin() {
            touched.clear();
            structureChanged = false;
        }

        Label set(int col, int row, String text, Number sign, String styleClass) {
            long key = ((long) col << 32) | row;
            touched.add(key);
            Label l = cells.get(key);
            if (l == null) {
                l = new Label();
                l.getStyleClass().add(styleClass);
                if (Styles.NUMERIC.equals(styleClass) && col > 0) {
                    l.setMinWidth(64);
                    l.setAlignment(Pos.CENTER_RIGHT);
                }
                cells.put(key, l);
                pane.add(l, col, row);
                structureChanged = true;
            }
            l.setText(text);
            Styles.sign(l, sign == null ? 0 : sign);
            return l;
        }

        void end() {
            structureChanged |= cells.entrySet().removeIf(e -> {
                if (!touched.contains(e.getKey())) {
                    pane.getChildren().remove(e.getValue());
                    return true;
                }
                return false;
            });
            if (structureChanged) {
                resized.run();
            }
        }
    }

    // ------------------------------------------------------------------ the RFQ and its ladder

    private VBox ladderPane() {
        Button send = new Button("Send RFQ");
        send.setId("rfq-send");
        send.setDefaultButton(true);
        send.disableProperty().bind(model.sendableProperty().not());
        send.setOnAction(e -> send());
        Button cancel = new Button("Cancel RFQ");
        cancel.setId("rfq-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> model.cancel().whenComplete((l, x) -> Platform.runLater(() -> model.answered(l, x))));
        send.disableProperty().unbind();
        send.disableProperty().bind(model.sendableProperty().not().or(model.acceptingProperty()));
        Button resend = new Button("Resend at this size");
        resend.setId("rfq-resend");
        resend.setDisable(true);
        resend.setOnAction(e -> resend());
        Runnable buttons = () -> {
            boolean accepting = model.acceptingProperty().get();
            RfqTaker.Live l = model.liveProperty().get();
            cancel.setDisable(accepting || !model.rfqActive());
            resend.setDisable(accepting || l == null || l.state() == RfqState.FILLED);
        };
        model.rfqStateProperty().addListener((o, a, b) -> buttons.run());
        // An invalidation listener (buttons reads the value again): a change listener would have every update compared
        // with the last, field by field down to each quote's legs, on the FX thread.
        model.liveProperty().addListener(o -> buttons.run());
        model.acceptingProperty().addListener((o, a, b) -> buttons.run());
        Label state = new Label();
        state.setId("rfq-state");
        state.getStyleClass().add("mode-badge");
        state.textProperty().bind(model.rfqStateProperty());
        state.visibleProperty().bind(model.rfqStateProperty().isNotEmpty());
        Label countdown = new Label();
        countdown.setId("rfq-countdown");
        countdown.getStyleClass().add(Styles.NUMERIC);
        countdown.textProperty().bind(model.countdownProperty());
        Label summary = new Label();
        summary.setId("rfq-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.ladderSummaryProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, send, cancel, resend, state, countdown, summary, grow);
        bar.setAlignment(Pos.CENTER_LEFT);

        Node offersBox = withEmptyNote(ladder(model.offers(), "rfq-offers"), model.offerCountProperty());
        Node bidsBox = withEmptyNote(ladder(model.bids(), "rfq-bids"), model.bidCountProperty());
        Label offersTitle = new Label("Trade as built (the sides shown above) — best first");
        offersTitle.getStyleClass().add("top-caption");
        Label bidsTitle = new Label("Trade reversed (every side flipped) — best first");
        bidsTitle.getStyleClass().add("top-caption");
        VBox offers = new VBox(4, offersTitle, offersBox);
        VBox bids = new VBox(4, bidsTitle, bidsBox);
        VBox.setVgrow(offersBox, Priority.ALWAYS);
        VBox.setVgrow(bidsBox, Priority.ALWAYS);
        HBox ladders = new HBox(10, offers, bids);
        HBox.setHgrow(offers, Priority.ALWAYS);
        HBox.setHgrow(bids, Priority.ALWAYS);
        offers.setMaxWidth(Double.MAX_VALUE);
        bids.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(ladders, Priority.ALWAYS);

        preview.setId("rfq-preview");
        preview.setWrapText(true);
        preview.getStyleClass().add("muted");
        model.armedQuoteProperty().addListener((o, a, b) -> showPreview());
        Label status = new Label();
        status.setId("rfq-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        // The bar (state, countdown, quote count) and the two message lines change while quotes arrive: each lays
        // itself out alone; the lines have room for two lines of text.
        double twoLines = 34;
        // A message longer than two lines is cut with an ellipsis: the whole of it shows on hover.
        for (Label l : List.of(preview, status)) {
            Tooltip tip = new Tooltip();
            tip.setWrapText(true);
            tip.setMaxWidth(700);
            tip.textProperty().bind(l.textProperty());
            l.setTooltip(tip);
        }
        return new VBox(6, new LayoutIsland(bar), ladders, new LayoutIsland(preview, twoLines), new LayoutIsland(status, twoLines));
    }

    /** One quote ladder under its fixed header, scrolling when more quotes are open than it has lines. */
    private LadderView ladder(javafx.collections.ObservableList<RfqTicketViewModel.LadderLine> rows, String id) {
        LadderView view = new LadderView(id, rows, List.of(
                col("Price USD", 80, r -> perUnit(r), null),
                col("Total USD", 88, r -> Formats.number(r.row().packageCost().abs(), 2) + (r.row().packageCost().signum() < 0 ? " CR" : " DB"), null),
                col("Size", 40, r -> Formats.size(model.sentRfq() == null ? BigDecimal.ZERO : model.sentRfq().size()), null),
                new LadderView.Column("Maker", 56, r -> r.row().quote().maker() == null ? Formats.DASH : r.row().quote().maker(), null, false),
                col("Age", 40, r -> Formats.age(r.row().age()), null),
                col("Edge USD", 72, r -> Formats.signed(r.row().edgeUsd(), 2), r -> Formats.shown(r.row().edgeUsd(), 2)),
                col("Vol pts", 60, r -> Double.isNaN(r.row().edgeVol()) ? Formats.DASH : Formats.signed(r.row().edgeVol(), 2), r -> r.row().edgeVol()),
                col("Delta after", 86, r -> r.preview() == null ? Formats.DASH : Formats.signed(r.preview().after().delta(), 3), null),
                col("Margin after", 94, r -> r.preview() == null || r.preview().marginUsageAfter() == null ? Formats.DASH
                        : "≈" + Formats.share(r.preview().marginUsageAfter().doubleValue(), 1), null)),
                model.acceptingProperty(), r -> !r.hittable() ? "Cannot be hit: " + r.refusal() : previewText(r), new LadderView.Hits() {
                    @Override
                    public void hit(RfqTicketViewModel.LadderRow row) {
                        RfqTicketWindow.this.hit(row);
                    }

                    @Override
                    public void moved() {
                        model.moved();
                    }

                    @Override
                    public void pressed(RfqTicketViewModel.LadderRow row) {
                        model.pressed(row);
                    }

                    @Override
                    public void released() {
                        model.released();
                    }
                });
        return view;
    }

    /** The ladder with its header, what it says while it shows no quote (waiting, or how the RFQ ended) over its lines. */
    private Node withEmptyNote(LadderView ladder, javafx.beans.property.IntegerProperty count) {
        Label note = new Label();
        note.textProperty().bind(model.ladderEmptyProperty());
        note.getStyleClass().add("muted");
        note.setMouseTransparent(true);
        note.visibleProperty().bind(count.isEqualTo(0));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(ladder);
        scroll.getStyleClass().add("ladder-scroll");
        scroll.setFitToWidth(true); // as wide as the box, but never narrower than its columns: then it scrolls sideways
        scroll.setPrefViewportHeight(RfqTicketViewModel.LADDER_LINES * LadderView.LINE_HEIGHT);
        scroll.setMinViewportHeight(3 * LadderView.LINE_HEIGHT);
        Region header = ladder.header();
        // The header stays put when the lines scroll down, and follows them when they scroll sideways.
        Runnable follow = () -> header.setTranslateX(-scroll.getHvalue() * Math.max(0, ladder.getWidth() - scroll.getViewportBounds().getWidth()));
        scroll.hvalueProperty().addListener((o, a, b) -> follow.run());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> follow.run());
        ladder.widthProperty().addListener((o, a, b) -> follow.run());
        VBox box = new VBox(header, new javafx.scene.layout.StackPane(scroll, note));
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(box.widthProperty());
        clip.heightProperty().bind(box.heightProperty());
        box.setClip(clip);
        box.getStyleClass().add("ladder-box");
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        return box;
    }

    private String perUnit(RfqTicketViewModel.LadderRow r) {
        RfqTicketViewModel.Sent s = model.sentRfq();
        if (s == null || s.size().signum() == 0) {
            return Formats.DASH;
        }
        BigDecimal unit = r.row().packageCost().divide(s.size(), 2, java.math.RoundingMode.HALF_UP);
        return Formats.number(unit.abs(), 2) + (unit.signum() < 0 ? " CR" : " DB");
    }

    private static LadderView.Column col(String title, double width, Function<RfqTicketViewModel.LadderRow, String> text,
                                         Function<RfqTicketViewModel.LadderRow, Number> sign) {
        return new LadderView.Column(title, width, text, sign, true);
    }

    private void hit(RfqTicketViewModel.LadderRow r) {
        long clicked = System.nanoTime();
        switch (model.click(r)) {
            case ARMED -> {
                // the click redrew the ladder (the row shows Confirm); the preview line follows the armed quote
            }
            case SENT -> {
                Probe p = probe;
                if (p != null) {
                    p.confirmClicked(clicked);
                }
                var answer = model.accept(r, Platform::runLater);
                if (p != null) {
                    p.acceptDispatched(System.nanoTime());
                }
                answer.whenComplete((l, e) -> Platform.runLater(() -> {
                    model.acceptAnswered(l, e);
                    if (l != null && l.state() == RfqState.FILLED) {
                        afterFill(l);
                    }
                }));
            }
            case REFUSED -> {
                // the reason is in the status line
            }
        }
    }

    private void showPreview() {
        String armed = model.armedQuoteProperty().get();
        RfqTicketViewModel.LadderRow r = armed == null ? null : java.util.stream.Stream.concat(model.offerRows().stream(), model.bidRows().stream())
                .filter(x -> x.quoteId().equals(armed)).findFirst().orElse(null);
        preview.setText(r == null ? "" : "If filled: " + previewText(r));
    }

    private String previewText(RfqTicketViewModel.LadderRow r) {
        PackageRisk.Preview p = r.preview();
        if (p == null) {
            return "no preview (market data not read yet)";
        }
        StringBuilder b = new StringBuilder();
        for (PackageRisk.PositionChange x : p.positions()) {
            if (!b.isEmpty()) {
                b.append(" · ");
            }
            b.append(x.symbol()).append(' ').append(Formats.signed(x.now(), 2)).append(" → ").append(Formats.signed(x.after(), 2));
        }
        b.append(" | ").append(model.baseProperty().get()).append(" delta ").append(Formats.signed(p.after().delta(), 3))
                .append(", vega ").append(Formats.signed(p.after().vega(), 0)).append(" USD, theta ").append(Formats.signed(p.after().theta(), 0))
                .append(" USD/day | initial margin ≈ ").append(Formats.signed(p.marginAdded(), 0)).append(" USD")
                .append(p.marginUsageAfter() == null ? "" : " → " + Formats.share(p.marginUsageAfter().doubleValue(), 1) + " of equity");
        return b.toString();
    }

    private void send() {
        StructurePresets.Preset structure = model.preset(StructurePresets.describe(model.templateProperty().get().toString(),
                model.baseProperty().get(), model.legs(), model.sizeValue() == null ? BigDecimal.ONE : model.sizeValue()));
        model.send().whenComplete((l, e) -> Platform.runLater(() -> {
            model.sent(l, e);
            if (e == null) {
                remember(structure);
            }
        }));
    }

    /** Resend: cancel the RFQ if it is still active, then send the structure again at the size now in the field. */
    private void resend() {
        if (model.rfqActive()) {
            model.cancel().whenComplete((l, e) -> Platform.runLater(() -> {
                model.answered(l, e);
                if (e == null) {
                    send();
                }
            }));
        } else {
            send();
        }
    }

    private void afterFill(RfqTaker.Live l) {
        notify.accept("RFQ filled: block trade " + l.trade().blockTradeId());
        PricedLeg h = model.hedgeAfterFill(l);
        if (h == null) {
            return;
        }
        String structure = "RFQ " + (l.requestId().length() > 6 ? l.requestId().substring(l.requestId().length() - 6) : l.requestId());
        ExecutionPlan plan = new ExecutionPlan("hedge of " + structure, List.of(ExecutionLeg.of(h.symbol(), h.side(), h.quantity())),
                ExecutionParams.aggressive(), structure);
        model.statusProperty().set(model.statusProperty().get() + " Hedging: " + h.side() + " " + Formats.size(h.quantity()) + " " + h.symbol() + "…");
        session.executions().submit(plan, Cause.USER).result().whenComplete((r, e) -> Platform.runLater(() -> {
            String text = e != null ? "Hedge failed: " + e.getMessage() : "Hedge " + r.status().name().toLowerCase().replace('_', ' ') + ": " + r.message();
            model.statusProperty().set(text);
            notify.accept(text);
        }));
    }

    // ------------------------------------------------------------------ presets and recent structures

    private void loadMemory() {
        presets.getItems().setAll(StructurePresets.read(memory.get("rfq.presets")));
        fillRecent(StructurePresets.read(memory.get("rfq.recent")));
    }

    private void fillRecent(List<StructurePresets.Preset> list) {
        recent.getItems().clear();
        for (StructurePresets.Preset p : list) {
            MenuItem i = new MenuItem(p.name());
            i.setOnAction(e -> {
                String why = model.load(p);
                model.statusProperty().set(why == null ? "Loaded " + p.name() : p.name() + " " + why);
            });
            recent.getItems().add(i);
        }
        recent.setDisable(list.isEmpty());
    }

    private void remember(StructurePresets.Preset p) {
        List<StructurePresets.Preset> list = StructurePresets.remember(StructurePresets.read(memory.get("rfq.recent")), p);
        memory.put("rfq.recent", StructurePresets.write(list));
        fillRecent(list);
    }

    private void savePreset() {
        TextInputDialog d = new TextInputDialog(model.templateProperty().get() + " " + model.baseProperty().get());
        d.initOwner(stage);
        d.setTitle("Save preset");
        d.setHeaderText("Name this structure");
        d.getDialogPane().setId("rfq-preset-dialog");
        d.showAndWait().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(this::savePreset);
    }

    /** Saves the structure as it stands under this name (replacing one of the same name). */
    public void savePreset(String name) {
        if (model.legs().isEmpty()) {
            model.statusProperty().set("Nothing to save: the structure has no legs");
            return;
        }
        List<StructurePresets.Preset> list = StructurePresets.save(presets.getItems(), model.preset(name));
        memory.put("rfq.presets", StructurePresets.write(list));
        presets.getItems().setAll(list);
        model.statusProperty().set("Saved preset " + name);
    }

    private static Label problem(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-problem");
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    public void setProbe(Probe p) {
        probe = p;
    }

    public RfqTicketViewModel model() {
        return model;
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private void close() {
        // An RFQ left open would keep asking the makers with no one watching: closing the ticket withdraws it.
        if (model.rfqActive()) {
            String id = model.sentRfq().requestId();
            model.cancel().whenComplete((l, x) -> Platform.runLater(() -> notify.accept(x == null ? "RFQ " + id + " cancelled as its ticket closed"
                    : "RFQ " + id + " not cancelled: " + (x.getCause() != null ? x.getCause().getMessage() : x.getMessage()))));
        }
        clock.stop();
        feed.close();
        rfqUpdates.close();
        bookUpdates.close();
        pump.stop();
    }
}
