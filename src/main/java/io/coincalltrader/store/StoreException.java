package io.coincalltrader.store;

import java.nio.file.Path;

/**
 * Every failure of the local store. The engine's rule is the same for all of them: if an order could not be
 * recorded, it is not sent ("can't record it, so won't send it"); the subtype says what to tell the trader.
 */
public abstract sealed class StoreException extends RuntimeException
        permits StoreUnavailableException, StoreLockedException, StoreFullException, DuplicateClientOrderIdException,
        StoreWriteException {

    private final Path path;

    protected StoreException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The file or directory concerned, or null when none applies. */
    public Path path() {
        return path;
    }
}
