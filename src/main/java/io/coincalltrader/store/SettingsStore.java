package io.coincalltrader.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Key/value settings that belong with the profile's trading data (UI preferences live in the settings file). */
public final class SettingsStore {
    private final StoreWriter writer;
    private final ReadConnection reader;
    private final Clock clock;

    SettingsStore(StoreWriter writer, ReadConnection reader, Clock clock) {
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
    }

    public Optional<String> get(String key) {
        return reader.query(c -> read(c, key));
    }

    public CompletableFuture<Void> put(String key, String value) {
        long at = clock.millis();
        return writer.submit(c -> {
            write(c, key, value, at);
            return null;
        });
    }

    public Map<String, String> all() {
        return reader.query(c -> {
            Map<String, String> all = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT key, value FROM settings ORDER BY key");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.put(r.getString(1), r.getString(2));
                }
            }
            return all;
        });
    }

    static Optional<String> read(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    static void write(Connection c, String key, String value, long at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
            s.setString(1, key);
            s.setString(2, value);
            s.setLong(3, at);
            s.executeUpdate();
        }
    }
}
