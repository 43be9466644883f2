package io.coincalltrader.ui.orders;

import io.coincalltrader.store.JournalEntry;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.TextCell;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The store's journal: every action and transition with its cause, newest first, filterable by kind and text. */
public final class JournalView extends BorderPane {
    private static final String ALL = "All kinds";
    private final ObservableList<JournalEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<JournalEntry> shown = new FilteredList<>(entries);
    private final TableView<JournalEntry> table = new TableView<>(shown);
    private final ChoiceBox<String> kind = new ChoiceBox<>();
    private final TextField text = new TextField();
    private long lastId;

    public JournalView() {
        setId("journal");
        table.setId("journal-table");
        table.setPlaceholder(new Label("Nothing journalled yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col("Time", 140, e -> Formats.dateTime(e.time()));
        col("Kind", 90, JournalEntry::kind);
        col("Cause", 80, e -> e.cause().name());
        col("Subject", 180, e -> e.subject() == null ? "" : e.subject());
        col("What happened", 600, JournalEntry::message);
        kind.setId("journal-kind");
        kind.getItems().setAll(ALL, "ORDER", "FILL", "EXECUTION", "RFQ", "RECONCILE", "ALERT");
        kind.setValue(ALL);
        text.setId("journal-filter");
        text.setPromptText("Filter text");
        kind.valueProperty().addListener((o, a, b) -> refilter());
        text.textProperty().addListener((o, a, b) -> refilter());
        HBox bar = new HBox(8, new Label("Show"), kind, text);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);
        setCenter(table);
    }

    private void col(String title, double width, Function<JournalEntry, String> f) {
        TableColumn<JournalEntry, JournalEntry> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
        c.setCellFactory(x -> new TextCell<>(f, null, false));
        table.getColumns().add(c);
    }

    private void refilter() {
        String k = kind.getValue();
        String t = text.getText() == null ? "" : text.getText().trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(e -> (ALL.equals(k) || k.equals(e.kind()))
                && (t.isEmpty() || (e.message() + " " + e.subject()).toLowerCase(Locale.ROOT).contains(t)));
    }

    /** New rows (FX thread), oldest first in the batch; each id once. */
    public void accept(List<JournalEntry> batch) {
        for (JournalEntry e : batch) {
            if (e.id() > lastId) {
                entries.addFirst(e);
                lastId = e.id();
            }
        }
    }
}
