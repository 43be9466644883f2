package io.coincalltrader.exchange;

/** Shortens secrets-adjacent values before they can reach a log line or a screen. */
public final class Redaction {
    private Redaction() {
    }

    /** The first four characters of an API key and an ellipsis; never the whole key. */
    public static String key(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return "(none)";
        }
        return apiKey.substring(0, Math.min(4, apiKey.length())) + "…";
    }
}
