package io.coincalltrader.ui.rfq;

import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.TextCell;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The RFQs tab: our recent RFQs (structure, outcome, quotes, makers, time to the first quote, best edge against mark),
 * the selected one's quotes below, and an export of what is shown to CSV. Data is read elsewhere and handed in
 * through {@link #accept}; the CSV is written on the executor given.
 */
public final class RfqHistoryView extends BorderPane {
    private final TableView<RfqHistory.Entry> table = new TableView<>();
    private final TableView<RfqHistory.QuoteLine> quotes = new TableView<>();
    private final Label summary = new Label();
    private final Button export = new Button("Export CSV…");
    private final Executor executor;
    private final Consumer<String> onExported;
    private volatile List<StoredRfq> shown = List.of();
    private Formats.Style shownStyle;
    private RfqHistory.Entry quotesOf;

    /**
     * @param executor   where the CSV is written (never the FX thread)
     * @param onExported told on the FX thread what an export did: "Exported 12 RFQs, 57 quotes to …" or why it failed
     */
    public RfqHistoryView(Executor executor, Consumer<String> onExported) {
        this.executor = executor;
        this.onExported = onExported;
        export.setId("rfq-history-export");
        export.setOnAction(e -> onExport());
        summary.setId("rfq-history-summary");
        setTop(new ToolBar(export, summary));

        table.setId("rfq-history-table");
        table.setPlaceholder(new Label("No RFQs yet — send one from the RFQ ticket (Ctrl+R)"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col(table, "Time", 140, e -> Formats.dateTime(e.stored().rfq().createTime()), null, false);
        col(table, "Structure", 330, RfqHistory.Entry::structure, null, false);
        col(table, "State/Result", 220, RfqHistory.Entry::result, null, false);
        col(table, "Quotes", 60, e -> Integer.toString(e.quotes()), null, true);
        col(table, "Makers", 60, e -> Integer.toString(e.makers()), null, true);
        col(table, "First quote (s)", 100, e -> RfqHistory.seconds(e.timeToFirstQuote()), null, true);
        col(table, "Best edge USD", 110, e -> Formats.signed(e.bestEdgeUsd(), 2), e -> Formats.shown(e.bestEdgeUsd(), 2), true);

        quotes.setId("rfq-history-quotes");
        quotes.setPlaceholder(new Label("Select an RFQ to see its quotes"));
        quotes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col(quotes, "Received", 80, q -> Formats.time(q.received()), null, false);
        col(quotes, "Maker", 90, q -> q.maker() == null ? Formats.DASH : q.maker(), null, false);
        col(quotes, "Direction", 90, q -> q.ourSide() == io.coincalltrader.domain.order.Side.BUY ? "as requested" : "reversed", null, false);
        col(quotes, "Package cost USD", 130, q -> Formats.number(q.packageCost(), 2), null, true);
        col(quotes, "Edge USD", 100, q -> Formats.signed(q.edgeUsd(), 2), q -> Formats.shown(q.edgeUsd(), 2), true);
        col(quotes, "State", 90, q -> q.state().name(), null, false);
        col(quotes, "Accepted", 70, q -> q.accepted() ? "✓" : "", null, false);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showQuotes(b));

        SplitPane split = new SplitPane(table, quotes);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);
        summary.setText(RfqHistory.summary(List.of()).text());
    }

    private static <S> void col(TableView<S> t, String title, double width, Function<S, String> text, Function<S, Number> sign, boolean numeric) {
        TableColumn<S, S> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
        c.setCellFactory(x -> new TextCell<>(text, sign, numeric));
        t.getColumns().add(c);
    }

    /**
     * Shows these RFQs (newest first), changing only the rows that changed so the selection and scroll stay (FX thread).
     */
    public void accept(List<StoredRfq> rfqs) {
        assert Platform.isFxApplicationThread();
        if (rfqs.equals(shown) && Formats.style() == shownStyle) {
            return; // the poller hands the same history in every few seconds
        }
        shown = List.copyOf(rfqs);
        shownStyle = Formats.style();
        RfqHistory.Entry selected = table.getSelectionModel().getSelectedItem();
        List<RfqHistory.Entry> entries = RfqHistory.of(shown);
        merge(table.getItems(), entries);
        if (selected != null) {
            // A replaced row may lose its selection, a removed one pass it to a neighbour: follow the RFQ, not the index.
            entries.stream().filter(e -> e.requestId().equals(selected.requestId())).findFirst().ifPresentOrElse(e -> {
                if (table.getSelectionModel().getSelectedItem() != e) {
                    table.getSelectionModel().select(e);
                }
            }, () -> table.getSelectionModel().clearSelection());
        }
        showQuotes(table.getSelectionModel().getSelectedItem());
        summary.setText(RfqHistory.summary(entries).text());
    }

    /** Turns {@code items} into {@code wanted} with inserts, removals and in-place replacements, keyed by request id. */
    private static void merge(ObservableList<RfqHistory.Entry> items, List<RfqHistory.Entry> wanted) {
        Map<String, RfqHistory.Entry> byId = new HashMap<>();
        wanted.forEach(e -> byId.put(e.requestId(), e));
        items.removeIf(e -> !byId.containsKey(e.requestId()));
        for (int i = 0; i < wanted.size(); i++) {
            RfqHistory.Entry e = wanted.get(i);
            if (i < items.size() && items.get(i).requestId().equals(e.requestId())) {
                if (!items.get(i).equals(e)) {
                    items.set(i, e);
                }
                continue;
            }
            for (int j = i + 1; j < items.size(); j++) { // moved (equal creation times): take it out of its old place
                if (items.get(j).requestId().equals(e.requestId())) {
                    items.remove(j);
                    break;
                }
            }
            items.add(i, e);
        }
        if (items.size() > wanted.size()) {
            items.remove(wanted.size(), items.size());
        }
    }

    /** Shows the quotes of this RFQ, unless they are shown already (so their selection stays). */
    private void showQuotes(RfqHistory.Entry e) {
        if (Objects.equals(e, quotesOf)) {
            return;
        }
        quotesOf = e;
        quotes.getItems().setAll(e == null ? List.of() : RfqHistory.quotes(e.stored()));
    }

    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export RFQ history");
        chooser.setInitialFileName("rfq-history.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            export.setDisable(true);
            exportTo(file.toPath()).whenComplete((p, e) -> Platform.runLater(() -> export.setDisable(false)));
        }
    }

    /**
     * Writes the RFQs shown now to {@code file} on the executor (through a temporary file, so a failed export leaves
     * no half file); the message goes to the callback on the FX thread, and the future completes with the file.
     */
    public CompletableFuture<Path> exportTo(Path file) {
        List<StoredRfq> rfqs = shown;
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path target = file.toAbsolutePath();
                Path temp = Files.createTempFile(target.getParent(), ".rfq-history", ".csv.part");
                try {
                    RfqHistoryCsv.Written w;
                    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                        w = RfqHistoryCsv.write(rfqs, out);
                    }
                    try {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    report("Exported " + w.rfqs() + (w.rfqs() == 1 ? " RFQ, " : " RFQs, ") + w.quotes() + (w.quotes() == 1 ? " quote" : " quotes")
                            + " to " + target);
                    return target;
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException | RuntimeException e) {
                report("Export to " + file + " failed: " + why(e));
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }, executor);
    }

    private static String why(Exception e) {
        return switch (e) {
            case NoSuchFileException x -> "the folder does not exist";
            case AccessDeniedException x -> "no permission to write there";
            default -> e.getMessage() == null ? e.toString() : e.getMessage();
        };
    }

    private void report(String message) {
        Platform.runLater(() -> onExported.accept(message));
    }

    public TableView<RfqHistory.Entry> table() {
        return table;
    }
}
