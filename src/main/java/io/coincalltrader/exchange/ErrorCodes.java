package io.coincalltrader.exchange;

import java.util.Map;

/** Coincall's error codes (docs/API_NOTES.md) in words a trader understands. */
public final class ErrorCodes {
    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(500, "The exchange had an internal error"),
            Map.entry(10000, "The exchange asks to try again later"),
            Map.entry(10004, "The exchange refused a parameter as illegal"),
            Map.entry(10005, "The exchange refused a parameter"),
            Map.entry(10006, "The request signature was refused: check the API key and secret"),
            Map.entry(10008, "This IP address is not allowed for the API key"),
            Map.entry(10529, "Insufficient balance for this order"),
            Map.entry(10534, "Order size is above the exchange's maximum per order"),
            Map.entry(10540, "The order has expired"),
            Map.entry(10551, "This IP address is not on the API key's whitelist"),
            Map.entry(10555, "The API key is frozen"),
            Map.entry(10556, "The API key belongs to another environment (testnet vs production)"),
            Map.entry(10557, "The request timestamp is outside the allowed window: check the computer's clock"),
            Map.entry(10558, "Order size is below the exchange's minimum"),
            Map.entry(10562, "The request signature is invalid: check the API secret"),
            Map.entry(10567, "The exchange refused the request's content type"),
            Map.entry(10575, "The request needs an order id or a client order id"),
            Map.entry(10584, "The exchange has no such order"),
            Map.entry(10586, "The exchange refused a market data subscription"),
            Map.entry(10587, "The exchange refused the WebSocket login"),
            Map.entry(10605, "Too many requests: the exchange is throttling this key"),
            Map.entry(40034, "The option does not exist"),
            Map.entry(50012, "A quote on this RFQ already exists"),
            Map.entry(50014, "The quote is no longer valid or does not match the request"),
            Map.entry(60001, "The account is in auto-deleveraging"),
            Map.entry(60008, "Market maker protection is not enabled"));

    private static final java.util.Set<Integer> GENERIC = java.util.Set.of(500, 10004, 10005, 50014);

    private ErrorCodes() {
    }

    /** Trader-readable text for a code, falling back to the exchange's own message. */
    public static String describe(int code, String exchangeMessage) {
        String text = TEXT.get(code);
        boolean hasDetail = exchangeMessage != null && !exchangeMessage.isBlank();
        if (text != null && hasDetail && GENERIC.contains(code)) {
            // Generic codes say little by themselves: the exchange's own words name the parameter.
            return text + ": " + exchangeMessage;
        }
        if (text != null) {
            return text;
        }
        return exchangeMessage == null || exchangeMessage.isBlank() ? "The exchange refused the request" : "Exchange: " + exchangeMessage;
    }

    /** Codes that say the key, signature or timestamp is wrong. */
    public static boolean isAuthentication(int code) {
        return code == 10006 || code == 10008 || code == 10551 || code == 10555 || code == 10556 || code == 10557
                || code == 10562 || code == 10587;
    }

    /** Codes after which the same read may succeed later. */
    public static boolean isTransient(int code) {
        return code == 500 || code == 10000 || code == 10605;
    }

    /** Codes that prove the request was not executed because of its encoding (safe to resend in another form). */
    public static boolean isEncodingRefusal(int code) {
        return code == 10004 || code == 10567;
    }
}
