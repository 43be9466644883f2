package io.coincalltrader.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Checks the database file before use and, when it is damaged, sets it aside and restores the newest sound backup. */
final class Repair {
    private static final Logger LOG = LoggerFactory.getLogger(Repair.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> COMPANIONS = List.of("", "-wal", "-shm");

    /** What the check found and did. */
    record Result(OpenReport.Outcome outcome, Optional<Path> keptAside, Optional<Path> restoredFrom,
                  Optional<String> problem) {
    }

    private Repair() {
    }

    static Result checkAndRepair(Path database, Backups backups, Clock clock) {
        if (!Files.exists(database)) {
            return new Result(OpenReport.Outcome.CREATED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> problem = findDamage(database);
        if (problem.isEmpty()) {
            return new Result(OpenReport.Outcome.OPENED, Optional.empty(), Optional.empty(), Optional.empty());
        }
        LOG.error("Database {} is damaged: {}", database, problem.get());
        try {
            Path keptAside = moveAside(database, clock);
            Optional<Path> backup = backups.newestSound();
            if (backup.isEmpty()) {
                LOG.error("No sound backup in {}; starting with an empty database", backups.directory());
                return new Result(OpenReport.Outcome.STARTED_EMPTY_AFTER_DAMAGE, Optional.of(keptAside), Optional.empty(),
                        problem);
            }
            Path temp = database.resolveSibling(database.getFileName() + ".restoring");
            Files.copy(backup.get(), temp, StandardCopyOption.REPLACE_EXISTING);
            Backups.force(temp);
            Backups.moveAtomically(temp, database);
            LOG.warn("Restored {} from backup {}", database, backup.get());
            return new Result(OpenReport.Outcome.RESTORED_FROM_BACKUP, Optional.of(keptAside), backup, problem);
        } catch (IOException e) {
            throw new StoreUnavailableException(database, "Database " + database + " is damaged (" + problem.get()
                    + ") and could not be set aside or restored: " + e.getMessage(), e);
        }
    }

    /** The first integrity problem, or empty when the file is sound. Errors that are not damage are thrown. */
    private static Optional<String> findDamage(Path database) {
        try (Connection c = Sqlite.openReadWrite(database)) {
            List<String> problems = Sqlite.integrityProblems(c);
            return problems.isEmpty() ? Optional.empty() : Optional.of(problems.getFirst());
        } catch (SQLException e) {
            int code = SqlErrors.primaryCode(e);
            if (code == org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT.code || code == org.sqlite.SQLiteErrorCode.SQLITE_NOTADB.code) {
                return Optional.of(e.getMessage());
            }
            // Permissions, locks, I/O: the file may be fine, so never move it aside for these.
            throw new StoreUnavailableException(database, "Cannot open " + database + ": " + e.getMessage(), e);
        }
    }

    /** Moves the file and its WAL/SHM companions to {@code *.corrupt-<time>}; returns the main file's new name. */
    private static Path moveAside(Path database, Clock clock) throws IOException {
        String suffix = ".corrupt-" + STAMP.format(clock.instant());
        Path main = database.resolveSibling(database.getFileName() + suffix);
        for (int n = 1; Files.exists(main); n++) {
            suffix = ".corrupt-" + STAMP.format(clock.instant()) + "-" + n;
            main = database.resolveSibling(database.getFileName() + suffix);
        }
        for (String companion : COMPANIONS) {
            Path from = database.resolveSibling(database.getFileName() + companion);
            if (Files.exists(from)) {
                Files.move(from, from.resolveSibling(from.getFileName() + suffix));
            }
        }
        return main;
    }
}
