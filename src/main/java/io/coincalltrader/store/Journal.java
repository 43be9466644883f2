package io.coincalltrader.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The append-only record of every state change and manual action with its cause (triggers refuse UPDATE/DELETE). */
public final class Journal {
    private final StoreWriter writer;
    private final ReadConnection reader;
    private final Clock clock;

    Journal(StoreWriter writer, ReadConnection reader, Clock clock) {
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
    }

    /** Appends a row; completes with its id once durable. */
    public CompletableFuture<Long> append(String kind, Cause cause, String subject, String message, String detailJson) {
        return writer.submit(appendCommand(kind, cause, subject, message, detailJson));
    }

    /** The append as a command, to commit together with the change it explains. */
    public WriteCommand<Long> appendCommand(String kind, Cause cause, String subject, String message, String detailJson) {
        Instant at = clock.instant(); // the time of the action, not of the commit
        return c -> insert(c, at, kind, cause, subject, message, detailJson);
    }

    static long insert(Connection c, Instant at, String kind, Cause cause, String subject, String message,
                       String detailJson) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO journal (at, kind, cause, subject, message, detail) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, at.toEpochMilli());
            s.setString(2, kind);
            s.setString(3, cause.name());
            s.setString(4, subject);
            s.setString(5, message);
            s.setString(6, detailJson);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Rows at or after {@code from}, oldest first, filtered by kind and cause. */
    public List<JournalEntry> since(Instant from, JournalFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM journal WHERE at >= ?");
        List<String> args = new ArrayList<>();
        inClause(sql, "kind", filter.kinds().stream().sorted().toList(), args);
        inClause(sql, "cause", filter.causes().stream().map(Cause::name).sorted().toList(), args);
        sql.append(" ORDER BY at, id LIMIT ?");
        return reader.query(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                s.setLong(1, from.toEpochMilli());
                int i = 2;
                for (String arg : args) {
                    s.setString(i++, arg);
                }
                s.setInt(i, filter.limit());
                List<JournalEntry> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new JournalEntry(r.getLong("id"), Columns.time(r, "at"), r.getString("kind"),
                                Cause.valueOf(r.getString("cause")), r.getString("subject"), r.getString("message"),
                                r.getString("detail")));
                    }
                }
                return rows;
            }
        });
    }

    private static void inClause(StringBuilder sql, String column, List<String> values, List<String> args) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append("?,".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }
}
