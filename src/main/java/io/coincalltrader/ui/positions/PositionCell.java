package io.coincalltrader.ui.positions;

import io.coincalltrader.ui.common.Styles;
import javafx.scene.control.TreeTableCell;

import java.util.function.Function;

/** A cell of the positions tree: text from the row, numeric alignment, sign colour, and group rows in bold. */
final class PositionCell extends TreeTableCell<PositionRow, PositionRow> {
    private final Function<PositionRow, String> text;
    private final Function<PositionRow, Number> sign;

    PositionCell(Function<PositionRow, String> text, Function<PositionRow, Number> sign, boolean numeric) {
        this.text = text;
        this.sign = sign;
        if (numeric) {
            getStyleClass().add(Styles.NUMERIC);
        }
    }

    @Override
    protected void updateItem(PositionRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setText(null);
            Styles.sign(this, 0);
            pseudoClassStateChanged(Styles.GROUP, false);
            return;
        }
        setText(text.apply(row));
        Styles.sign(this, sign == null ? 0 : sign.apply(row));
        pseudoClassStateChanged(Styles.GROUP, row.group());
    }
}
