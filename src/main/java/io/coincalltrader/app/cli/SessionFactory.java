package io.coincalltrader.app.cli;

import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;

import java.util.Map;

/**
 * Opens a session with the exchange the options select: an explicit base URL, testnet or production with keys from
 * the environment, or the embedded paper exchange when no keys are set. Keys never come from arguments.
 */
public class SessionFactory {
    public static final String KEY_VARIABLE = "COINCALL_API_KEY";
    public static final String SECRET_VARIABLE = "COINCALL_API_SECRET";

    private final Map<String, String> environment;

    public SessionFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Opens the session for these options. */
    public ExchangeSession open(ConnectionOptions options) {
        Credentials credentials = credentials();
        if (options.baseUrl != null) {
            return new ExchangeSession(CoincallClient.create(CoincallConfig.of(options.baseUrl, credentials)), options.baseUrl, null);
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
            case TESTNET -> live(CoincallConfig.TESTNET_URL, credentials, "TESTNET");
            case PRODUCTION -> live(CoincallConfig.PRODUCTION_URL, credentials, "LIVE");
        };
    }

    private ExchangeSession live(String url, Credentials credentials, String label) {
        if (credentials == null) {
            throw new IllegalArgumentException(label + " needs " + KEY_VARIABLE + " and " + SECRET_VARIABLE + " in the environment");
        }
        return new ExchangeSession(CoincallClient.create(CoincallConfig.of(url, credentials)), label, null);
    }

    /** Starts the embedded paper exchange on loopback and connects to it over HTTP like any exchange. */
    protected ExchangeSession openPaper(ConnectionOptions options) {
        PaperExchange paper = PaperExchange.start(PaperConfig.defaults());
        try {
            CoincallClient client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(),
                    new Credentials(paper.apiKey(), paper.apiSecret())));
            return new ExchangeSession(client, "PAPER", paper);
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
