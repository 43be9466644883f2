package io.coincalltrader.ui;

import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.ui.shell.UiSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * What the composition root hands the window: the mode shown on the badge (PAPER, TESTNET, LIVE), where data lives,
 * how to connect (called off the FX thread), what to stop on exit, when the process started (for the ready time),
 * and the saved UI settings.
 */
public record WorkstationContext(String mode, Path dataDirectory, Callable<TradingSession> connect, Runnable onExit,
                                 Instant processStart, UiSettings settings, Path screenshots, SessionOpener opener) {

    /** Opens a session for a profile chosen in the window: "paper" (keys null), "testnet" or "production". */
    public interface SessionOpener {
        Callable<TradingSession> open(String profile, io.coincalltrader.store.ApiKeys keys);
    }

    /** With {@code screenshots} set, the window takes its screenshots there once it shows live data, then quits. */
    public WorkstationContext withScreenshots(Path dir) {
        return new WorkstationContext(mode, dataDirectory, connect, onExit, processStart, settings, dir, opener);
    }
}
