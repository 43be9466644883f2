package io.coincalltrader.ui.positions;

import io.coincalltrader.ui.common.Styles;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;

import java.util.function.Function;

/**
 * A cell of the positions tree. The cell's item is the line's {@link PositionItem}, which never changes; the cell
 * listens to the item's row itself and redraws an unmanaged {@link Text} node that it positions. A new row therefore
 * repaints only this cell: neither the cell value (whose change makes the cell request a layout) nor a Labeled's text
 * (same) changes, so the flow never re-lays out every visible cell — what keeps thousands of updates a second cheap.
 */
final class PositionCell extends TreeTableCell<PositionItem, PositionItem> {
    private static final double PAD = 5;
    private final Function<PositionRow, String> format;
    private final Function<PositionRow, Number> sign;
    private final boolean numeric;
    private final Text text = new Text();
    private final javafx.beans.value.ChangeListener<PositionRow> onRow = (o, a, b) -> show(b);
    private PositionItem watched;

    PositionCell(Function<PositionRow, String> format, Function<PositionRow, Number> sign, boolean numeric) {
        this.format = format;
        this.sign = sign;
        this.numeric = numeric;
        text.setManaged(false);
        text.getStyleClass().add("cell-text");
        if (numeric) {
            text.getStyleClass().add(Styles.NUMERIC);
            getStyleClass().add(Styles.NUMERIC);
        }
        getChildren().add(text);
        widthProperty().addListener((o, a, b) -> place());
        heightProperty().addListener((o, a, b) -> place());
    }

    @Override
    protected void updateItem(PositionItem item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (watched != item) {
            if (watched != null) {
                watched.rowProperty().removeListener(onRow);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.rowProperty().addListener(onRow);
            }
        }
        show(empty || item == null ? null : item.row());
    }

    private void show(PositionRow row) {
        if (row == null) {
            text.setText("");
            Styles.sign(text, 0);
            text.pseudoClassStateChanged(Styles.GROUP, false);
            return;
        }
        text.setText(format.apply(row));
        Styles.sign(text, sign == null ? 0 : sign.apply(row));
        text.pseudoClassStateChanged(Styles.GROUP, row.group());
        place();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (!getChildren().contains(text)) {
            getChildren().add(text); // a skin may reset the children
        }
        place();
    }

    private void place() {
        double w = text.getLayoutBounds().getWidth();
        double h = text.getLayoutBounds().getHeight();
        double x = numeric ? getWidth() - w - PAD : getTreeTableView() != null && getTableColumn() != null
                && getTreeTableView().getTreeColumn() == null && getTableColumn() == getTreeTableView().getColumns().getFirst()
                ? PAD + indent() : PAD;
        text.relocate(Math.max(PAD, x), Math.max(0, (getHeight() - h) / 2));
    }

    /** The tree column draws the disclosure arrow; its text starts after it. */
    private double indent() {
        return getTableRow() != null && getTableRow().getTreeItem() != null
                ? 18 + 14 * Math.max(0, getTreeTableView().getTreeItemLevel(getTableRow().getTreeItem()) - 1) : 18;
    }
}
