package io.coincalltrader.ui;

import io.coincalltrader.domain.order.OrderState;
import io.coincalltrader.engine.order.TrackedOrder;
import io.coincalltrader.store.JournalFilter;
import io.coincalltrader.ui.common.Styles;
import io.coincalltrader.ui.positions.PositionRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The workstation window over the paper exchange: real controls clicked in a real scene (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class WorkstationTest {
    @TempDir
    static Path dir;
    private DeskFixture desk;

    @Start
    void start(Stage stage) {
        desk = new DeskFixture(dir.resolve("d" + System.nanoTime()));
        desk.open(stage);
    }

    @BeforeEach
    void connect() throws Exception {
        desk.connect();
        waitFor(() -> rows(new FxRobot()).size() >= 8, 15);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<PositionRow> rows(FxRobot robot) {
        var found = robot.lookup("#positions-table").tryQuery();
        List<PositionRow> out = new java.util.ArrayList<>();
        if (found.isEmpty()) {
            return out;
        }
        TreeTableView<io.coincalltrader.ui.positions.PositionItem> t = (TreeTableView<io.coincalltrader.ui.positions.PositionItem>) found.get();
        for (TreeItem<io.coincalltrader.ui.positions.PositionItem> top : t.getRoot().getChildren()) {
            out.add(top.getValue().row());
            top.getChildren().forEach(c -> out.add(c.getValue().row()));
        }
        return out;
    }

    /** Orders this app sent (the demo book's entry trades carry no client order id). */
    private List<io.coincalltrader.paper.trading.PaperOrder> ours() {
        return desk.paper.oracle().orders(io.coincalltrader.domain.order.ProductType.OPTION).stream().filter(o -> o.clientOrderId() != null).toList();
    }

    @Test
    void theDemoBookIsLiveGroupedByStructureWithPnlColoursAndTheModeBadge(FxRobot robot) throws Exception {
        List<PositionRow> rows = rows(robot);
        assertThat(rows).anySatisfy(r -> assertThat(r.label()).contains("short strangle"));
        assertThat(rows).anySatisfy(r -> assertThat(r.label()).contains("iron condor"));
        assertThat(rows).anySatisfy(r -> assertThat(r.symbol()).isEqualTo("BTCUSD"));
        assertThat(robot.lookup("#mode-badge").queryAs(Label.class).getText()).isEqualTo("PAPER");
        waitFor(() -> robot.lookup("#top-connection").queryAs(Label.class).getText().contains("Connected"), 10);
        assertThat(robot.lookup("#top-equity").queryAs(Label.class).getText()).endsWith(" USD");
        // P&L cells carry :up or :down by sign.
        waitFor(() -> robot.lookup(".cell-text").queryAll().stream()
                .anyMatch(n -> n.getPseudoClassStates().contains(Styles.UP) || n.getPseudoClassStates().contains(Styles.DOWN)), 10);
        // Values move with the market: the strangle's P&L changes within a few seconds.
        PositionRow first = rows.stream().filter(r -> r.label().contains("short strangle")).findFirst().orElseThrow();
        waitFor(() -> rows(robot).stream().anyMatch(r -> r.key().equals(first.key()) && r != first && r.pnlUsd().compareTo(first.pnlUsd()) != 0), 15);
        assertThat(Files.readString(desk.dataDir.resolve("ready")).trim()).matches("\\d+");
    }

    @Test
    void groupingByExpiryAndTheFilter(FxRobot robot) throws Exception {
        robot.clickOn("#positions-grouping");
        robot.clickOn("Expiry");
        waitFor(() -> rows(robot).stream().anyMatch(r -> r.group() && r.label().contains("(25DEC26)") || r.group() && r.label().matches("\\d{4}-\\d\\d-\\d\\d .*")), 5);
        assertThat(robot.lookup("#positions-grouping").queryAs(ChoiceBox.class).getValue().toString()).isEqualTo("Expiry");
        robot.clickOn("#positions-filter").write("ETHUSD");
        waitFor(() -> rows(robot).stream().filter(r -> !r.group()).allMatch(r -> r.symbol().startsWith("ETHUSD")), 5);
        assertThat(rows(robot).stream().filter(r -> !r.group())).hasSize(4);
    }

    @Test
    void closingAStructureAggressivelyShowsWhatIsSentAndFlattensIt(FxRobot robot) throws Exception {
        TreeTableView<io.coincalltrader.ui.positions.PositionItem> t = robot.lookup("#positions-table").queryAs(TreeTableView.class);
        TreeItem<io.coincalltrader.ui.positions.PositionItem> strangle = t.getRoot().getChildren().stream().filter(i -> i.getValue().row().label().contains("short strangle")).findFirst().orElseThrow();
        List<String> legs = strangle.getChildren().stream().map(i -> i.getValue().row().symbol()).toList();
        robot.interact(() -> t.getSelectionModel().select(strangle));
        robot.clickOn("#positions-close");
        waitFor(() -> robot.lookup("#close-window").tryQuery().isPresent(), 5);
        assertThat(robot.lookup("#close-summary").queryAs(Label.class).getText()).contains("2 leg(s)").contains("Expected P&L if filled at mark");
        assertThat(robot.lookup("#close-legs").queryAs(javafx.scene.layout.GridPane.class).getChildren().stream()
                .filter(n -> n instanceof Label l && l.getText().equals("Buy back")).count()).isEqualTo(2);
        robot.clickOn("#close-mode-aggressive");
        robot.clickOn("#close-send");
        assertThat(robot.lookup("#close-send").queryAs(Button.class).getText()).startsWith("Confirm");
        assertThat(ours()).isEmpty();
        robot.clickOn("#close-send");
        waitFor(() -> robot.lookup("#close-status").queryAs(Label.class).getText().startsWith("FILLED"), 30);
        waitFor(() -> rows(robot).stream().noneMatch(r -> legs.contains(r.symbol())), 15);
        assertThat(desk.session.db().journal().since(Instant.EPOCH, JournalFilter.all().kinds("EXECUTION")))
                .anySatisfy(e -> assertThat(e.message()).startsWith("FILLED"));
        robot.clickOn("#close-dismiss");
    }

    @Test
    void theOrderTicketValidatesAtTheFieldAndSendsThroughTheEngine(FxRobot robot) throws Exception {
        String symbol = rows(robot).stream().filter(r -> !r.group() && r.symbol() != null && r.symbol().startsWith("BTCUSD-")).findFirst().orElseThrow().symbol();
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#order-ticket").tryQuery().isPresent(), 5);
        robot.clickOn("#ticket-instrument").write(symbol).type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#ticket-quote").queryAs(Label.class).getText().startsWith("Mark"), 10);
        robot.clickOn("#ticket-size").write("0.001");
        waitFor(() -> !robot.lookup("#ticket-size-problem").queryAs(Label.class).getText().isEmpty(), 5);
        assertThat(robot.lookup("#ticket-size-problem").queryAs(Label.class).getText()).contains("size step 0.01");
        assertThat(robot.lookup("#ticket-send").queryAs(Button.class).isDisabled()).isTrue();
        robot.doubleClickOn("#ticket-size").eraseText(6).write("0.1");
        robot.doubleClickOn("#ticket-price").eraseText(12).write("5");
        waitFor(() -> robot.lookup("#ticket-price-problem").queryAs(Label.class).getText().contains("band"), 5);
        assertThat(robot.lookup("#ticket-send").queryAs(Button.class).isDisabled()).isTrue();
        // Back inside the band: a resting bid at the mark rounded down.
        String mark = robot.lookup("#ticket-quote").queryAs(Label.class).getText().split(" ")[1].replace(",", "");
        String bid = new java.math.BigDecimal(mark).multiply(new java.math.BigDecimal("0.95")).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
        robot.doubleClickOn("#ticket-price").eraseText(12).write(bid);
        try {
            waitFor(() -> !robot.lookup("#ticket-send").queryAs(Button.class).isDisabled(), 5);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("send stays disabled: price=" + robot.lookup("#ticket-price").queryAs(javafx.scene.control.TextField.class).getText()
                    + " size=" + robot.lookup("#ticket-size").queryAs(javafx.scene.control.TextField.class).getText() + " problems: "
                    + List.of("#ticket-instrument-problem", "#ticket-size-problem", "#ticket-price-problem", "#ticket-account-problem").stream()
                    .map(id -> robot.lookup(id).queryAs(Label.class).getText()).toList());
        }
        robot.doubleClickOn("#ticket-send"); // RELIABILITY.md F2: a double click sends one order
        waitFor(() -> robot.lookup("#ticket-status").queryAs(Label.class).getText().contains("ACKED"), 15);
        assertThat(ours()).filteredOn(o -> o.symbol().equals(symbol)).hasSize(1);

        // The orders tab shows it; cancel from there.
        robot.interact(() -> robot.lookup("#order-ticket").query().getScene().getWindow().hide());
        @SuppressWarnings("unchecked")
        TableView<TrackedOrder> orders = robot.lookup("#orders-table").queryAs(TableView.class);
        waitFor(() -> orders.getItems().stream().anyMatch(o -> o.request().symbol().equals(symbol)), 5);
        robot.interact(() -> orders.getSelectionModel().select(0));
        // Amend the resting bid's price from the orders tab; the exchange's order changes, nothing is re-sent.
        String amended = new java.math.BigDecimal(bid).subtract(java.math.BigDecimal.ONE).toPlainString();
        robot.clickOn("#orders-amend");
        waitFor(() -> robot.lookup("#amend-price").tryQuery().isPresent(), 5);
        robot.doubleClickOn("#amend-price").eraseText(12).write(amended);
        robot.clickOn("OK");
        waitFor(() -> ours().stream().anyMatch(o -> o.price().compareTo(new java.math.BigDecimal(amended)) == 0), 10);
        assertThat(ours()).hasSize(1);
        waitFor(() -> robot.lookup("#orders-message").queryAs(Label.class).getText().startsWith("Amended"), 5);
        robot.interact(() -> orders.getSelectionModel().select(0));
        robot.clickOn("#orders-cancel");
        waitFor(() -> ours().stream().noneMatch(o -> o.isOpen()), 10);
        waitFor(() -> orders.getItems().isEmpty(), 10);
        robot.clickOn("#orders-show-finished");
        waitFor(() -> orders.getItems().stream().anyMatch(o -> o.state() == OrderState.CANCELLED), 5);
    }

    @Test
    void aTicketOpenedFromAPositionIsPrefilledToCloseItAndSendable(FxRobot robot) throws Exception {
        PositionRow leg = rows(robot).stream().filter(r -> !r.group() && r.symbol() != null && r.symbol().startsWith("BTCUSD-")).findFirst().orElseThrow();
        robot.interact(() -> desk.window.desk().openTicket(leg));
        waitFor(() -> robot.lookup("#ticket-quote").queryAs(Label.class).getText().startsWith("Mark"), 10);
        assertThat(robot.lookup("#ticket-size").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo(leg.size().toPlainString());
        assertThat(robot.lookup(leg.side() == io.coincalltrader.domain.order.Side.SELL ? "#ticket-buy" : "#ticket-sell")
                .queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        try {
            waitFor(() -> !robot.lookup("#ticket-send").queryAs(Button.class).isDisabled(), 5);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("send stays disabled: problems: "
                    + List.of("#ticket-instrument-problem", "#ticket-size-problem", "#ticket-price-problem", "#ticket-account-problem").stream()
                    .map(id -> robot.lookup(id).queryAs(Label.class).getText()).toList());
        }
    }

    @Test
    void flattenAllAsksFirstAndSendsNothingWhenCancelled(FxRobot robot) throws Exception {
        robot.clickOn("#positions-flatten-all");
        waitFor(() -> robot.lookup("#flatten-confirm").tryQuery().isPresent(), 5);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#close-window").tryQuery()).isEmpty();
        assertThat(ours()).isEmpty();
        robot.clickOn("#positions-flatten-all");
        waitFor(() -> robot.lookup("#flatten-confirm").tryQuery().isPresent(), 5);
        robot.clickOn("OK");
        waitFor(() -> robot.lookup("#close-window").tryQuery().isPresent(), 5);
        assertThat(robot.lookup("#close-summary").queryAs(Label.class).getText()).contains("8 leg(s)");
        assertThat(robot.lookup("#close-mode-rfq").queryAs(Node.class).isDisabled()).as("futures leg: no RFQ").isTrue();
        robot.clickOn("#close-dismiss");
        assertThat(ours()).isEmpty();
    }

    @Test
    void aMarginThresholdCrossedRaisesAnAlertAndTurnsTheTopBarRedUntilAcknowledged(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settings-dialog").tryQuery().isPresent(), 5);
        robot.doubleClickOn("#settings-margin-warn").eraseText(4).write("5");
        robot.doubleClickOn("#settings-margin-critical").eraseText(4).write("10");
        robot.clickOn("OK");
        // The demo book uses about 21% of equity: past both thresholds.
        waitFor(() -> robot.lookup("#top-bar").query().getPseudoClassStates().contains(Styles.CRITICAL), 10);
        assertThat(robot.lookup("#status-alerts").queryAs(Button.class).getText()).contains("Margin critical");
        assertThat(desk.session.db().journal().since(Instant.EPOCH, JournalFilter.all().kinds("ALERT")))
                .anySatisfy(e -> assertThat(e.message()).startsWith("Margin usage CRITICAL"));
        robot.clickOn("#top-margin-ack");
        waitFor(() -> !robot.lookup("#top-bar").query().getPseudoClassStates().contains(Styles.CRITICAL), 5);
    }

    @Test
    void aLimitCloseRestsAtMidAndStopCancelsIt(FxRobot robot) throws Exception {
        TreeTableView<io.coincalltrader.ui.positions.PositionItem> t = robot.lookup("#positions-table").queryAs(TreeTableView.class);
        TreeItem<io.coincalltrader.ui.positions.PositionItem> perp = t.getRoot().getChildren().stream().filter(i -> "BTCUSD".equals(i.getValue().row().symbol())).findFirst().orElseThrow();
        robot.interact(() -> t.getSelectionModel().select(perp));
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#close-window").tryQuery().isPresent(), 5);
        assertThat(robot.lookup("#close-mode-rfq").queryAs(Node.class).isDisabled()).isTrue();
        robot.clickOn("#close-mode-limit");
        robot.clickOn("#close-send").clickOn("#close-send");
        waitFor(() -> desk.paper.oracle().orders(io.coincalltrader.domain.order.ProductType.FUTURE).stream()
                .anyMatch(o -> o.clientOrderId() != null && o.isOpen()), 10);
        robot.clickOn("#close-stop");
        waitFor(() -> robot.lookup("#close-status").queryAs(Label.class).getText().startsWith("STOPPED")
                || robot.lookup("#close-status").queryAs(Label.class).getText().startsWith("FILLED"), 20);
        assertThat(desk.paper.oracle().orders(io.coincalltrader.domain.order.ProductType.FUTURE)).noneMatch(o -> o.clientOrderId() != null && o.isOpen());
        robot.clickOn("#close-dismiss");
    }

    @Test
    void aStructureClosedByRfqTradesAsOneBlock(FxRobot robot) throws Exception {
        TreeTableView<io.coincalltrader.ui.positions.PositionItem> t = robot.lookup("#positions-table").queryAs(TreeTableView.class);
        TreeItem<io.coincalltrader.ui.positions.PositionItem> strangle = t.getRoot().getChildren().stream().filter(i -> i.getValue().row().label().contains("short strangle")).findFirst().orElseThrow();
        List<String> legs = strangle.getChildren().stream().map(i -> i.getValue().row().symbol()).toList();
        robot.interact(() -> t.getSelectionModel().select(strangle));
        robot.clickOn("#positions-close");
        waitFor(() -> robot.lookup("#close-window").tryQuery().isPresent(), 5);
        robot.clickOn("#close-mode-rfq");
        robot.clickOn("#close-send").clickOn("#close-send");
        waitFor(() -> robot.lookup("#close-status").queryAs(Label.class).getText().matches("(FILLED|NOT_FILLED|FAILED).*"), 70);
        assertThat(robot.lookup("#close-status").queryAs(Label.class).getText()).startsWith("FILLED: block trade");
        assertThat(desk.paper.oracle().blockTrades()).hasSize(1);
        waitFor(() -> rows(robot).stream().noneMatch(r -> legs.contains(r.symbol())), 15);
        robot.clickOn("#close-dismiss");

        // The RFQs tab (Ctrl+3) shows it from the store: filled, with the paper makers' quotes and ids.
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor(() -> "tab-rfqs".equals(robot.lookup("#bottom-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().getSelectedItem().getId()), 5);
        TableView<io.coincalltrader.ui.rfq.RfqHistory.Entry> history = robot.lookup("#rfq-history-table").queryAs(TableView.class);
        waitFor(() -> history.getItems().size() == 1 && history.getItems().getFirst().result().startsWith("Filled at "), 10);
        assertThat(history.getItems().getFirst().makers()).isPositive();
        assertThat(history.getItems().getFirst().quotes()).isGreaterThanOrEqualTo(history.getItems().getFirst().makers());
        assertThat(history.getItems().getFirst().structure()).contains(legs.getFirst());
    }

    @Test
    void apiKeysAreSavedEncryptedAndProductionNeedsThePassphraseAndLive(FxRobot robot) throws Exception {
        robot.clickOn("Settings").clickOn("#menu-keys");
        waitFor(() -> robot.lookup("#keys-dialog").tryQuery().isPresent(), 5);
        robot.clickOn("#keys-profile").clickOn("production");
        robot.clickOn("#keys-api-key").write("PRODKEY-1234567890-ABCD");
        robot.clickOn("#keys-api-secret").write("prod-secret-never-stored-plain");
        robot.clickOn("#keys-passphrase").write("a long passphrase");
        robot.clickOn("#keys-passphrase-repeat").write("a long passphrase!");
        waitFor(() -> robot.lookup("#keys-problem").queryAs(Label.class).getText().contains("differ"), 5);
        assertThat(robot.lookup("#keys-save").queryButton().isDisabled()).isTrue();
        robot.clickOn("#keys-passphrase-repeat").type(KeyCode.END).type(KeyCode.BACK_SPACE);
        waitFor(() -> !robot.lookup("#keys-save").queryButton().isDisabled(), 5);
        robot.clickOn("#keys-save");
        Path file = desk.dataDir.resolve("keys").resolve("production.key");
        waitFor(() -> robot.lookup("#keys-saved").queryAs(Label.class).getText().contains("PROD…ABCD"), 20);
        assertThat(Files.readString(file)).doesNotContain("prod-secret-never-stored-plain").doesNotContain("PRODKEY-1234567890-ABCD");
        assertThat(robot.lookup("#keys-api-secret").queryAs(javafx.scene.control.TextField.class).getText()).isEmpty();
        robot.clickOn("Close");

        robot.clickOn("Settings").clickOn("#menu-switch");
        waitFor(() -> robot.lookup("#switch-dialog").tryQuery().isPresent(), 5);
        robot.clickOn("#switch-production");
        assertThat(robot.lookup("#switch-go").queryButton().isDisabled()).isTrue();
        robot.clickOn("#switch-passphrase").write("not the passphrase");
        waitFor(() -> robot.lookup("#switch-problem").queryAs(Label.class).getText().contains("Type LIVE"), 5);
        robot.clickOn("#switch-confirm-live").write("LIVE");
        waitFor(() -> !robot.lookup("#switch-go").queryButton().isDisabled(), 5);
        robot.clickOn("#switch-go");
        waitFor(() -> robot.lookup("#switch-problem").queryAs(Label.class).getText().contains("does not open"), 20);
        assertThat(robot.lookup("#mode-badge").queryAs(Label.class).getText()).isEqualTo("PAPER");
        robot.clickOn("Cancel");
    }

    @Test
    void marginSettingsAreCheckedAtTheField(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#settings-dialog").tryQuery().isPresent(), 5);
        robot.doubleClickOn("#settings-margin-warn").eraseText(4).write("90");
        waitFor(() -> robot.lookup("#settings-problem").queryAs(Label.class).getText().contains("must be below critical"), 5);
        assertThat(robot.lookup("OK").queryButton().isDisabled()).isTrue();
        robot.doubleClickOn("#settings-margin-warn").eraseText(4).write("60");
        waitFor(() -> robot.lookup("#settings-problem").queryAs(Label.class).getText().isEmpty(), 5);
        robot.clickOn("OK");
        waitFor(() -> "0.60".equals(desk.context().settings().get("margin.warn", "")) || Files.exists(desk.dataDir.resolve("ui-settings.properties")), 5);
    }
}
