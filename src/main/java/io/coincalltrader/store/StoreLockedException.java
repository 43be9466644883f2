package io.coincalltrader.store;

import java.nio.file.Path;

/** Another CoincallTrader (or another store in this process) already holds the profile's lock file. */
public final class StoreLockedException extends StoreException {
    public StoreLockedException(Path lockFile, Throwable cause) {
        super(lockFile, "Another CoincallTrader is already using this profile (lock held on " + lockFile
                + "). Close the other window first; two instances would send orders twice.", cause);
    }
}
