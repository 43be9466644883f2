package io.coincalltrader.ui.common;

import javafx.scene.control.TableCell;

import java.util.function.Function;

/** A table cell that shows a formatted text; numeric cells are right-aligned in the tabular font and coloured by sign. */
public final class TextCell<S, T> extends TableCell<S, T> {
    private final Function<T, String> text;
    private final Function<T, Number> sign;

    public TextCell(Function<T, String> text, Function<T, Number> sign, boolean numeric) {
        this.text = text;
        this.sign = sign;
        if (numeric) {
            getStyleClass().add(Styles.NUMERIC);
        }
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            Styles.sign(this, 0);
            return;
        }
        setText(text.apply(item));
        Styles.sign(this, sign == null ? 0 : sign.apply(item));
    }
}
