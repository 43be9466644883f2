package io.coincalltrader.app.cli;

import io.coincalltrader.app.DataDirectory;
import io.coincalltrader.app.Profiles;
import io.coincalltrader.engine.session.TradingSession;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Opens a session with the exchange the options select: an explicit base URL, testnet or production with keys from
 * the environment, or the embedded paper exchange when no keys are set. Keys never come from arguments.
 */
public class SessionFactory {
    public static final String KEY_VARIABLE = "COINCALL_API_KEY";
    public static final String SECRET_VARIABLE = "COINCALL_API_SECRET";

    private final Map<String, String> environment;
    private final Path dataDirectory;
    private final Clock clock;

    public SessionFactory(Map<String, String> environment) {
        this(environment, DataDirectory.resolve(), Clock.systemUTC());
    }

    public SessionFactory(Map<String, String> environment, Path dataDirectory, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    /** Where the stores live. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public Clock clock() {
        return clock;
    }

    /** Opens the trading core (store, engine, order and execution services) for an open exchange session. */
    public TradingSession trading(ExchangeSession session) {
        return TradingSession.open(session.gateway(), dataDirectory, session.profile(), clock);
    }

    /**
     * The store these options point at, without connecting: the account's profile, or for paper the most recent
     * paper run's store.
     */
    public String storedProfile(ConnectionOptions options) {
        if (options.baseUrl != null) {
            return Profiles.forBaseUrl(options.baseUrl);
        }
        ConnectionOptions.Environment env = options.environment;
        if (env == null) {
            env = credentials() != null ? null : ConnectionOptions.Environment.PAPER;
        }
        if (env == null) {
            throw new IllegalArgumentException("API keys are set: choose --env testnet or --env production (or --base-url)");
        }
        return switch (env) {
            case PAPER -> Profiles.latestPaper(dataDirectory).orElseThrow(() -> new IllegalArgumentException(
                    "no paper session recorded yet in " + dataDirectory));
            case TESTNET -> Profiles.TESTNET;
            case PRODUCTION -> Profiles.PRODUCTION;
        };
    }

    /** Opens the session for these options. */
    public ExchangeSession open(ConnectionOptions options) {
        Credentials credentials = credentials();
        if (options.baseUrl != null) {
            return new ExchangeSession(CoincallClient.create(CoincallConfig.of(options.baseUrl, credentials)), options.baseUrl,
                    Profiles.forBaseUrl(options.baseUrl), null);
        }
        ConnectionOptions.Environment env = options.environment;
        if (env == null) {
            if (credentials != null) {
                throw new IllegalArgumentException("API keys are set: choose --env testnet or --env production (or --base-url)");
            }
            env = ConnectionOptions.Environment.PAPER;
        }
        return switch (env) {
            case PAPER -> openPaper(options);
            case TESTNET -> live(CoincallConfig.TESTNET_URL, credentials, "TESTNET", Profiles.TESTNET);
            case PRODUCTION -> live(CoincallConfig.PRODUCTION_URL, credentials, "LIVE", Profiles.PRODUCTION);
        };
    }

    private ExchangeSession live(String url, Credentials credentials, String label, String profile) {
        if (credentials == null) {
            throw new IllegalArgumentException(label + " needs " + KEY_VARIABLE + " and " + SECRET_VARIABLE + " in the environment");
        }
        return new ExchangeSession(CoincallClient.create(CoincallConfig.of(url, credentials)), label, profile, null);
    }

    /** Starts the embedded paper exchange on loopback and connects to it over HTTP like any exchange. */
    protected ExchangeSession openPaper(ConnectionOptions options) {
        PaperExchange paper = PaperExchange.start(PaperConfig.defaults());
        try {
            CoincallClient client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(),
                    new Credentials(paper.apiKey(), paper.apiSecret())));
            return new ExchangeSession(client, "PAPER", Profiles.newPaper(dataDirectory, clock), paper);
        } catch (RuntimeException e) {
            paper.close();
            throw e;
        }
    }

    Credentials credentials() {
        String key = environment.get(KEY_VARIABLE);
        String secret = environment.get(SECRET_VARIABLE);
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            return null;
        }
        return new Credentials(key.trim(), secret.trim());
    }
}
