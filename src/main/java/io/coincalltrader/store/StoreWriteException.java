package io.coincalltrader.store;

import java.nio.file.Path;

/** A write failed for a reason other than a full disk or a duplicate id; its whole batch was rolled back. */
public final class StoreWriteException extends StoreException {
    public StoreWriteException(Path database, String message, Throwable cause) {
        super(database, message, cause);
    }
}
