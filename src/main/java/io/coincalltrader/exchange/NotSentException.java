package io.coincalltrader.exchange;

/** The request could not leave this machine (connection refused, host unknown): definitively not sent. */
public final class NotSentException extends ExchangeException {
    public NotSentException(String message, Throwable cause) {
        super(-1, message, cause);
    }
}
