package io.coincalltrader.ui.shell;

import io.coincalltrader.store.ApiKeys;
import io.coincalltrader.store.KeyVault;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Switch the window to paper, testnet or production. Testnet and production open the saved keys with the
 * passphrase; production also asks the trader to type LIVE, because real money is at stake from then on.
 */
public final class SwitchExchangeDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    /** @param onSwitch called on the FX thread with the profile and its keys (null for paper) once opened */
    public SwitchExchangeDialog(Window owner, KeyVault vault, Executor io, String current, BiConsumer<String, ApiKeys> onSwitch) {
        dialog.initOwner(owner);
        dialog.setTitle("Switch exchange");
        dialog.setHeaderText("Now: " + current + ". Orders, positions and the journal are kept per exchange account.");
        ToggleGroup group = new ToggleGroup();
        RadioButton paper = radio("Paper (the embedded paper exchange, no keys)", "paper", group, "switch-paper");
        RadioButton testnet = radio("Testnet (Coincall's test exchange)", "testnet", group, "switch-testnet");
        RadioButton production = radio("Production — real money", "production", group, "switch-production");
        PasswordField pass = new PasswordField();
        pass.setId("switch-passphrase");
        pass.setPromptText("Passphrase of the saved keys");
        TextField live = new TextField();
        live.setId("switch-confirm-live");
        live.setPromptText("Type LIVE to trade with real money");
        Label problem = new Label();
        problem.setId("switch-problem");
        problem.getStyleClass().add("field-problem");
        String currentProfile = switch (current) {
            case "LIVE" -> "production";
            case "TESTNET" -> "testnet";
            default -> "paper";
        };
        (currentProfile.equals("production") ? production : currentProfile.equals("testnet") ? testnet : paper).setSelected(true);
        VBox box = new VBox(8, paper, testnet, production, pass, live, problem);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setId("switch-dialog");
        ButtonType go = new ButtonType("Switch", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        Button goButton = (Button) dialog.getDialogPane().lookupButton(go);
        goButton.setId("switch-go");
        // Which profiles have saved keys is read once off the FX thread.
        java.util.Set<String> saved = java.util.concurrent.ConcurrentHashMap.newKeySet();
        boolean[] loaded = {false};
        Runnable check = () -> {
            String p = (String) group.getSelectedToggle().getUserData();
            boolean needsKeys = !p.equals("paper");
            pass.setDisable(!needsKeys);
            live.setDisable(!p.equals("production"));
            String why = null;
            if (p.equals(currentProfile)) {
                why = "This window is on " + current + " now";
            } else if (needsKeys && !loaded[0]) {
                why = "Reading saved keys…";
            } else if (needsKeys && !saved.contains(p)) {
                why = "No keys saved for " + p + ": add them in Settings → API keys…";
            } else if (needsKeys && pass.getText().isEmpty()) {
                why = "Enter the passphrase of the saved keys";
            } else if (p.equals("production") && !"LIVE".equals(live.getText().trim())) {
                why = "Type LIVE to confirm trading with real money";
            }
            problem.setText(why == null ? "" : why);
            goButton.setDisable(why != null);
        };
        group.selectedToggleProperty().addListener((o, a, b) -> check.run());
        pass.textProperty().addListener((o, a, b) -> check.run());
        live.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        io.execute(() -> {
            for (String p : new String[] {"testnet", "production"}) {
                if (vault.exists(p)) {
                    saved.add(p);
                }
            }
            Platform.runLater(() -> {
                loaded[0] = true;
                check.run();
            });
        });
        goButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String p = (String) group.getSelectedToggle().getUserData();
            if (p.equals("paper")) {
                onSwitch.accept(p, null);
                return; // the dialog closes
            }
            e.consume();
            char[] passphrase = pass.getText().toCharArray();
            goButton.setDisable(true);
            problem.setText("Opening the keys…");
            io.execute(() -> {
                ApiKeys keys = null;
                String why = null;
                try {
                    keys = vault.open(p, passphrase);
                } catch (KeyVault.WrongPassphraseException x) {
                    why = x.getMessage();
                } catch (RuntimeException x) {
                    why = "Cannot open the keys: " + x.getMessage();
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
                ApiKeys k = keys;
                String w = why;
                Platform.runLater(() -> {
                    if (k == null) {
                        problem.setText(w);
                        goButton.setDisable(false);
                        return;
                    }
                    dialog.close();
                    onSwitch.accept(p, k);
                });
            });
        });
    }

    private static RadioButton radio(String text, String profile, ToggleGroup g, String id) {
        RadioButton b = new RadioButton(text);
        b.setUserData(profile);
        b.setToggleGroup(g);
        b.setId(id);
        return b;
    }

    public void show() {
        dialog.show();
    }
}
