package io.coincalltrader.exchange;

/**
 * A write left this machine but no usable answer came back (timeout, dropped connection, 5xx, throttled,
 * unreadable body). The exchange may or may not have acted: resolve by querying, never by resending.
 */
public final class OutcomeUnknownException extends ExchangeException {
    public OutcomeUnknownException(String message, Throwable cause) {
        super(-1, message, cause);
    }

    public OutcomeUnknownException(int code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
