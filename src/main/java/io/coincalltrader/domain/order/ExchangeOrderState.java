package io.coincalltrader.domain.order;

/** An order's state as the exchange reports it (the {@code state} codes of Coincall's order objects). */
public enum ExchangeOrderState {
    ILLEGAL(-10, true),
    WAITING_EFFECT(-2, false),
    PRE(-1, false),
    NEW(0, false),
    FILLED(1, true),
    PARTIALLY_FILLED(2, false),
    CANCELED(3, true),
    PRE_CANCEL(4, false),
    CANCELING(5, false),
    INVALID(6, true),
    CANCEL_BY_EXERCISE(10, true);

    private final int wireCode;
    private final boolean terminal;

    ExchangeOrderState(int wireCode, boolean terminal) {
        this.wireCode = wireCode;
        this.terminal = terminal;
    }

    public int wireCode() {
        return wireCode;
    }

    /** No further fills can happen. */
    public boolean isTerminal() {
        return terminal;
    }

    /** True while the order can still rest on the book and fill. */
    public boolean isOpen() {
        return !terminal;
    }

    public static ExchangeOrderState fromWireCode(int code) {
        for (ExchangeOrderState s : values()) {
            if (s.wireCode == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown order state code " + code);
    }
}
