package io.coincalltrader.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns SQLite's error codes into our typed store errors, in one place. */
final class SqlErrors {
    private SqlErrors() {
    }

    /** The typed error for any failure met while writing {@code database}. */
    static StoreException translate(Throwable failure, Path database) {
        Throwable t = unwrap(failure);
        if (t instanceof StoreException se) {
            return se;
        }
        int primary = primaryCode(t);
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new StoreFullException(database, t);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
                || primary == SQLiteErrorCode.SQLITE_IOERR.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return new StoreUnavailableException(database, "Cannot write to " + database + ": " + t.getMessage(), t);
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreUnavailableException(database, database + " stayed locked by another program for more than "
                    + Sqlite.BUSY_TIMEOUT_MS / 1000 + " s (a backup tool or a file viewer?); nothing was recorded", t);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new StoreUnavailableException(database, database + " is damaged; restart to restore the last backup",
                    t);
        }
        return new StoreWriteException(database, "Could not record to " + database + ": " + t.getMessage(), t);
    }

    /** The primary SQLite result code (the low byte of an extended code), or -1 when the failure is not SQLite's. */
    static int primaryCode(Throwable t) {
        if (t instanceof SQLiteException e) {
            return e.getResultCode().code & 0xff;
        }
        if (t instanceof SQLException e) {
            return e.getErrorCode() & 0xff;
        }
        return -1;
    }

    /** True for a UNIQUE or PRIMARY KEY violation. */
    static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return false;
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
