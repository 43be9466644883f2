package io.coincalltrader.store;

import java.nio.file.Path;

/** SQLite reported the disk (or the database's page limit) full; what was committed before is intact. */
public final class StoreFullException extends StoreException {
    public StoreFullException(Path database, Throwable cause) {
        super(database, "The disk holding " + database + " is full: nothing new can be recorded, so no new orders"
                + " will be sent. Free some space; what was recorded before is intact.", cause);
    }
}
