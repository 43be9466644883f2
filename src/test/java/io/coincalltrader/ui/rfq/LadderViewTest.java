package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqQuote;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The quote ladder in a real scene (headless Monocle): lines, columns that never overlap, the button of each line. */
@ExtendWith(ApplicationExtension.class)
class LadderViewTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final ObservableList<RfqTicketViewModel.LadderLine> lines = FXCollections.observableArrayList();
    private final SimpleBooleanProperty accepting = new SimpleBooleanProperty();
    private final List<String> hits = new CopyOnWriteArrayList<>();
    private LadderView ladder;

    @Start
    void start(Stage stage) {
        RfqTicketViewModel.sync(lines, List.of());
        ladder = new LadderView("test-ladder", lines, List.of(
                new LadderView.Column("Total USD", 60, r -> r.row().packageCost().toPlainString(), null, true),
                new LadderView.Column("Maker", 50, r -> r.row().quote().maker(), null, false),
                new LadderView.Column("Edge USD", 60, r -> r.row().edgeUsd().toPlainString(), r -> r.row().edgeUsd(), true)),
                accepting, r -> "preview of " + r.quoteId(), new LadderView.Hits() {
                    @Override
                    public void hit(RfqTicketViewModel.LadderRow row) {
                        hits.add(row.quoteId());
                    }

                    @Override
                    public void moved() {
                        hits.add("moved");
                    }

                    @Override
                    public void pressed(RfqTicketViewModel.LadderRow row) {
                        hits.add("pressed " + row.quoteId());
                    }

                    @Override
                    public void released() {
                        hits.add("released");
                    }
                });
        stage.setScene(new Scene(new VBox(ladder.header(), ladder), 700, 600));
        stage.show();
    }

    private static RfqTicketViewModel.LadderRow row(String id, String cost, String maker, boolean hittable) {
        RfqQuote q = new RfqQuote(id, "R1", QuoteState.OPEN, NOW, NOW.plusSeconds(300),
                List.of(new QuoteLeg("BTCUSD-1DEC26-100000-C", Side.SELL, new BigDecimal(cost), BigDecimal.ONE)), maker);
        QuoteLadder.Row r = new QuoteLadder.Row(q, Side.BUY, new BigDecimal(cost), new BigDecimal("-12.50"), -1.5, Duration.ofSeconds(1),
                false, !hittable, false);
        return new RfqTicketViewModel.LadderRow(r, null, false, null);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, c);
    }

    private void show(FxRobot robot, List<RfqTicketViewModel.LadderRow> rows) {
        robot.interact(() -> RfqTicketViewModel.sync(lines, rows));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Text> texts(String text) {
        List<Text> found = new ArrayList<>();
        for (Node n : ladder.lookupAll(".cell-text")) {
            if (n instanceof Text t && text.equals(t.getText())) {
                found.add(t);
            }
        }
        return found;
    }

    @Test
    void moreQuotesThanLinesAddLinesAndEachButtonTradesItsOwnLine(FxRobot robot) {
        List<RfqTicketViewModel.LadderRow> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row("q" + i, String.valueOf(600 + i), "7100" + i, i != 3));
        }
        show(robot, rows);

        assertThat(fx(() -> ladder.rows()).stream().map(RfqTicketViewModel.LadderRow::quoteId).toList())
                .containsExactlyElementsOf(rows.stream().map(RfqTicketViewModel.LadderRow::quoteId).toList());
        Button eleventh = fx(() -> ladder.button("q11").orElseThrow());
        assertThat(eleventh.getId()).isEqualTo("test-ladder-hit-11");
        assertThat(eleventh.getText()).isEqualTo("Trade");
        Button blocked = fx(() -> ladder.button("q3").orElseThrow());
        assertThat(blocked.getText()).isEqualTo("Blocked");
        assertThat(blocked.isDisabled()).isTrue();
        assertThat(blocked.getParent().getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("unhittable"));
        // The greying is on the line's texts (a style on the line itself would restyle the whole line at each change).
        assertThat(fx(() -> greyed(blocked.getParent()))).isTrue();
        assertThat(fx(() -> greyed(ladder.button("q2").orElseThrow().getParent()))).isFalse();

        robot.clickOn(fx(() -> ladder.button("q1").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hits).as("the mouse-down is told first (one-click mode arms then), the release after the click")
                .containsExactly("pressed q1", "q1", "released");

        // Pressed on a quote and released off it: no click, and the release says so (an accept thread readied for
        // the click stands down then).
        hits.clear();
        robot.moveTo(fx(() -> ladder.button("q0").orElseThrow())).press(javafx.scene.input.MouseButton.PRIMARY);
        robot.moveTo(fx(() -> texts("71004").getFirst())).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hits).containsExactly("pressed q0", "released");

        // Fewer quotes: the lines stay (eight at least), the empty ones hide their buttons and answer for no quote.
        show(robot, rows.subList(0, 2));
        assertThat(fx(() -> ladder.button("q5"))).isEmpty();
        assertThat(fx(() -> ladder.lookupAll(".rfq-hit").stream().filter(Node::isVisible).count())).isEqualTo(2);

        // While an accept is on its way, no button can be pressed.
        robot.interact(() -> accepting.set(true));
        assertThat(fx(() -> ladder.button("q0").orElseThrow().isDisabled())).isTrue();
    }

    @Test
    void aValueWiderThanItsColumnWidensTheColumnInsteadOfOverlappingTheNext(FxRobot robot) {
        show(robot, List.of(row("a", "600", "71001", true), row("b", "123456789.123456", "a-maker-with-a-long-name", true)));

        Text wide = texts("123456789.123456").getFirst();
        Text maker = texts("a-maker-with-a-long-name").getFirst();
        Text edge = texts("-12.50").getFirst();
        Text small = texts("600").getFirst();
        double wideRight = fx(() -> wide.getLayoutX() + wide.getLayoutBounds().getWidth());
        double makerLeft = fx(maker::getLayoutX);
        double makerRight = fx(() -> maker.getLayoutX() + maker.getLayoutBounds().getWidth());
        double edgeLeft = fx(edge::getLayoutX);
        assertThat(wideRight).as("the wide total ends before the maker column").isLessThan(makerLeft);
        assertThat(makerRight).as("the long maker ends before the edge column").isLessThan(edgeLeft);
        // Numbers stay right-aligned with each other in the widened column.
        double smallRight = fx(() -> small.getLayoutX() + small.getLayoutBounds().getWidth());
        assertThat(smallRight).isCloseTo(wideRight, org.assertj.core.data.Offset.offset(0.5));
        // The header's titles moved with their columns.
        List<Text> titles = fx(() -> robot.lookup(".ladder-title").queryAllAs(Text.class).stream()
                .sorted(Comparator.comparingDouble(Text::getLayoutX)).toList());
        double makerTitle = fx(() -> titles.get(1).getLayoutX());
        assertThat(makerTitle).isEqualTo(makerLeft);
    }

    /** Every text of this ladder line is marked unhittable (and so drawn greyed). */
    private static boolean greyed(javafx.scene.Parent line) {
        return line.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text)
                .allMatch(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("unhittable")));
    }
}
