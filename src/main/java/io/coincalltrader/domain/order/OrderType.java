package io.coincalltrader.domain.order;

/** Coincall order types with their {@code tradeType} codes. */
public enum OrderType {
    LIMIT(1),
    MARKET(2),
    POST_ONLY(3),
    STOP_LIMIT(4),
    STOP_MARKET(5),
    BLOCK_TRADE(14);

    private final int wireCode;

    OrderType(int wireCode) {
        this.wireCode = wireCode;
    }

    public int wireCode() {
        return wireCode;
    }

    public boolean needsPrice() {
        return this == LIMIT || this == POST_ONLY || this == STOP_LIMIT;
    }

    public boolean needsTrigger() {
        return this == STOP_LIMIT || this == STOP_MARKET;
    }

    public static OrderType fromWireCode(int code) {
        for (OrderType t : values()) {
            if (t.wireCode == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown order type code " + code);
    }
}
