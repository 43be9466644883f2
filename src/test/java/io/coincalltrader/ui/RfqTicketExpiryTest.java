package io.coincalltrader.ui;

import io.coincalltrader.domain.rfq.RfqState;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An RFQ left alone until its life ends (the paper exchange set to a 12 s lifetime) is shown and stored as expired. */
@ExtendWith(ApplicationExtension.class)
class RfqTicketExpiryTest {
    @TempDir
    static Path dir;
    private DeskFixture desk;

    @Start
    void start(Stage stage) {
        desk = new DeskFixture(dir.resolve("e" + System.nanoTime()), c -> c.withRfqLifetime(Duration.ofSeconds(12)));
        desk.open(stage);
    }

    @BeforeEach
    void connect() throws Exception {
        desk.connect();
        RfqTicketTest.waitFor(() -> new FxRobot().lookup("#positions-table").tryQuery().isPresent(), 15);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void anUnansweredRfqExpiresPlainlyAndMayBeSentAgain(FxRobot robot) throws Exception {
        RfqTicketTest.openTicket(robot);
        RfqTicketTest.setSize(robot, "1");
        RfqTicketTest.waitFor(() -> !robot.lookup("#rfq-send").queryAs(javafx.scene.control.Button.class).isDisabled(), 10);
        robot.clickOn("#rfq-send");
        RfqTicketTest.waitFor(() -> RfqTicketTest.text(robot, "#rfq-state").equals("Active"), 10);
        assertThat(RfqTicketTest.text(robot, "#rfq-countdown")).matches("expires in 0:[01][0-9]");
        RfqTicketTest.waitFor(() -> RfqTicketTest.text(robot, "#rfq-state").equals("Expired"), 25);
        assertThat(RfqTicketTest.text(robot, "#rfq-status")).contains("expired without a trade");
        assertThat(RfqTicketTest.ladder(robot, "#rfq-offers")).isEmpty();
        assertThat(RfqTicketTest.text(robot, "#rfq-countdown")).isEmpty();
        RfqTicketTest.waitFor(() -> desk.session.db().rfqs().since(Instant.EPOCH).getFirst().rfq().state() == RfqState.EXPIRED, 5);
        assertThat(robot.lookup("#rfq-send").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(desk.paper.oracle().blockTrades()).isEmpty();
    }
}
