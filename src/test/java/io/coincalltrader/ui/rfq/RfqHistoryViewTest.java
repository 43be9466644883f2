package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.ui.common.Formats;
import io.coincalltrader.ui.common.Styles;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.coincalltrader.ui.rfq.RfqSamples.C100;
import static io.coincalltrader.ui.rfq.RfqSamples.T0;
import static io.coincalltrader.ui.rfq.RfqSamples.leg;
import static io.coincalltrader.ui.rfq.RfqSamples.makerLeg;
import static io.coincalltrader.ui.rfq.RfqSamples.quote;
import static io.coincalltrader.ui.rfq.RfqSamples.rfq;
import static org.assertj.core.api.Assertions.assertThat;

/** The RFQs tab in a real scene (headless Monocle): rows, the selected RFQ's quotes, updates that keep the selection, export. */
@ExtendWith(ApplicationExtension.class)
class RfqHistoryViewTest {
    @TempDir
    Path dir;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-io"));
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Thread> writers = new CopyOnWriteArrayList<>();
    private RfqHistoryView view;

    @Start
    void start(Stage stage) {
        Formats.use(Formats.Style.COMMA_POINT);
        view = new RfqHistoryView(r -> io.execute(() -> {
            writers.add(Thread.currentThread());
            r.run();
        }), messages::add);
        stage.setScene(new Scene(view, 1100, 600));
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        io.shutdown();
        assertThat(io.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** Newest first, as the store's recent() returns them. */
    private static List<StoredRfq> history() {
        return List.of(RfqSamples.unanswered(), RfqSamples.singleCall(), RfqSamples.filledSpread());
    }

    @SuppressWarnings("unchecked")
    private static TableView<RfqHistory.Entry> table(FxRobot robot) {
        return robot.lookup("#rfq-history-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<RfqHistory.QuoteLine> quotes(FxRobot robot) {
        return robot.lookup("#rfq-history-quotes").queryAs(TableView.class);
    }

    /** The texts of the cells shown under a node. */
    private static List<String> cellTexts(FxRobot robot, String root) {
        return robot.from(robot.lookup(root).queryAll()).lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(java.util.Objects::nonNull).toList();
    }

    private static Node row(FxRobot robot, String requestId) {
        return robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof RfqHistory.Entry e
                && e.requestId().equals(requestId)).query();
    }

    @Test
    void rowsShowTheHistoryAndClickingOneShowsItsQuotes(FxRobot robot) {
        assertThat(table(robot).getPlaceholder()).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).startsWith("No RFQs yet"));
        robot.interact(() -> view.accept(history()));
        assertThat(table(robot).getItems()).extracting(RfqHistory.Entry::requestId).containsExactly("R3", "R2", "R1");
        assertThat(robot.lookup("#rfq-history-summary").queryAs(Label.class).getText())
                .isEqualTo("3 RFQs · fill rate 33% (1 of 3 finished) · median first quote 2.5 s");
        assertThat(cellTexts(robot, "#rfq-history-table")).contains("Filled at 253.30 USD paid (maker 71001)", "Cancelled", "Expired",
                "BUY 1 BTCUSD-27DEC26-100000-C / SELL 1 105000-C", "2026-11-29 12:00:00", "3.0", "-5.00");
        // The best edge is coloured by sign and right-aligned.
        Node edge = robot.lookup(".table-cell").match((Labeled l) -> "-3.30".equals(l.getText())).query();
        assertThat(edge.getPseudoClassStates()).contains(Styles.DOWN);
        assertThat(edge.getStyleClass()).contains(Styles.NUMERIC);
        assertThat(quotes(robot).getItems()).isEmpty();

        robot.clickOn(row(robot, "R1"));
        assertThat(table(robot).getSelectionModel().getSelectedItem().requestId()).isEqualTo("R1");
        assertThat(quotes(robot).getItems()).extracting(RfqHistory.QuoteLine::quoteId).containsExactly("Q1", "Q2", "Q3");
        assertThat(cellTexts(robot, "#rfq-history-quotes")).contains("✓", "71002", "253.30", "-240.00", "-10.00", "FILLED", "12:00:03");

        robot.clickOn(row(robot, "R2"));
        assertThat(quotes(robot).getItems()).extracting(RfqHistory.QuoteLine::ourSide).containsExactly(Side.BUY, Side.SELL);
    }

