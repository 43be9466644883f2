package io.coincalltrader.ui;

import io.coincalltrader.engine.recovery.ReconciliationReport;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.ui.shell.MainWindow;
import io.coincalltrader.ui.shell.UiSettings;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real workstation window over a real session: the paper exchange (with its demo book) on loopback, a store in
 * a temporary folder, the engine, and the main window on a TestFX stage.
 */
final class DeskFixture implements AutoCloseable {
    final PaperExchange paper;
    final TradingSession session;
    final Path dataDir;
    final UiSettings settings;
    MainWindow window;

    DeskFixture(Path dataDir) {
        this(dataDir, java.util.function.UnaryOperator.identity());
    }

    /** With the paper exchange's settings adjusted (e.g. a short RFQ lifetime); the session follows its private socket as the app does. */
    DeskFixture(Path dataDir, java.util.function.UnaryOperator<PaperConfig> paperConfig) {
        this.dataDir = dataDir;
        paper = PaperExchange.start(paperConfig.apply(PaperConfig.defaults().withMakerDelay(Duration.ofMillis(150)).withTickInterval(Duration.ofMillis(200))));
        Credentials keys = new Credentials(paper.apiKey(), paper.apiSecret());
        CoincallClient client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), keys));
        session = TradingSession.open(client, dataDir, "test", Clock.systemUTC());
        session.attachStream(new io.coincalltrader.exchange.ws.CoincallWebSocket(new okhttp3.OkHttpClient(), paper.optionsWebSocketUrl(), keys,
                Clock.systemUTC(), new java.util.SplittableRandom(), session.io(), Duration.ofSeconds(15),
                io.coincalltrader.exchange.ws.Backoff.DEFAULT));
        settings = UiSettings.load(dataDir);
    }

    WorkstationContext context() {
        return new WorkstationContext("PAPER", dataDir, () -> session, () -> { }, Instant.now(), settings, null,
                (profile, keys) -> () -> { throw new IllegalStateException("tests reach no exchange but the paper one"); });
    }

    /** Opens the window on the stage (FX thread), then connects it as the app does. */
    void open(Stage stage) {
        window = WorkstationApp.open(stage, context(), null);
    }

    void connect() throws Exception {
        ReconciliationReport report = session.reconcile();
        session.startDesk(Duration.ofMillis(300));
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                window.connected(session, report);
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (window != null) {
                window.dispose();
            }
            done.complete(null);
        });
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the toolkit is going down with the test; the session still closes
        }
        session.close();
        paper.close();
    }
}
