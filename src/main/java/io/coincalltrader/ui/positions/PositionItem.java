package io.coincalltrader.ui.positions;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What a tree item holds: one line's identity and its current row. The tree item's value never changes (a changed
 * value makes the TreeTableView rebuild every visible cell); the row property does, and only the cells showing it
 * update.
 */
public final class PositionItem {
    private final String key;
    private final ReadOnlyObjectWrapper<PositionRow> row;

    PositionItem(String key, PositionRow row) {
        this.key = key;
        this.row = new ReadOnlyObjectWrapper<>(row);
    }

    public String key() {
        return key;
    }

    public PositionRow row() {
        return row.get();
    }

    void set(PositionRow r) {
        if (row.get() != r) {
            row.set(r);
        }
    }

    public ReadOnlyObjectProperty<PositionRow> rowProperty() {
        return row.getReadOnlyProperty();
    }
}
