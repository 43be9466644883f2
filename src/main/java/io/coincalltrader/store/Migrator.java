package io.coincalltrader.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the numbered scripts {@code db/V<n>__<what>.sql} in order, each in its own transaction with its row in
 * {@code schema_version}, so a crash mid-migration leaves the previous version intact. Scripts are listed here
 * because a jar cannot be listed portably; a test checks this list against the resource folder.
 */
final class Migrator {
    /** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__rfq_details.sql", "V3__rfq_arm.sql");

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private final List<String> scripts;
    private final Clock clock;

    Migrator(List<String> scripts, Clock clock) {
        this.scripts = List.copyOf(scripts);
        this.clock = clock;
    }

    /** Brings the schema up to date; returns the scripts applied (empty when it already was). */
    List<String> migrate(Connection c, Path database) throws SQLException {
        Sqlite.exec(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                + " checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        int current = currentVersion(c);
        int latest = scripts.isEmpty() ? 0 : version(scripts.getLast());
        if (current > latest) {
            throw new StoreUnavailableException(database, database + " was written by a newer CoincallTrader (schema "
                    + current + "; this version knows " + latest + "). Install the newer version to open it.");
        }
        List<String> applied = new ArrayList<>();
        int expected = 1;
        for (String script : scripts) {
            int v = version(script);
            if (v != expected++) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3…; found " + script);
            }
            String sql = load(script);
            if (v <= current) {
                checkUnchanged(c, v, script, sql);
                continue;
            }
            apply(c, v, script, sql);
            applied.add(script);
        }
        return applied;
    }

    private void apply(Connection c, int version, String script, String sql) throws SQLException {
        Sqlite.exec(c, "BEGIN IMMEDIATE");
        try (Statement s = c.createStatement();
             PreparedStatement row = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?, ?)")) {
            s.executeUpdate(sql);
            row.setInt(1, version);
            row.setString(2, script);
            row.setString(3, checksum(sql));
            row.setLong(4, clock.millis());
            row.executeUpdate();
            Sqlite.exec(c, "COMMIT");
            LOG.info("Applied migration {}", script);
        } catch (SQLException | RuntimeException e) {
            try {
                Sqlite.exec(c, "ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private static void checkUnchanged(Connection c, int version, String script, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT checksum FROM schema_version WHERE version = ?")) {
            s.setInt(1, version);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && !r.getString(1).equals(checksum(sql))) {
                    // Not fatal: refusing to start would lock the trader out of his positions over a developer slip.
                    LOG.warn("Migration {} changed after it was applied; the schema may differ from the script", script);
                }
            }
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    static int version(String script) {
        Matcher m = NAME.matcher(script);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration names look like V1__initial.sql, not " + script);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String load(String script) {
        try (InputStream in = Migrator.class.getResourceAsStream("/db/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration db/" + script + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration db/" + script, e);
        }
    }

    private static String checksum(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
