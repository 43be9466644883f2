package io.coincalltrader.exchange;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the exchange is and how patient to be with it. Every call has a total time limit (OkHttp has none by
 * default); writes get a shorter one, because an order whose answer is late is resolved by querying anyway.
 */
public record CoincallConfig(
        String baseUrl,
        Optional<Credentials> credentials,
        long tsDiffMillis,
        Duration connectTimeout,
        Duration readCallTimeout,
        Duration writeCallTimeout,
        int readAttempts,
        Duration retryBaseDelay) {

    public static final String PRODUCTION_URL = "https://api.coincall.com";
    public static final String TESTNET_URL = "https://betaapi.coincall.com";

    public CoincallConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credentials, "credentials");
        if (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (tsDiffMillis <= 0 || tsDiffMillis > 60_000) {
            throw new IllegalArgumentException("X-REQ-TS-DIFF must be between 1 and 60000 ms");
        }
        if (readAttempts < 1) {
            throw new IllegalArgumentException("readAttempts must be at least 1");
        }
    }

    /** Defaults: 5 s timestamp window, 5 s connect, 10 s reads, 8 s writes, 3 read attempts from 250 ms. */
    public static CoincallConfig of(String baseUrl, Credentials credentials) {
        return new CoincallConfig(baseUrl, Optional.ofNullable(credentials), 5000, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(8), 3, Duration.ofMillis(250));
    }

    public CoincallConfig withTimeouts(Duration connect, Duration read, Duration write) {
        return new CoincallConfig(baseUrl, credentials, tsDiffMillis, connect, read, write, readAttempts, retryBaseDelay);
    }

    public CoincallConfig withRetries(int attempts, Duration baseDelay) {
        return new CoincallConfig(baseUrl, credentials, tsDiffMillis, connectTimeout, readCallTimeout, writeCallTimeout, attempts, baseDelay);
    }
}
