package io.coincalltrader.ui;

import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.ui.shell.MainWindow;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The JavaFX application. The window opens at once (menu, top bar, "connecting"); the session is opened, reconciled
 * and started on a background thread and handed to the window when ready. When the first frame is on screen it
 * logs "workstation ready in N ms" and writes {@code ready} in the data folder (installer tests wait for it).
 */
public final class WorkstationApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(WorkstationApp.class);
    private static volatile WorkstationContext context;
    private MainWindow window;

    /** Sets what the next {@link #start} uses: called by the composition root before launching. */
    public static void prepare(WorkstationContext ctx) {
        context = ctx;
    }

    public static void launch(WorkstationContext ctx) {
        prepare(ctx);
        pulseRate();
        Application.launch(WorkstationApp.class);
    }

    /**
     * How many times a second JavaFX may show a change (its pulse), unless {@code -Djavafx.animation.pulse} says
     * otherwise. JavaFX's own default is 60: an update waits up to 16 ms for the next pulse before it is laid out and
     * drawn, most of the RFQ ticket's quote-to-screen latency, and a 120 or 144 Hz monitor shows 60 frames a second.
     * At 120 the wait is at most 8 ms. Updates are still coalesced to one per pulse, and a pulse with nothing to
     * redraw does only a quick check; docs/PERFORMANCE.md has both rates measured. JavaFX takes
     * {@code -Djavafx.animation.framerate}, where given, before either.
     */
    public static final int PULSE_HZ = 120;

    /** Sets the pulse rate ({@link #PULSE_HZ}) unless one is set already; call before the JavaFX toolkit starts. */
    public static void pulseRate() {
        if (System.getProperty("javafx.animation.pulse") == null) {
            System.setProperty("javafx.animation.pulse", Integer.toString(PULSE_HZ));
        }
    }

    @Override
    public void start(Stage stage) {
        WorkstationContext ctx = context;
        window = open(stage, ctx, getHostServices());
        stage.setOnCloseRequest(e -> window.saveGeometry());
        window.connect(ctx.mode(), ctx.connect(), s -> {
            if (ctx.screenshots() != null) {
                new io.coincalltrader.ui.shell.ScreenshotTour(window, ctx.screenshots()).run(Platform::exit);
            }
        });
    }

    /** Builds and shows the window; signals readiness on its first frame. */
    public static MainWindow open(Stage stage, WorkstationContext ctx, javafx.application.HostServices host) {
        MainWindow w = new MainWindow(stage, ctx, host);
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long ms = Duration.between(ctx.processStart(), Instant.now()).toMillis();
                log.info("workstation ready in {} ms", ms);
                Thread.ofPlatform().daemon().start(() -> writeReady(ctx.dataDirectory(), ms));
            }
        }.start();
        return w;
    }

    private static void writeReady(Path dir, long ms) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ready"), ms + "\n");
        } catch (IOException e) {
            log.warn("ready file not written: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveGeometry();
            window.dispose();
        }
        // Leaving: the window is gone, so the last settings write and the session's close may block here.
        context.settings().saveNow();
        TradingSession s = window == null ? null : window.session();
        if (s != null) {
            s.close();
        }
        context.onExit().run();
    }
}
