package io.coincalltrader.ui;

import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.ui.positions.PositionItem;
import io.coincalltrader.ui.positions.PositionRow;
import io.coincalltrader.ui.rfq.RfqTicketViewModel;
import io.coincalltrader.ui.rfq.TicketLeg;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFQ ticket in the real window over the paper exchange (three simulated makers): build, check the notional,
 * send, watch quotes arrive, hit one with arm-then-confirm, see the structure in the positions table; the stale and
 * band guards; cancel and resend.
 */
@ExtendWith(ApplicationExtension.class)
class RfqTicketTest {
    @TempDir
    static Path dir;
    private DeskFixture desk;

    @Start
    void start(Stage stage) {
        // Quotes stand still here: these tests follow one quote by id for seconds (the stale guard needs one that ages).
        // Makers' re-quotes: PaperContractTest, and the ticket's answer to them: RfqTicketViewModelTest.
        desk = new DeskFixture(dir.resolve("r" + System.nanoTime()), c -> c.withQuoteRefresh(Duration.ZERO));
        desk.open(stage);
    }

    @BeforeEach
    void connect() throws Exception {
        desk.connect();
        waitFor(() -> new FxRobot().lookup("#positions-table").tryQuery().isPresent(), 15);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the ticket with Ctrl+R and waits for the default iron condor priced from the chain. */
    static void openTicket(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#rfq-ticket").tryQuery().isPresent(), 5);
        waitFor(() -> legs(robot).size() == 4 && legs(robot).stream().allMatch(l -> l.quoteProperty().get() != null), 15);
    }

    @SuppressWarnings("unchecked")
    static List<TicketLeg> legs(FxRobot robot) {
        return robot.lookup("#rfq-legs").tryQuery().map(n -> List.copyOf(((TableView<TicketLeg>) n).getItems())).orElse(List.of());
    }

    /** The quotes a ladder shows, top line first. */
    static List<RfqTicketViewModel.LadderRow> ladder(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(io.coincalltrader.ui.rfq.LadderView.class).rows();
    }

    /** The Trade / Confirm button of the ladder line that shows this quote. */
    static Button hit(FxRobot robot, String quoteId) {
        return robot.lookup(".ladder").queryAllAs(io.coincalltrader.ui.rfq.LadderView.class).stream()
                .flatMap(l -> l.button(quoteId).stream()).findFirst().orElseThrow(() -> new AssertionError("no ladder line shows quote " + quoteId));
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    static void setSize(FxRobot robot, String size) {
        TextField f = robot.lookup("#rfq-size").queryAs(TextField.class);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        robot.write(size);
    }

    /** Sends the RFQ at this size and waits for the three makers' quotes both ways. */
    static void sendAndAwaitQuotes(FxRobot robot, String size) throws Exception {
        setSize(robot, size);
        try {
            waitFor(() -> !robot.lookup("#rfq-send").queryAs(Button.class).isDisabled(), 10);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Send RFQ stayed disabled: " + text(robot, "#rfq-structure-problem") + " / " + text(robot, "#rfq-size-problem")
                    + " / " + text(robot, "#rfq-status"), e);
        }
        robot.clickOn("#rfq-send");
        try {
            waitFor(() -> ladder(robot, "#rfq-offers").size() == 3 && ladder(robot, "#rfq-bids").size() == 3, 30);
            waitFor(() -> ladder(robot, "#rfq-offers").stream().map(r -> r.row().quote().maker()).filter(java.util.Objects::nonNull).distinct().count() == 3, 15);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("quotes not shown: state '" + text(robot, "#rfq-state") + "', " + text(robot, "#rfq-summary") + ", status '"
                    + text(robot, "#rfq-status") + "', " + ladder(robot, "#rfq-offers").size() + " offers, " + ladder(robot, "#rfq-bids").size() + " bids", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<PositionRow> structureRows(FxRobot robot) {
        TreeTableView<PositionItem> t = robot.lookup("#positions-table").queryAs(TreeTableView.class);
        List<PositionRow> out = new java.util.ArrayList<>();
        for (TreeItem<PositionItem> top : t.getRoot().getChildren()) {
            PositionRow r = top.getValue().row();
            if (r.group() && r.label().startsWith("RFQ ")) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void anIronCondorFromTheTemplateIsRefusedBelowTheMinimumThenQuotedHitAndShownAsOneStructure(FxRobot robot) throws Exception {
        openTicket(robot);
        // The template builds it: put wing, short put, short call, call wing around the money.
        robot.clickOn("#rfq-template");
        robot.clickOn("Straddle");
        waitFor(() -> legs(robot).size() == 2, 5);
        robot.clickOn("#rfq-template");
        robot.clickOn("Iron condor");
        waitFor(() -> legs(robot).size() == 4, 5);
        List<TicketLeg> legs = legs(robot);
        assertThat(legs).extracting(l -> l.typeProperty().get().code()).containsExactly('P', 'P', 'C', 'C');
        assertThat(legs).extracting(l -> l.sideProperty().get().name()).containsExactly("BUY", "SELL", "SELL", "BUY");
        assertThat(text(robot, "#rfq-max-profit")).endsWith(" USD");
        assertThat(text(robot, "#rfq-max-loss")).endsWith(" USD");

        // Too small for the exchange's RFQ minimum: said at the field, and nothing can be sent.
        setSize(robot, "0.1");
        waitFor(() -> text(robot, "#rfq-size-problem").startsWith("Below the exchange's RFQ minimum"), 5);
        assertThat(robot.lookup("#rfq-send").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#rfq-notional")).contains("RFQ minimum 50,000");

        sendAndAwaitQuotes(robot, "1");
        assertThat(text(robot, "#rfq-state")).isEqualTo("Active");
        assertThat(text(robot, "#rfq-countdown")).startsWith("expires in ");
        assertThat(text(robot, "#rfq-summary")).contains("from 3 makers");
        RfqTicketViewModel.LadderRow best = ladder(robot, "#rfq-offers").getFirst();
        assertThat(best.row().edgeUsd()).isGreaterThanOrEqualTo(ladder(robot, "#rfq-offers").getLast().row().edgeUsd());
        assertThat(best.preview()).isNotNull();

        // One click arms (nothing traded), the second confirms.
        robot.clickOn(hit(robot, best.quoteId()));
        waitFor(() -> hit(robot, best.quoteId()).getText().equals("Confirm"), 5);
        assertThat(text(robot, "#rfq-preview")).startsWith("If filled: ");
        assertThat(desk.paper.oracle().blockTrades()).isEmpty();
        // The structure cannot be edited while its RFQ is active.
        assertThat(robot.lookup("#rfq-template").queryAs(ChoiceBox.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#rfq-legs").queryAs(TableView.class).isEditable()).isFalse();
        robot.sleep(350); // a confirm right on the heels of the arming click is taken for a double click
        robot.clickOn(hit(robot, best.quoteId()));
        waitFor(() -> text(robot, "#rfq-state").equals("Filled"), 15);
        // The builder opens again (a frame after the one that shows the fill).
        waitFor(() -> !robot.lookup("#rfq-template").queryAs(ChoiceBox.class).isDisabled(), 5);
        assertThat(robot.lookup("#rfq-legs").queryAs(TableView.class).isEditable()).isTrue();
        assertThat(desk.paper.oracle().blockTrades()).hasSize(1);
        assertThat(desk.paper.oracle().blockTrades().getFirst().quoteId()).isEqualTo(best.quoteId());
        StoredRfq stored = desk.session.db().rfqs().since(Instant.EPOCH).getFirst();
        assertThat(stored.acceptedQuoteId()).isEqualTo(best.quoteId());
        assertThat(stored.rfq().state()).isEqualTo(RfqState.FILLED);

        // The positions table shows the four legs as one structure, named by its shape.
        waitFor(() -> structureRows(robot).stream().anyMatch(r -> r.label().contains("iron condor")), 15);
        robot.clickOn("#rfq-recent");
        assertThat(robot.lookup(".menu-item").queryAll()).isNotEmpty();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void quotesBeyondTheBandOrStaleAreGreyedAndRefuseTheClick(FxRobot robot) throws Exception {
        // A 2% band: the widest maker (2.5% each leg) is outside it.
        desk.settings.put("rfq.bandPercent", "2");
        openTicket(robot);
        sendAndAwaitQuotes(robot, "1");
        waitFor(() -> ladder(robot, "#rfq-offers").stream().anyMatch(r -> r.row().outOfBand()), 5);
        RfqTicketViewModel.LadderRow wide = ladder(robot, "#rfq-offers").stream().filter(r -> r.row().outOfBand()).findFirst().orElseThrow();
        Button blocked = hit(robot, wide.quoteId());
        assertThat(blocked.isDisabled()).isTrue();
        assertThat(blocked.getText()).isEqualTo("Blocked");
        Node row = blocked.getParent(); // the ladder line
        assertThat(row.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("unhittable"));
        robot.clickOn(row);
        waitFor(() -> robot.lookup("#rfq-status").queryAs(Label.class).getText().contains("outside the price band around mark"), 5);

        // Stale after one second: every quote is greyed and a click on it is refused.
        RfqTicketViewModel.LadderRow good = ladder(robot, "#rfq-offers").stream().filter(r -> r.row().hittable()).findFirst().orElseThrow();
        robot.clickOn(hit(robot, good.quoteId()));
        desk.settings.put("rfq.staleSeconds", "1");
        waitFor(() -> ladder(robot, "#rfq-offers").stream().allMatch(r -> r.row().stale()), 10);
        assertThat(robot.lookup("#rfq-status").queryAs(Label.class).getText()).contains("Disarmed");
        Button stale = hit(robot, good.quoteId());
        assertThat(stale.isDisabled()).isTrue();
        robot.clickOn(stale.getParent()); // the ladder line
        waitFor(() -> robot.lookup("#rfq-status").queryAs(Label.class).getText().contains("older than the stale limit"), 5);
        assertThat(desk.paper.oracle().blockTrades()).isEmpty();
    }

    @Test
    void cancelClosesTheRfqAndResendAsksAgainAtTheNewSize(FxRobot robot) throws Exception {
        openTicket(robot);
        sendAndAwaitQuotes(robot, "1");
        String first = desk.session.db().rfqs().since(Instant.EPOCH).getFirst().rfq().requestId();
        robot.clickOn("#rfq-cancel");
        waitFor(() -> text(robot, "#rfq-state").equals("Cancelled"), 10);
        assertThat(ladder(robot, "#rfq-offers")).isEmpty();
        waitFor(() -> desk.session.db().rfqs().find(first).orElseThrow().rfq().state() == RfqState.CANCELLED, 5);
        assertThat(robot.lookup("#rfq-send").queryAs(Button.class).isDisabled()).isFalse();

        setSize(robot, "2");
        robot.clickOn("#rfq-resend");
        waitFor(() -> ladder(robot, "#rfq-offers").size() == 3, 15);
        assertThat(text(robot, "#rfq-state")).isEqualTo("Active");
        List<StoredRfq> all = desk.session.db().rfqs().since(Instant.EPOCH);
        assertThat(all).hasSize(2);
        assertThat(all.getLast().rfq().legs()).allSatisfy(l -> assertThat(l.quantity()).isEqualByComparingTo("2"));
        assertThat(robot.lookup("#rfq-template").queryAs(ChoiceBox.class).getValue().toString()).isEqualTo("Iron condor");
    }

    @Test
    @SuppressWarnings("unchecked")
    void strikesByTargetDeltaPresetsAndAHedgeSentAfterTheFill(FxRobot robot) throws Exception {
        openTicket(robot);
        // Strike by delta: the short call moves to the listed strike nearest 0.25 delta.
        TableView<TicketLeg> table = robot.lookup("#rfq-legs").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(2));
        robot.clickOn("#rfq-target-delta").write("0.25");
        robot.clickOn("#rfq-apply-delta");
        waitFor(() -> text(robot, "#rfq-status").equals("Strike set by delta"), 5);
        TicketLeg shortCall = legs(robot).get(2);
        double chosen = Math.abs(shortCall.quoteProperty().get().delta());
        assertThat(desk.session.gateway().market().optionChain("BTCUSD", shortCall.quoteProperty().get().expiry()).options().stream()
                .filter(q -> q.type() == shortCall.typeProperty().get())
                .mapToDouble(q -> Math.abs(Math.abs(q.delta()) - 0.25)).min().orElseThrow()).isCloseTo(Math.abs(chosen - 0.25),
                org.assertj.core.data.Offset.offset(0.02));

        // Save it as a preset, switch template, load the preset back.
        robot.clickOn("#rfq-save-preset");
        waitFor(() -> robot.lookup("#rfq-preset-dialog").tryQuery().isPresent(), 5);
        robot.interact(() -> ((javafx.scene.control.DialogPane) robot.lookup("#rfq-preset-dialog").query()).lookupAll(".text-field")
                .forEach(n -> ((TextField) n).setText("My condor")));
        robot.clickOn("OK");
        waitFor(() -> text(robot, "#rfq-status").equals("Saved preset My condor"), 5);
        assertThat(desk.settings.get("rfq.presets", "")).contains("My condor");
        robot.clickOn("#rfq-template");
        robot.clickOn("Single option");
        waitFor(() -> legs(robot).size() == 1, 5);
        robot.clickOn("#rfq-presets");
        robot.clickOn("My condor");
        waitFor(() -> legs(robot).size() == 4 && legs(robot).get(2).strikeProperty().get().equals(shortCall.strikeProperty().get()), 5);

        // A single call with a perpetual hedge sized from its delta, sent once the RFQ fills.
        robot.clickOn("#rfq-template");
        robot.clickOn("Call spread");
        waitFor(() -> legs(robot).size() == 2, 5);
        robot.clickOn("#rfq-template");
        robot.clickOn("Single option");
        waitFor(() -> legs(robot).size() == 1 && legs(robot).getFirst().quoteProperty().get() != null, 5);
        java.math.BigDecimal perpBefore = desk.paper.oracle().positions().get("BTCUSD");
        robot.clickOn("#rfq-hedge");
        waitFor(() -> text(robot, "#rfq-hedge-text").startsWith("SELL "), 5);
        sendAndAwaitQuotes(robot, "1");
        RfqTicketViewModel.LadderRow buy = ladder(robot, "#rfq-offers").getFirst();
        robot.clickOn(hit(robot, buy.quoteId()));
        robot.clickOn(hit(robot, buy.quoteId()));
        // A double click arms but does not trade.
        waitFor(() -> text(robot, "#rfq-status").contains("a double click arms but does not trade"), 5);
        assertThat(desk.paper.oracle().blockTrades()).as("nothing traded by the double click").isEmpty();
        robot.sleep(350);
        robot.clickOn(hit(robot, buy.quoteId()));
        waitFor(() -> text(robot, "#rfq-state").equals("Filled"), 15);
        waitFor(() -> text(robot, "#rfq-status").startsWith("Hedge filled"), 30);
        assertThat(desk.paper.oracle().positions().get("BTCUSD")).as("the perpetual after the hedge sold").isLessThan(perpBefore);
    }
}
