package io.coincalltrader.exchange;

/** The exchange answered something this client cannot read (malformed JSON, missing or mistyped fields). */
public final class UnexpectedResponseException extends ExchangeException {
    public UnexpectedResponseException(String message, Throwable cause) {
        super(-1, "Unexpected response from the exchange: " + message, cause);
    }
}
