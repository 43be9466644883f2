package io.coincalltrader.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The repositories' shared, query-only connection. WAL lets it read while the writer commits; calls are serialised
 * because a JDBC connection is not safe for concurrent use, and reads are short (recovery, history screens).
 */
final class ReadConnection implements AutoCloseable {
    /** A query against the read connection. */
    @FunctionalInterface
    interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;
    private final Path database;

    ReadConnection(Connection connection, Path database) {
        this.connection = connection;
        this.database = database;
    }

    synchronized <T> T query(Query<T> query) {
        try {
            return query.run(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException(database, "Cannot read " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
