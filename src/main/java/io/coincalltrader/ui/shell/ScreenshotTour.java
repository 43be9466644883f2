package io.coincalltrader.ui.shell;

import io.coincalltrader.ui.close.CloseWindow;
import io.coincalltrader.ui.common.PngWriter;
import io.coincalltrader.ui.positions.Grouping;
import io.coincalltrader.ui.positions.PositionRow;
import io.coincalltrader.ui.rfq.RfqTicketViewModel;
import io.coincalltrader.ui.rfq.RfqTicketWindow;
import io.coincalltrader.ui.ticket.OrderTicketWindow;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code coincalltrader screenshots --out DIR}: once the desk shows live data, snapshots the main window (dark and
 * light), positions by expiry, the close dialog, the order ticket and the RFQ ticket with a live ladder to PNG files,
 * then quits.
 */
public final class ScreenshotTour {
    private static final Logger log = LoggerFactory.getLogger(ScreenshotTour.class);
    private final MainWindow window;
    private final Path out;
    private final List<Runnable> steps = new ArrayList<>();
    private final List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());

    public ScreenshotTour(MainWindow window, Path out) {
        this.window = window;
        this.out = out;
    }

    /** Runs the tour on the FX thread; {@code done} runs after the last file is written. */
    public void run(Runnable done) {
        Desk desk = window.desk();
        steps.add(() -> waitUntil(() -> !desk.positionsModel().groupsProperty().get().isEmpty(), this::next));
        steps.add(() -> pause(2.5, this::next)); // a few live updates, the equity curve's first points
        steps.add(() -> shoot(window.stage().getScene(), "workstation-dark.png"));
        steps.add(() -> {
            desk.positionsModel().groupingProperty().set(Grouping.EXPIRY);
            pause(0.8, () -> shoot(window.stage().getScene(), "positions-by-expiry.png"));
        });
        steps.add(() -> {
            desk.positionsModel().groupingProperty().set(Grouping.STRUCTURE);
            TreeItem<io.coincalltrader.ui.positions.PositionItem> group = desk.positions().table().getRoot().getChildren().stream()
                    .filter(i -> i.getValue().row().group()).findFirst().orElse(null);
            if (group == null) {
                next();
                return;
            }
            desk.positions().table().getSelectionModel().select(group);
            CloseWindow close = desk.openClose(group.getValue().row().members());
            pause(0.8, () -> {
                shoot(close.stage().getScene(), "close-dialog.png");
                close.stage().close();
            });
        });
        steps.add(() -> {
            PositionRow leg = desk.positionsModel().groupsProperty().get().stream().flatMap(g -> g.members().stream())
                    .filter(r -> r.symbol() != null && r.symbol().contains("-")).findFirst().orElse(null);
            OrderTicketWindow ticket = desk.openTicket(leg);
            Label quote = (Label) ticket.stage().getScene().lookup("#ticket-quote");
            javafx.scene.Node send = ticket.stage().getScene().lookup("#ticket-send");
            waitUntil(() -> quote.getText().startsWith("Mark") && !send.isDisabled(), () -> pause(0.3, () -> {
                shoot(ticket.stage().getScene(), "order-ticket.png");
                ticket.stage().close();
            }));
        });
        steps.add(() -> {
            // The RFQ ticket with a live ladder: the default iron condor sent at size 1, the best offer armed.
            RfqTicketWindow rfq = desk.openRfqTicket();
            RfqTicketViewModel m = rfq.model();
            waitUntil(() -> m.sendableProperty().get(), () -> {
                ((javafx.scene.control.Button) rfq.stage().getScene().lookup("#rfq-send")).fire();
                waitUntil(() -> m.offerRows().size() >= 3 && m.bidRows().size() >= 3 && m.offerRows().stream().allMatch(r -> r.row().quote().maker() != null),
                        () -> {
                            m.click(m.offerRows().getFirst());
                            pause(1.2, () -> {
                                shoot(rfq.stage().getScene(), "rfq-ticket.png");
                                m.cancel();
                                rfq.stage().close();
                            });
                        });
            });
        });
        steps.add(() -> {
            ((javafx.scene.control.RadioMenuItem) window.menuItem("menu-theme-light")).setSelected(true);
            pause(0.8, () -> shoot(window.stage().getScene(), "workstation-light.png"));
        });
        steps.add(() -> {
            ((javafx.scene.control.RadioMenuItem) window.menuItem("menu-theme-dark")).setSelected(true);
            log.info("screenshots written: {}", written);
            done.run();
        });
        next();
    }

    private void next() {
        if (!steps.isEmpty()) {
            Platform.runLater(steps.removeFirst());
        }
    }

    private void pause(double seconds, Runnable then) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> then.run());
        p.play();
    }

    private void waitUntil(BooleanSupplier condition, Runnable then) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (condition.getAsBoolean() || System.nanoTime() > deadline) {
                then.run();
            } else {
                pause(0.2, check[0]);
            }
        };
        check[0].run();
    }

    /** Snapshots a scene (FX thread) and writes the PNG on a background thread; continues with the next step. */
    private void shoot(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = PngWriter.pixels(image);
        Path file = out.resolve(name);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                PngWriter.write(pixels, w, h, file);
                written.add(file.toString());
            } catch (Exception e) {
                log.error("screenshot {} not written: {}", file, e.toString());
            }
            next();
        });
    }
}
