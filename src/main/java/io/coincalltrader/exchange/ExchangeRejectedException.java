package io.coincalltrader.exchange;

/** The exchange answered and refused the request: definitively nothing happened. */
public non-sealed class ExchangeRejectedException extends ExchangeException {
    private final String exchangeMessage;

    public ExchangeRejectedException(int code, String exchangeMessage) {
        super(code, ErrorCodes.describe(code, exchangeMessage), null);
        this.exchangeMessage = exchangeMessage;
    }

    /** The exchange's own message text, as sent. */
    public String exchangeMessage() {
        return exchangeMessage;
    }

    /** True when the refusal is about the key, signature or timestamp rather than the order. */
    public boolean isAuthentication() {
        return ErrorCodes.isAuthentication(code());
    }
}
