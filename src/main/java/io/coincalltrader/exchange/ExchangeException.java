package io.coincalltrader.exchange;

/**
 * Every failure of a call to the exchange. The subtype tells the engine what it may conclude: a rejection means
 * nothing happened; "not sent" means the request never left; "outcome unknown" means it must ask the exchange
 * (by client order id) before doing anything else.
 */
public abstract sealed class ExchangeException extends RuntimeException
        permits ExchangeRejectedException, NotSentException, OutcomeUnknownException, ExchangeUnavailableException,
        UnexpectedResponseException {

    private final int code;

    protected ExchangeException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The exchange's error code, or -1 when the failure was not an exchange answer. */
    public int code() {
        return code;
    }

    /** One line a trader can act on, with the code when there is one. */
    public String traderMessage() {
        return code >= 0 && code != 0 ? getMessage() + " (code " + code + ")" : getMessage();
    }
}
