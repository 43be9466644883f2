package io.coincalltrader.domain.order;

/** Buy or sell, with Coincall's numeric {@code tradeSide} (1 buy, 2 sell). */
public enum Side {
    BUY(1),
    SELL(2);

    private final int wireCode;

    Side(int wireCode) {
        this.wireCode = wireCode;
    }

    public int wireCode() {
        return wireCode;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for buy, -1 for sell. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public static Side fromWireCode(int code) {
        return switch (code) {
            case 1 -> BUY;
            case 2 -> SELL;
            default -> throw new IllegalArgumentException("trade side must be 1 (buy) or 2 (sell), not " + code);
        };
    }

    /** Parses BUY/SELL text or the numeric codes 1/2. */
    public static Side parse(String text) {
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "BUY", "1" -> BUY;
            case "SELL", "2" -> SELL;
            default -> throw new IllegalArgumentException("side must be BUY or SELL, not '" + text + "'");
        };
    }
}
