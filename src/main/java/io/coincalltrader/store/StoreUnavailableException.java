package io.coincalltrader.store;

import java.nio.file.Path;

/** The store cannot be used: the data directory or file is not writable, missing, damaged beyond repair, or closed. */
public final class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(Path path, String message, Throwable cause) {
        super(path, message, cause);
    }

    public StoreUnavailableException(Path path, String message) {
        this(path, message, null);
    }
}
