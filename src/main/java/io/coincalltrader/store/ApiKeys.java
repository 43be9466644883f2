package io.coincalltrader.store;

/** An API key and secret as kept in the {@link KeyVault}; never printed (toString shows the key's ends only). */
public record ApiKeys(String apiKey, String apiSecret) {
    public ApiKeys {
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("API key and secret must both be set");
        }
        apiKey = apiKey.trim();
        apiSecret = apiSecret.trim();
    }

    /** "abcd…wxyz": enough to recognise a key, not to use it. */
    public String maskedKey() {
        return apiKey.length() <= 8 ? "****" : apiKey.substring(0, 4) + "…" + apiKey.substring(apiKey.length() - 4);
    }

    @Override
    public String toString() {
        return "ApiKeys[key=" + maskedKey() + ", secret=***]";
    }
}