    @Test
    void aNewerRfqAndANewQuoteKeepTheSelectedRfqAndRefreshItsQuotes(FxRobot robot) {
        robot.interact(() -> view.accept(history()));
        robot.clickOn(row(robot, "R2"));
        TableView<RfqHistory.Entry> table = table(robot);
        RfqHistory.Entry before = table.getItems().get(1);
        RfqHistory.Entry r3 = table.getItems().get(0);

        StoredRfq r2 = RfqSamples.singleCall();
        StoredRfq r2More = new StoredRfq(r2.rfq(), r2.packageMark(), r2.acceptedQuoteId(), r2.acceptedAt(), r2.resultJson(),
                java.util.stream.Stream.concat(r2.quotes().stream(), java.util.stream.Stream.of(
                        quote("R2", "Q11", "71004", QuoteState.OPEN, 70, makerLeg(C100, Side.BUY, "399")))).toList(), null);
        StoredRfq newest = rfq("R0", RfqState.ACTIVE, T0.plusSeconds(600), "400", null, null, List.of(leg(C100, Side.BUY, "1")));
        robot.interact(() -> view.accept(List.of(newest, RfqSamples.unanswered(), r2More, RfqSamples.filledSpread())));

        assertThat(table.getItems()).extracting(RfqHistory.Entry::requestId).containsExactly("R0", "R3", "R2", "R1");
        assertThat(table.getItems().get(1)).as("an unchanged row is left as it was").isSameAs(r3);
        assertThat(table.getSelectionModel().getSelectedItem().requestId()).isEqualTo("R2");
        assertThat(table.getSelectionModel().getSelectedItem()).isNotEqualTo(before);
        assertThat(table.getSelectionModel().getSelectedItem().makers()).isEqualTo(3);
        assertThat(quotes(robot).getItems()).extracting(RfqHistory.QuoteLine::quoteId).containsExactly("Q4", "Q5", "Q11");

        robot.interact(() -> view.accept(List.of(RfqSamples.filledSpread())));
        assertThat(table.getItems()).extracting(RfqHistory.Entry::requestId).containsExactly("R1");
        assertThat(quotes(robot).getItems()).as("the selected RFQ is gone").isEmpty();
    }

    @Test
    void exportWritesTheShownHistoryOffTheFxThreadAndSaysWhatItDid(FxRobot robot) throws Exception {
        robot.interact(() -> view.accept(history()));
        Path file = dir.resolve("rfqs.csv");
        Files.writeString(file, "old content");

        Path written = view.exportTo(file).get(10, TimeUnit.SECONDS);

        assertThat(written).isEqualTo(file.toAbsolutePath());
        List<List<String>> rows = RfqSamples.parseCsv(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).startsWith("request_id", "rfq_created_utc", "structure");
        assertThat(rows).hasSize(1 + 1 + 2 + 3);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0) + ":" + r.get(5))
                .containsExactly("R3:", "R2:Q4", "R2:Q5", "R1:Q1", "R1:Q2", "R1:Q3");
        assertThat(writers).isNotEmpty().allSatisfy(t -> assertThat(t.getName()).isEqualTo("test-io"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(messages).containsExactly("Exported 3 RFQs, 5 quotes to " + file.toAbsolutePath());
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").containsExactly(file);
        }

        Path nowhere = dir.resolve("missing").resolve("rfqs.csv");
        assertThat(view.exportTo(nowhere)).failsWithin(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(messages).last().asString().isEqualTo("Export to " + nowhere + " failed: the folder does not exist");
    }
}
