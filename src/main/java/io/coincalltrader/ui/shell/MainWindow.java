package io.coincalltrader.ui.shell;

import io.coincalltrader.engine.recovery.ReconciliationReport;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.ui.WorkstationContext;
import javafx.application.HostServices;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;

/**
 * The main window: menu bar and top bar, the desk in the centre (a "connecting" panel until the session is up),
 * the status bar; the theme, keyboard shortcuts and the Help menu's actions.
 */
public final class MainWindow {
    private static final String BASE_CSS = "/io/coincalltrader/ui/theme/base.css";
    private final Stage stage;
    private final WorkstationContext context;
    private final HostServices host;
    private final BorderPane root = new BorderPane();
    private final TopBar top;
    private final Alerts alerts;
    private final StatusLine status;
    private final Label connecting = new Label("Connecting to the exchange…");
    private final VBox waiting;
    private final java.util.concurrent.Executor background = r -> Thread.ofPlatform().daemon().name("settings-io").start(r);
    private String mode;
    private final MenuBar menus = new MenuBar();
    private Desk desk;
    private TradingSession session;

    public MainWindow(Stage stage, WorkstationContext context, HostServices host) {
        this.stage = stage;
        this.context = context;
        this.host = host;
        this.top = new TopBar(context.mode());
        this.alerts = new Alerts(stage, java.time.Clock.systemUTC(), context.settings().getBoolean("notifications", true),
                new Sounds(context.settings().getBoolean("sounds", true)));
        this.status = new StatusLine(alerts, java.time.Clock.systemUTC());
        root.setId("main-window");
        connecting.setId("connecting");
        this.mode = context.mode();
        try {
            io.coincalltrader.ui.common.Formats.use(io.coincalltrader.ui.common.Formats.Style.valueOf(context.settings().get("numbers", "COMMA_POINT")));
        } catch (IllegalArgumentException e) {
            io.coincalltrader.ui.common.Formats.use(io.coincalltrader.ui.common.Formats.Style.COMMA_POINT);
        }
        waiting = new VBox(12, new ProgressIndicator(), connecting);
        waiting.setAlignment(javafx.geometry.Pos.CENTER);
        root.setTop(new VBox(menus, top));
        root.setCenter(waiting);
        root.setBottom(status);
        buildMenus();
        Scene scene = new Scene(root, context.settings().getDouble("window.width", 1440), context.settings().getDouble("window.height", 900));
        applyTheme(scene, context.settings().get("theme", "dark"));
        stage.setScene(scene);
        stage.setTitle("CoincallTrader — " + context.mode());
        shortcuts(scene);
    }

