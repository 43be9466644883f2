package io.coincalltrader.app;

import io.coincalltrader.app.cli.ConnectionOptions;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.ui.WorkstationApp;
import io.coincalltrader.ui.WorkstationContext;
import io.coincalltrader.ui.shell.UiSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The workstation's composition root: which exchange (the embedded paper exchange without keys; testnet or
 * production with keys and an explicit choice; or a base URL), which store profile, and the window.
 */
public final class WorkstationLauncher {
    private WorkstationLauncher() {
    }

    /** Builds the context for these options; nothing connects until the window calls {@code connect}. */
    public static WorkstationContext context(ConnectionOptions.Environment env, String baseUrl, Map<String, String> environment,
                                             Path dataDir, Clock clock) {
        String key = environment.get("COINCALL_API_KEY");
        String secret = environment.get("COINCALL_API_SECRET");
        Credentials credentials = key == null || key.isBlank() || secret == null || secret.isBlank() ? null : new Credentials(key.trim(), secret.trim());
        AtomicReference<PaperExchange> paper = new AtomicReference<>();
        String mode;
        Callable<TradingSession> connect;
        if (baseUrl != null) {
            connect = () -> TradingSession.open(CoincallClient.create(CoincallConfig.of(baseUrl, credentials)), dataDir, Profiles.forBaseUrl(baseUrl), clock);
            mode = baseUrl.contains("127.0.0.1") || baseUrl.contains("localhost") ? "PAPER" : "LIVE";
        } else if (env == null && credentials != null) {
            throw new IllegalArgumentException("API keys are set: choose --env testnet or --env production (or --base-url)");
        } else if (env == null || env == ConnectionOptions.Environment.PAPER) {
            mode = "PAPER";
            connect = () -> {
                PaperExchange p = PaperExchange.start(PaperConfig.defaults());
                paper.set(p);
                return TradingSession.open(CoincallClient.create(CoincallConfig.of(p.baseUrl(), new Credentials(p.apiKey(), p.apiSecret()))),
                        dataDir, Profiles.newPaper(dataDir, clock), clock);
            };
        } else {
            if (credentials == null) {
                throw new IllegalArgumentException(env + " needs COINCALL_API_KEY and COINCALL_API_SECRET in the environment");
            }
            boolean live = env == ConnectionOptions.Environment.PRODUCTION;
            mode = live ? "LIVE" : "TESTNET";
            String url = live ? CoincallConfig.PRODUCTION_URL : CoincallConfig.TESTNET_URL;
            connect = () -> TradingSession.open(CoincallClient.create(CoincallConfig.of(url, credentials)), dataDir,
                    live ? Profiles.PRODUCTION : Profiles.TESTNET, clock);
        }
        Runnable onExit = () -> {
            PaperExchange p = paper.get();
            if (p != null) {
                p.close();
            }
        };
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return new WorkstationContext(mode, dataDir, connect, onExit, start, UiSettings.load(dataDir), null);
    }

    /** Opens the window and returns when it is closed. */
    public static void run(WorkstationContext context) {
        WorkstationApp.launch(context);
    }
}
