package io.coincalltrader.ui.shell;

import io.coincalltrader.store.ApiKeys;
import io.coincalltrader.store.KeyVault;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * API keys for testnet or production, entered once and saved encrypted with a passphrase (see {@link KeyVault}).
 * The secret is never shown again; the dialog shows only the saved key's ends.
 */
public final class KeysDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    public KeysDialog(Window owner, KeyVault vault, Executor io) {
        dialog.initOwner(owner);
        dialog.setTitle("API keys");
        dialog.setHeaderText("Keys are encrypted with your passphrase (AES-256-GCM, key from PBKDF2) and stored only in the data folder.");
        ChoiceBox<String> profile = new ChoiceBox<>();
        profile.setId("keys-profile");
        profile.getItems().setAll("testnet", "production");
        profile.setValue("testnet");
        Label saved = new Label();
        saved.setId("keys-saved");
        saved.getStyleClass().add("muted");
        TextField key = new TextField();
        key.setId("keys-api-key");
        PasswordField secret = new PasswordField();
        secret.setId("keys-api-secret");
        PasswordField pass = new PasswordField();
        pass.setId("keys-passphrase");
        PasswordField repeat = new PasswordField();
        repeat.setId("keys-passphrase-repeat");
        Label problem = new Label();
        problem.setId("keys-problem");
        problem.getStyleClass().add("field-problem");
        // What is saved is read once off the FX thread, then kept here (and updated by a save).
        java.util.Map<String, String> savedKeys = new java.util.concurrent.ConcurrentHashMap<>();
        Runnable showSaved = () -> saved.setText(savedKeys.containsKey(profile.getValue())
                ? "Saved: key " + savedKeys.get(profile.getValue()) + " (encrypted)" : "No keys saved for " + profile.getValue());
        profile.valueProperty().addListener((o, a, b) -> showSaved.run());
        saved.setText("Reading saved keys…");
        io.execute(() -> {
            for (String p : profile.getItems()) {
                vault.maskedKey(p).ifPresent(k -> savedKeys.put(p, k));
            }
            Platform.runLater(showSaved);
        });
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("Profile"), profile);
        g.add(saved, 1, 1);
        g.addRow(2, new Label("API key"), key);
        g.addRow(3, new Label("API secret"), secret);
        g.addRow(4, new Label("Passphrase"), pass);
        g.addRow(5, new Label("Repeat passphrase"), repeat);
        g.add(problem, 0, 6, 2, 1);
        dialog.getDialogPane().setContent(g);
        dialog.getDialogPane().setId("keys-dialog");
        ButtonType save = new ButtonType("Save encrypted", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CLOSE);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("keys-save");
        Runnable check = () -> {
            String why = problem(key.getText(), secret.getText(), pass.getText(), repeat.getText());
            problem.setText(why == null ? "" : why);
            saveButton.setDisable(why != null);
        };
        for (TextField f : new TextField[] {key, secret, pass, repeat}) {
            f.textProperty().addListener((o, a, b) -> check.run());
        }
        check.run();
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open until the file is written
            ApiKeys keys = new ApiKeys(key.getText(), secret.getText());
            char[] passphrase = pass.getText().toCharArray();
            String p = profile.getValue();
            saveButton.setDisable(true);
            problem.setText("Encrypting…");
            io.execute(() -> {
                String result;
                try {
                    vault.save(p, keys, passphrase);
                    savedKeys.put(p, keys.maskedKey());
                    result = null;
                } catch (RuntimeException x) {
                    result = "Not saved: " + x.getMessage();
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
                String r = result;
                Platform.runLater(() -> {
                    problem.setText(r == null ? "" : r);
                    if (r == null) {
                        secret.clear();
                        pass.clear();
                        repeat.clear();
                        key.clear();
                        showSaved.run();
                    }
                    check.run();
                });
            });
        });
    }

    /** Why the fields cannot be saved, or null. */
    static String problem(String key, String secret, String pass, String repeat) {
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            return "Enter the API key and secret from Coincall's API management page";
        }
        if (pass == null || pass.length() < 8) {
            return "Choose a passphrase of at least 8 characters";
        }
        if (!pass.equals(repeat)) {
            return "The passphrases differ";
        }
        return null;
    }

    public void show() {
        dialog.show();
    }
}
