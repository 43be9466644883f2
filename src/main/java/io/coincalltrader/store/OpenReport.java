package io.coincalltrader.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What happened when the store was opened: the engine shows it to the trader and, after a repair, rebuilds orders
 * and fills from the exchange.
 *
 * @param corruptFileKeptAt where a damaged file was moved aside (kept for diagnosis, never deleted)
 * @param restoredFrom the backup copied in place of a damaged file
 * @param problem the first integrity problem or open error found, when there was one
 * @param previousShutdownClean false when the previous session ended without a clean close (crash, kill, power cut)
 */
public record OpenReport(Path database, Outcome outcome, Optional<Path> corruptFileKeptAt, Optional<Path> restoredFrom,
                         Optional<String> problem, List<String> migrationsApplied, boolean previousShutdownClean) {

    /** How the file was found. */
    public enum Outcome {
        /** No file existed: a new, empty store. */
        CREATED,
        /** The file was sound and opened as it was. */
        OPENED,
        /** The file was damaged; the newest sound backup was restored. */
        RESTORED_FROM_BACKUP,
        /** The file was damaged and no sound backup existed: a new, empty store. */
        STARTED_EMPTY_AFTER_DAMAGE
    }

    public OpenReport {
        migrationsApplied = List.copyOf(migrationsApplied);
    }

    /** True when local history may be missing and the engine must rebuild from the exchange. */
    public boolean needsRebuildFromExchange() {
        return outcome == Outcome.RESTORED_FROM_BACKUP || outcome == Outcome.STARTED_EMPTY_AFTER_DAMAGE;
    }

    /** One line for the trader. */
    public String summary() {
        return switch (outcome) {
            case CREATED -> "Created a new database at " + database;
            case OPENED -> previousShutdownClean ? "Opened " + database
                    : "Opened " + database + " (the previous session did not close cleanly; checking with the exchange)";
            case RESTORED_FROM_BACKUP -> database + " was damaged (" + problem.orElse("unknown problem") + "); kept it as "
                    + corruptFileKeptAt.map(Path::getFileName).orElse(null) + " and restored the backup "
                    + restoredFrom.map(Path::getFileName).orElse(null) + ". Orders and fills since then will be rebuilt"
                    + " from the exchange.";
            case STARTED_EMPTY_AFTER_DAMAGE -> database + " was damaged (" + problem.orElse("unknown problem")
                    + ") and no usable backup exists; kept it as " + corruptFileKeptAt.map(Path::getFileName).orElse(null)
                    + " and started empty. Orders and fills will be rebuilt from the exchange.";
        };
    }
}
