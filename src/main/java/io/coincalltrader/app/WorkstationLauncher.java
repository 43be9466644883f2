package io.coincalltrader.app;

import io.coincalltrader.app.cli.ConnectionOptions;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.ws.Backoff;
import io.coincalltrader.exchange.ws.CoincallWebSocket;
import okhttp3.OkHttpClient;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.store.ApiKeys;
import io.coincalltrader.ui.WorkstationApp;
import io.coincalltrader.ui.WorkstationContext;
import io.coincalltrader.ui.shell.UiSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workstation's composition root: which exchange (the embedded paper exchange without keys; testnet or
 * production with keys and an explicit choice; or a base URL), which store profile, and the window. Switching
 * exchange in the window comes back here through the {@link WorkstationContext.SessionOpener}.
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
        List<PaperExchange> papers = new CopyOnWriteArrayList<>();
        WorkstationContext.SessionOpener opener = (profile, keys) -> switch (profile) {
            case "paper" -> paper(papers, dataDir, clock);
            case Profiles.TESTNET -> live(CoincallConfig.TESTNET_URL, credentials(keys), dataDir, Profiles.TESTNET, clock);
            case Profiles.PRODUCTION -> live(CoincallConfig.PRODUCTION_URL, credentials(keys), dataDir, Profiles.PRODUCTION, clock);
            default -> throw new IllegalArgumentException("unknown profile " + profile);
        };
        String mode;
        Callable<TradingSession> connect;
        if (baseUrl != null) {
            connect = () -> TradingSession.open(CoincallClient.create(CoincallConfig.of(baseUrl, credentials)), dataDir, Profiles.forBaseUrl(baseUrl), clock);
            mode = baseUrl.contains("127.0.0.1") || baseUrl.contains("localhost") ? "PAPER" : "LIVE";
        } else if (env == null && credentials != null) {
            throw new IllegalArgumentException("API keys are set: choose --env testnet or --env production (or --base-url)");
        } else if (env == null || env == ConnectionOptions.Environment.PAPER) {
            mode = "PAPER";
            connect = paper(papers, dataDir, clock);
        } else {
            if (credentials == null) {
                throw new IllegalArgumentException(env + " needs COINCALL_API_KEY and COINCALL_API_SECRET in the environment"
                        + " (or start in paper mode and use Settings → Switch exchange with saved keys)");
            }
            boolean live = env == ConnectionOptions.Environment.PRODUCTION;
            mode = live ? "LIVE" : "TESTNET";
            connect = live(live ? CoincallConfig.PRODUCTION_URL : CoincallConfig.TESTNET_URL, credentials, dataDir,
                    live ? Profiles.PRODUCTION : Profiles.TESTNET, clock);
        }
        Runnable onExit = () -> papers.forEach(PaperExchange::close);
        Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return new WorkstationContext(mode, dataDir, connect, onExit, start, UiSettings.load(dataDir), null, opener);
    }

    private static Credentials credentials(ApiKeys keys) {
        if (keys == null) {
            throw new IllegalArgumentException("this exchange needs API keys");
        }
        return new Credentials(keys.apiKey(), keys.apiSecret());
    }

    private static Callable<TradingSession> paper(List<PaperExchange> papers, Path dataDir, Clock clock) {
        return () -> {
            PaperExchange p = PaperExchange.start(PaperConfig.defaults());
            papers.add(p);
            Credentials keys = new Credentials(p.apiKey(), p.apiSecret());
            TradingSession s = TradingSession.open(CoincallClient.create(CoincallConfig.of(p.baseUrl(), keys)), dataDir,
                    Profiles.newPaper(dataDir, clock), clock);
            s.attachStream(socket(p.optionsWebSocketUrl(), keys, s, clock));
            return s;
        };
    }

    private static Callable<TradingSession> live(String url, Credentials credentials, Path dataDir, String profile, Clock clock) {
        return () -> {
            TradingSession s = TradingSession.open(CoincallClient.create(CoincallConfig.of(url, credentials)), dataDir, profile, clock);
            s.attachStream(socket(url.equals(CoincallConfig.PRODUCTION_URL) ? PRODUCTION_WS : TESTNET_WS, credentials, s, clock));
            return s;
        };
    }

    /** The options socket (docs/API_NOTES.md): private order and trade pushes ride on it. */
    private static final String PRODUCTION_WS = "wss://ws.coincall.com/options";
    private static final String TESTNET_WS = "wss://betaws.seizeyouralpha.com/options";

    private static CoincallWebSocket socket(String url, Credentials credentials, TradingSession s, Clock clock) {
        return new CoincallWebSocket(new OkHttpClient(), url, credentials, clock, new SplittableRandom(), s.io(), Duration.ofSeconds(15),
                Backoff.DEFAULT);
    }

    /** Opens the window and returns when it is closed. */
    public static void run(WorkstationContext context) {
        WorkstationApp.launch(context);
    }
}
