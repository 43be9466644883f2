package io.coincalltrader.ui.common;

import io.coincalltrader.domain.order.Side;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * The Buy / Sell pair of the tickets, bound both ways to a side: green and red when chosen, one always chosen
 * (clicking the chosen one again keeps it). Ids are {@code <prefix>-buy} and {@code <prefix>-sell}.
 */
public final class SideToggle extends HBox {
    public SideToggle(String idPrefix, ObjectProperty<Side> side) {
        super(2);
        ToggleGroup group = new ToggleGroup();
        ToggleButton buy = button("Buy", idPrefix + "-buy", "buy", group);
        ToggleButton sell = button("Sell", idPrefix + "-sell", "sell", group);
        (side.get() == Side.SELL ? sell : buy).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                (a == null ? buy : (ToggleButton) a).setSelected(true);
            } else {
                side.set(b == buy ? Side.BUY : Side.SELL);
            }
        });
        side.addListener((o, a, b) -> (b == Side.SELL ? sell : buy).setSelected(true));
        getChildren().addAll(buy, sell);
    }

    private static ToggleButton button(String text, String id, String style, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.getStyleClass().add(style);
        b.setToggleGroup(group);
        return b;
    }
}
