package io.coincalltrader.paper;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How to run the paper exchange: port (0 = any free one), random seed, simulated-time speed, the paper account's
 * starting balance and demo book, how fast the RFQ makers answer, the account's API key and secret, and the
 * simulated start time (null = now), the simulated clock's tick, how long an RFQ stays open (1 h, as on the exchange),
 * and how often a maker replaces its quotes at the market (zero: they stand until they expire, after 5 minutes).
 */
public record PaperConfig(int port, long seed, double speed, BigDecimal startingBalance, boolean demoBook,
                          Duration makerDelay, String apiKey, String apiSecret, Instant start, Duration tickInterval,
                          Duration rfqLifetime, Duration quoteRefresh) {

    /** Makers re-quote every 10 s (cancel, then quote at the market), as Coincall market makers do on a timer. */
    public static final Duration QUOTE_REFRESH = Duration.ofSeconds(10);

    public PaperConfig {
        if (speed <= 0 || speed > 100_000) {
            throw new IllegalArgumentException("speed must be above 0 and at most 100000");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
    }

    /** A fresh key pair, seed 1, real-time speed, 100,000 USD and the demo book. */
    public static PaperConfig defaults() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[16];
        byte[] secret = new byte[32];
        random.nextBytes(key);
        random.nextBytes(secret);
        return new PaperConfig(0, 1, 1.0, new BigDecimal("100000"), true, Duration.ofMillis(800),
                "paper-" + HexFormat.of().formatHex(key), HexFormat.of().formatHex(secret), null, Duration.ofMillis(500), Duration.ofHours(1), QUOTE_REFRESH);
    }

    public PaperConfig withPort(int p) {
        return new PaperConfig(p, seed, speed, startingBalance, demoBook, makerDelay, apiKey, apiSecret, start, tickInterval, rfqLifetime, quoteRefresh);
    }

    public PaperConfig withSeed(long s) {
        return new PaperConfig(port, s, speed, startingBalance, demoBook, makerDelay, apiKey, apiSecret, start, tickInterval, rfqLifetime, quoteRefresh);
    }

    public PaperConfig withSpeed(double x) {
        return new PaperConfig(port, seed, x, startingBalance, demoBook, makerDelay, apiKey, apiSecret, start, tickInterval, rfqLifetime, quoteRefresh);
    }

    public PaperConfig withDemoBook(boolean on) {
        return new PaperConfig(port, seed, speed, startingBalance, on, makerDelay, apiKey, apiSecret, start, tickInterval, rfqLifetime, quoteRefresh);
    }

    public PaperConfig withMakerDelay(Duration d) {
        return new PaperConfig(port, seed, speed, startingBalance, demoBook, d, apiKey, apiSecret, start, tickInterval, rfqLifetime, quoteRefresh);
    }

    public PaperConfig withStart(Instant t) {
        return new PaperConfig(port, seed, speed, startingBalance, demoBook, makerDelay, apiKey, apiSecret, t, tickInterval, rfqLifetime, quoteRefresh);
    }

    public PaperConfig withTickInterval(Duration d) {
        return new PaperConfig(port, seed, speed, startingBalance, demoBook, makerDelay, apiKey, apiSecret, start, d, rfqLifetime, quoteRefresh);
    }

    public PaperConfig withRfqLifetime(Duration d) {
        return new PaperConfig(port, seed, speed, startingBalance, demoBook, makerDelay, apiKey, apiSecret, start, tickInterval, d, quoteRefresh);
    }

    /** How often makers replace their quotes; zero: a quote stands until it expires. */
    public PaperConfig withQuoteRefresh(Duration d) {
        return new PaperConfig(port, seed, speed, startingBalance, demoBook, makerDelay, apiKey, apiSecret, start, tickInterval, rfqLifetime, d);
    }

    public PaperConfig withCredentials(String key, String secret) {
        return new PaperConfig(port, seed, speed, startingBalance, demoBook, makerDelay, key, secret, start, tickInterval, rfqLifetime, quoteRefresh);
    }

    @Override
    public String toString() {
        return "PaperConfig[port=" + port + ", seed=" + seed + ", speed=" + speed + ", demoBook=" + demoBook + ", secret=***]";
    }
}
