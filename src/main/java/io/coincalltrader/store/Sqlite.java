package io.coincalltrader.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Opens SQLite connections with the settings our durability promise rests on. */
final class Sqlite {
    /** How long a connection waits for another's lock (a backup, a checkpoint) before giving up. */
    static final int BUSY_TIMEOUT_MS = 5_000;

    private Sqlite() {
    }

    /**
     * A read-write connection. WAL lets readers run while the writer commits. {@code synchronous=FULL} fsyncs the WAL
     * at every commit: with the default NORMAL in WAL mode a power cut can lose the last commits, and an order the
     * trader saw as recorded must survive one. {@code fullfsync} matters on macOS only, where a plain fsync does not
     * flush the drive's cache (F_FULLFSYNC does); elsewhere SQLite ignores it.
     */
    static Connection openReadWrite(Path file) throws SQLException {
        Connection c = DriverManager.getConnection(url(file));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA fullfsync = ON");
            s.execute("PRAGMA checkpoint_fullfsync = ON");
            s.execute("PRAGMA foreign_keys = ON");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A connection that refuses writes ({@code query_only}), for the repositories' reads. */
    static Connection openReadOnly(Path file) throws SQLException {
        Connection c = DriverManager.getConnection(url(file));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA query_only = ON");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A connection with no settings changed but the busy timeout: VACUUM INTO needs one that is not query_only. */
    static Connection openForBackup(Path file) throws SQLException {
        Connection c = DriverManager.getConnection(url(file));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The problems {@code PRAGMA integrity_check} lists; empty when the file is sound. */
    static List<String> integrityProblems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            while (r.next()) {
                String line = r.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
