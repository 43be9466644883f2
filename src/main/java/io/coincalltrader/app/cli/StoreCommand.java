package io.coincalltrader.app.cli;

import io.coincalltrader.store.Database;
import io.coincalltrader.store.StoreConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * A command that reads the store of the selected account without connecting to the exchange (orders, fills,
 * journal). With no keys it reads the most recent paper session's store.
 */
abstract class StoreCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;
    @Spec
    CommandSpec spec;
    private final SessionFactory sessions;

    StoreCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public final Integer call() {
        Output out = new Output(spec.commandLine().getOut(), connection.json);
        String profile = sessions.storedProfile(connection);
        try (Database db = Database.open(StoreConfig.of(sessions.dataDirectory(), profile, sessions.clock()))) {
            return execute(db, profile, out);
        }
    }

    abstract int execute(Database db, String profile, Output out);

    /** "2h", "30m", "7d" back from now, or an ISO instant; null means the default. */
    Instant since(String text, Duration fallback) {
        Instant now = sessions.clock().instant();
        if (text == null) {
            return now.minus(fallback);
        }
        String t = text.trim();
        try {
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return now.minus(switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            return Instant.parse(t);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("--since takes a span like 30m, 2h, 7d or a UTC time like 2026-11-29T08:00:00Z, not '" + text + "'");
        }
    }
}
