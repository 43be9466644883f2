package io.coincalltrader.exchange;

/** An API key and secret. {@link #toString()} never shows either. */
public record Credentials(String apiKey, String apiSecret) {
    public Credentials {
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("API key and secret must both be set");
        }
    }

    @Override
    public String toString() {
        return "Credentials[key=" + Redaction.key(apiKey) + ", secret=***]";
    }
}
