package io.coincalltrader.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit of work for the {@link StoreWriter}: runs inside the writer's transaction and must not commit, roll back
 * or keep the connection. Everything one command does commits together or not at all.
 */
@FunctionalInterface
public interface WriteCommand<T> {
    T apply(Connection connection) throws SQLException;

    /** Several commands as one: they commit together or not at all; the result lists each command's result. */
    static WriteCommand<List<Object>> all(List<? extends WriteCommand<?>> commands) {
        List<WriteCommand<?>> copy = List.copyOf(commands);
        return c -> {
            List<Object> results = new ArrayList<>(copy.size());
            for (WriteCommand<?> command : copy) {
                results.add(command.apply(c));
            }
            return results;
        };
    }
}
