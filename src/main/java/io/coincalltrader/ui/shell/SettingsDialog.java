package io.coincalltrader.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import io.coincalltrader.ui.common.Formats;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.math.BigDecimal;

/**
 * Alerts and display: margin thresholds (percent of equity), pop-ups, sounds, number style, and the RFQ ladder's
 * guards (stale age, price band, one-click); checked at the field.
 */
public final class SettingsDialog {
    /** What the dialog applies when confirmed. */
    public interface Apply {
        void apply(BigDecimal warn, BigDecimal critical, boolean popups, boolean sounds, Formats.Style numbers);
    }

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public SettingsDialog(Window owner, UiSettings settings, Apply apply) {
        dialog.initOwner(owner);
        dialog.setTitle("Alerts, margin and numbers");
        dialog.setHeaderText("Margin alerts are raised when maintenance margin passes these shares of equity.");
        TextField warn = new TextField(settings.getDecimal("margin.warn", "0.50").movePointRight(2).stripTrailingZeros().toPlainString());
        warn.setId("settings-margin-warn");
        TextField critical = new TextField(settings.getDecimal("margin.critical", "0.80").movePointRight(2).stripTrailingZeros().toPlainString());
        critical.setId("settings-margin-critical");
        CheckBox popups = new CheckBox("Show notifications for fills, rejections, margin and disconnects");
        popups.setId("settings-popups");
        popups.setSelected(settings.getBoolean("notifications", true));
        CheckBox sounds = new CheckBox("Play a sound with each alert");
        sounds.setId("settings-sounds");
        sounds.setSelected(settings.getBoolean("sounds", true));
        ChoiceBox<Formats.Style> numbers = new ChoiceBox<>();
        numbers.setId("settings-numbers");
        numbers.getItems().setAll(Formats.Style.values());
        numbers.setValue(Formats.style());
        TextField stale = new TextField(settings.get("rfq.staleSeconds", "30"));
        stale.setId("settings-rfq-stale");
        TextField band = new TextField(settings.get("rfq.bandPercent", "5"));
        band.setId("settings-rfq-band");
        CheckBox oneClick = new CheckBox("One-click trading on the RFQ ladder (no confirming click)");
        oneClick.setId("settings-rfq-one-click");
        oneClick.setSelected(settings.getBoolean("rfq.oneClick", false));
        Label problem = new Label();
        problem.setId("settings-problem");
        problem.getStyleClass().add("field-problem");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("Warn at (% of equity)"), warn);
        g.addRow(1, new Label("Critical at (% of equity)"), critical);
        g.add(popups, 0, 2, 2, 1);
        g.add(sounds, 0, 3, 2, 1);
        g.addRow(4, new Label("Numbers"), numbers);
        g.addRow(5, new Label("RFQ quote stale after (s)"), stale);
        g.addRow(6, new Label("RFQ price band (% of premium)"), band);
        g.add(oneClick, 0, 7, 2, 1);
        g.add(problem, 0, 8, 2, 1);
        dialog.getDialogPane().setContent(g);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setId("settings-dialog");
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String why = problem(warn.getText(), critical.getText());
            why = why != null ? why : rfqProblem(stale.getText(), band.getText());
            problem.setText(why == null ? "" : why);
            ok.setDisable(why != null);
        };
        warn.textProperty().addListener((o, a, b) -> check.run());
        critical.textProperty().addListener((o, a, b) -> check.run());
        stale.textProperty().addListener((o, a, b) -> check.run());
        band.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        dialog.setResultConverter(b -> {
            if (b == ButtonType.OK && problem(warn.getText(), critical.getText()) == null && rfqProblem(stale.getText(), band.getText()) == null) {
                settings.put("rfq.staleSeconds", new BigDecimal(stale.getText().trim()).stripTrailingZeros().toPlainString());
                settings.put("rfq.bandPercent", new BigDecimal(band.getText().trim()).stripTrailingZeros().toPlainString());
                settings.put("rfq.oneClick", Boolean.toString(oneClick.isSelected()));
                BigDecimal w = new BigDecimal(warn.getText().trim()).movePointLeft(2);
                BigDecimal c = new BigDecimal(critical.getText().trim()).movePointLeft(2);
                settings.put("margin.warn", w.toPlainString());
                settings.put("margin.critical", c.toPlainString());
                settings.put("notifications", Boolean.toString(popups.isSelected()));
                settings.put("sounds", Boolean.toString(sounds.isSelected()));
                settings.put("numbers", numbers.getValue().name());
                apply.apply(w, c, popups.isSelected(), sounds.isSelected(), numbers.getValue());
            }
            return b;
        });
    }

    /** Why these thresholds are not acceptable, or null. */
    static String problem(String warn, String critical) {
        BigDecimal w;
        BigDecimal c;
        try {
            w = new BigDecimal(warn.trim());
            c = new BigDecimal(critical.trim());
        } catch (NumberFormatException e) {
            return "Both thresholds must be numbers, e.g. 50 and 80";
        }
        if (w.signum() <= 0 || c.compareTo(BigDecimal.valueOf(100)) > 0) {
            return "Thresholds are percentages between 0 and 100";
        }
        if (w.compareTo(c) >= 0) {
            return "Warn (" + w.toPlainString() + "%) must be below critical (" + c.toPlainString() + "%)";
        }
        return null;
    }

    /** Why these RFQ guards are not acceptable, or null. */
    static String rfqProblem(String staleSeconds, String bandPercent) {
        BigDecimal s;
        BigDecimal b;
        try {
            s = new BigDecimal(staleSeconds.trim());
            b = new BigDecimal(bandPercent.trim());
        } catch (NumberFormatException e) {
            return "The RFQ stale age and band are numbers, e.g. 30 s and 5%";
        }
        if (s.compareTo(BigDecimal.ONE) < 0 || s.compareTo(BigDecimal.valueOf(300)) > 0) {
            return "A quote may be hit for 1 to 300 s after it arrives";
        }
        if (b.signum() <= 0 || b.compareTo(BigDecimal.valueOf(50)) > 0) {
            return "The RFQ price band is above 0% and at most 50% of the package premium";
        }
        return null;
    }

    public void show() {
        dialog.show();
    }
}
