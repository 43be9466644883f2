package io.coincalltrader.domain.rfq;

/** A maker quote's state; the exchange writes CANCEL in places, read as CANCELLED. */
public enum QuoteState {
    OPEN,
    CANCELLED,
    FILLED,
    EXPIRED;

    public static QuoteState parse(String text) {
        return switch (text.toUpperCase(java.util.Locale.ROOT)) {
            case "OPEN" -> OPEN;
            case "CANCEL", "CANCELED", "CANCELLED" -> CANCELLED;
            case "FILLED" -> FILLED;
            case "EXPIRED" -> EXPIRED;
            default -> throw new IllegalArgumentException("unknown quote state " + text);
        };
    }
}