    private void applyTheme(Scene scene, String theme) {
        String t = "light".equals(theme) ? "light" : "dark";
        scene.getStylesheets().setAll(css("/io/coincalltrader/ui/theme/" + t + ".css"), css(BASE_CSS));
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w != stage && w.getScene() != null && w instanceof Stage s && s.getOwner() == stage) {
                w.getScene().getStylesheets().setAll(scene.getStylesheets());
            }
        }
    }

    private String css(String path) {
        return Objects.requireNonNull(MainWindow.class.getResource(path), path).toExternalForm();
    }

    private void buildMenus() {
        MenuItem ticket = item("Order ticket…", "menu-ticket", "Shortcut+T", () -> ifDesk(d -> d.openTicket(null)));
        MenuItem rfq = item("RFQ ticket (block trade)…", "menu-rfq", "Shortcut+R", () -> ifDesk(Desk::openRfqTicket));
        MenuItem close = item("Close selected…", "menu-close", "Shortcut+W", () -> ifDesk(Desk::closeSelected));
        MenuItem flatten = item("Flatten all…", "menu-flatten", "Shortcut+Shift+F", () -> ifDesk(Desk::flattenAll));
        MenuItem quit = item("Quit", "menu-quit", "Shortcut+Q", stage::close);
        Menu trade = new Menu("Trade", null, ticket, rfq, close, flatten, new SeparatorMenuItem(), quit);
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        RadioMenuItem light = new RadioMenuItem("Light theme");
        dark.setId("menu-theme-dark");
        light.setId("menu-theme-light");
        dark.setToggleGroup(themes);
        light.setToggleGroup(themes);
        ("light".equals(context.settings().get("theme", "dark")) ? light : dark).setSelected(true);
        themes.selectedToggleProperty().addListener((o, a, b) -> {
            String t = b == light ? "light" : "dark";
            applyTheme(stage.getScene(), t);
            context.settings().put("theme", t);
            saveSettings();
        });
        MenuItem greeks = item("Greeks in coin / USD", "menu-greeks", "Shortcut+U", () -> ifDesk(Desk::toggleGreeks));
        Menu view = new Menu("View", null, dark, light, new SeparatorMenuItem(), greeks,
                item("Orders tab", "menu-tab-orders", "Shortcut+1", () -> ifDesk(d -> d.selectTab(0))),
                item("Fills tab", "menu-tab-fills", "Shortcut+2", () -> ifDesk(d -> d.selectTab(1))),
                item("RFQs tab", "menu-tab-rfqs", "Shortcut+3", () -> ifDesk(d -> d.selectTab(2))),
                item("Journal tab", "menu-tab-journal", "Shortcut+4", () -> ifDesk(d -> d.selectTab(3))),
                item("Log tab", "menu-tab-log", "Shortcut+5", () -> ifDesk(d -> d.selectTab(4))));
        Menu settingsMenu = new Menu("Settings", null, item("Alerts, margin and numbers…", "menu-settings", "Shortcut+Comma", this::openSettings),
                item("API keys…", "menu-keys", null, () -> new KeysDialog(stage, new io.coincalltrader.store.KeyVault(context.dataDirectory()), background).show()),
                item("Switch exchange…", "menu-switch", null, this::openSwitch));
        Menu help = new Menu("Help", null,
                item("Keyboard shortcuts", "menu-shortcuts", "F1", this::showShortcuts),
                item("Open data folder", "menu-data-folder", null, () -> host.showDocument(context.dataDirectory().toUri().toString())),
                item("Open log", "menu-open-log", null, () -> host.showDocument(context.dataDirectory().resolve("logs").resolve("coincalltrader.log").toUri().toString())),
                item("Create backup now", "menu-backup", null, this::backup));
        menus.getMenus().addAll(trade, view, settingsMenu, help);
        menus.setId("menu-bar");
    }

    private MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void ifDesk(java.util.function.Consumer<Desk> action) {
        if (desk != null) {
            action.accept(desk);
        }
    }

    private void shortcuts(Scene scene) {
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+F"), () -> ifDesk(Desk::flattenAll));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F1) {
                showShortcuts();
            }
        });
    }

    /** The keyboard shortcuts, as listed in the help dialog. */
    public static List<String[]> shortcutList() {
        return List.of(new String[] {"Ctrl+T", "Order ticket"}, new String[] {"Ctrl+R", "RFQ ticket (block trade)"},
                new String[] {"Ctrl+W", "Close the selected position or structure"},
                new String[] {"Ctrl+Shift+F", "Flatten all (two confirmations)"}, new String[] {"Ctrl+U", "Greeks in coin / USD"},
                new String[] {"Ctrl+1 … Ctrl+5", "Orders, Fills, RFQs, Journal, Log tab"}, new String[] {"Ctrl+,", "Alerts, margin and number settings"},
                new String[] {"F1", "This list"}, new String[] {"Ctrl+Q", "Quit"});
    }

    private void showShortcuts() {
        javafx.scene.layout.GridPane keys = new javafx.scene.layout.GridPane();
        keys.setHgap(24);
        keys.setVgap(4);
        int row = 0;
        for (String[] s : shortcutList()) {
            Label k = new Label(s[0]);
            k.getStyleClass().add("numeric");
            keys.addRow(row++, k, new Label(s[1]));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        a.initOwner(stage);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts (Cmd instead of Ctrl on macOS)");
        a.getDialogPane().setContent(keys);
        a.getDialogPane().setId("shortcuts-dialog");
        a.show();
    }

    private void openSwitch() {
        if (context.opener() == null) {
            return;
        }
        new SwitchExchangeDialog(stage, new io.coincalltrader.store.KeyVault(context.dataDirectory()), background, mode, (profile, keys) -> {
            String m = switch (profile) {
                case "production" -> "LIVE";
                case "testnet" -> "TESTNET";
                default -> "PAPER";
            };
            connect(m, context.opener().open(profile, keys), s -> { });
        }).show();
    }

    /**
     * Opens a session in the background (closing the one shown, if any) and shows its desk when it is up; the window
     * stays usable meanwhile.
     */
    public void connect(String newMode, java.util.concurrent.Callable<TradingSession> open, java.util.function.Consumer<TradingSession> onUp) {
        TradingSession old = session;
        if (desk != null) {
            desk.close();
            desk = null;
        }
        session = null;
        mode = newMode;
        top.mode(newMode);
        stage.setTitle("CoincallTrader — " + newMode);
        connecting.setText("Connecting to the exchange…");
        root.setCenter(waiting);
        status.engine("starting");
        Thread.ofPlatform().daemon().name("connect").start(() -> {
            if (old != null) {
                old.close();
            }
            try {
                TradingSession s = open.call();
                ReconciliationReport report = s.reconcile();
                s.startDesk(java.time.Duration.ofSeconds(1));
                javafx.application.Platform.runLater(() -> {
                    connected(s, report);
                    onUp.accept(s);
                });
            } catch (Exception e) {
                String why = e instanceof io.coincalltrader.exchange.ExchangeException x ? x.traderMessage()
                        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                org.slf4j.LoggerFactory.getLogger(MainWindow.class).error("could not connect: {}", why, e);
                javafx.application.Platform.runLater(() -> failed(why));
            }
        });
    }

    public TradingSession session() {
        return session;
    }

    private void openSettings() {
        new SettingsDialog(stage, context.settings(), (warn, critical, popups, sounds, numbers) -> {
            alerts.setPopups(popups);
            alerts.setSounds(sounds);
            io.coincalltrader.ui.common.Formats.use(numbers);
            ifDesk(Desk::redraw);
            ifDesk(d -> d.setMarginThresholds(warn, critical));
            saveSettings();
        }).show();
    }

    private void backup() {
        if (session == null) {
            return;
        }
        session.io().execute(() -> {
            String text;
            try {
                text = "Backup written to " + session.db().backupNow();
            } catch (RuntimeException e) {
                text = "Backup failed: " + e.getMessage();
            }
            String t = text;
            javafx.application.Platform.runLater(() -> alerts.raise(Alerts.Level.INFO, "Backup", t));
        });
    }

    private void saveSettings() {
        context.settings().save();
    }

    /** The session is up (FX thread): the desk replaces the connecting panel; a non-empty reconciliation is shown. */
    public void connected(TradingSession s, ReconciliationReport report) {
        session = s;
        desk = new Desk(s, stage, context.settings(), alerts, top, status);
        root.setCenter(desk.content());
        status.engine("running");
        if (report == null || report.findings().isEmpty()) {
            return;
        }
        // Fills imported from the exchange's history are recorded facts, not problems: an alert says so; anything
        // else the reconciliation found (orders settled, external orders or positions, RFQs) opens the report.
        boolean onlyImports = report.findings().stream().allMatch(f -> f.kind() == ReconciliationReport.Kind.FILL_RECOVERED);
        if (onlyImports) {
            alerts.raise(Alerts.Level.INFO, "Reconciliation", report.findings().size() + " fill(s) recorded from the exchange's history (see Journal)");
        } else {
            showReport(report);
        }
    }

    private void showReport(ReconciliationReport report) {
        TextArea text = new TextArea(report.text());
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefSize(900, 300);
        text.getStyleClass().add("numeric");
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        a.initOwner(stage);
        a.initModality(javafx.stage.Modality.NONE);
        a.setTitle("Reconciliation at start");
        a.setHeaderText("The store was reconciled with the exchange: " + report.findings().size() + " finding(s). This report is kept in the journal.");
        a.getDialogPane().setContent(text);
        a.getDialogPane().setPadding(new Insets(8));
        a.getDialogPane().setId("reconciliation-dialog");
        a.setResizable(true);
        a.show();
    }

    public void failed(String why) {
        connecting.setText("Could not connect: " + why);
        top.failed(why);
        status.setText("Not connected: " + why);
        status.engine("stopped");
    }

    public void saveGeometry() {
        context.settings().put("window.width", Double.toString(stage.getWidth()));
        context.settings().put("window.height", Double.toString(stage.getHeight()));
    }

    public void dispose() {
        status.stop();
        alerts.close();
        if (desk != null) {
            desk.close();
        }
    }

    /** A menu item by id (the screenshot tour switches themes through the menu like a trader would). */
    MenuItem menuItem(String id) {
        for (Menu m : menus.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no menu item " + id);
    }

    public Desk desk() {
        return desk;
    }

    public Stage stage() {
        return stage;
    }
}
