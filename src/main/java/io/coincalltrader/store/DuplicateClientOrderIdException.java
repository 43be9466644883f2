package io.coincalltrader.store;

import java.nio.file.Path;

/** An order with this client order id is already recorded; sending it again could place it twice. */
public final class DuplicateClientOrderIdException extends StoreException {
    private final long clientOrderId;

    public DuplicateClientOrderIdException(Path database, long clientOrderId, Throwable cause) {
        super(database, "An order with client order id " + clientOrderId + " is already recorded; not sending it again",
                cause);
        this.clientOrderId = clientOrderId;
    }

    public long clientOrderId() {
        return clientOrderId;
    }
}
