package io.coincalltrader.exchange;

/** A read failed after its retries: the exchange is unreachable, overloaded or throttling us. */
public final class ExchangeUnavailableException extends ExchangeException {
    public ExchangeUnavailableException(int code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
