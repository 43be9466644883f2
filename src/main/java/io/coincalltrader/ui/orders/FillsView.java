package io.coincalltrader.ui.orders;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.TextCell;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** Every fill of this session and today's from the store, newest first. */
public final class FillsView extends TableView<Fill> {
    public FillsView(OrdersViewModel model) {
        setId("fills-table");
        setItems(model.fills());
        setPlaceholder(new Label("No fills yet"));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col("Time", 80, f -> Formats.time(f.time()), false);
        col("Instrument", 210, Fill::symbol, false);
        col("Side", 50, f -> f.side().name(), false);
        col("Size", 70, f -> Formats.size(f.quantity()), true);
        col("Price USD", 100, f -> Formats.number(f.price(), 2), true);
        col("Fee USD", 80, f -> Formats.number(f.fee(), 4), true);
        col("Role", 60, f -> f.taker() ? "taker" : "maker", false);
        col("Trade id", 160, Fill::tradeId, true);
    }

    private void col(String title, double width, Function<Fill, String> text, boolean numeric) {
        TableColumn<Fill, Fill> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
        c.setCellFactory(x -> new TextCell<>(text, null, numeric));
        getColumns().add(c);
    }
}
