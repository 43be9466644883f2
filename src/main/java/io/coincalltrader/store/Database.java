package io.coincalltrader.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One profile's SQLite store ({@code <dataDirectory>/<profile>.db}): opened with the single-instance lock, checked,
 * repaired from a backup when damaged, migrated; written only by its {@link StoreWriter}; backed up on clean close.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Set to "open" while a session runs; still "open" at the next start means the last one did not close cleanly. */
    static final String SESSION_KEY = "store.session";

    private final Path file;
    private final InstanceLock lock;
    private final Connection writeConnection;
    private final ReadConnection reader;
    private final StoreWriter writer;
    private final Backups backups;
    private final StoreConfig config;
    private final OpenReport report;
    private final OrderStore orders;
    private final FillStore fills;
    private final Journal journal;
    private final RfqStore rfqs;
    private final AccountSnapshotStore accountSnapshots;
    private final SettingsStore settings;
    private boolean closed;

    private Database(StoreConfig config, Path file, InstanceLock lock, Connection writeConnection, ReadConnection reader,
                     Backups backups, OpenReport report) {
        this.config = config;
        this.file = file;
        this.lock = lock;
        this.writeConnection = writeConnection;
        this.reader = reader;
        this.backups = backups;
        this.report = report;
        this.writer = new StoreWriter(writeConnection, file, "store-writer-" + config.profile(), config.maxBatch());
        this.orders = new OrderStore(writer, reader, config.clock(), file, config.durableTimeout());
        this.fills = new FillStore(writer, reader, config.clock());
        this.journal = new Journal(writer, reader, config.clock());
        this.rfqs = new RfqStore(writer, reader, config.clock());
        this.accountSnapshots = new AccountSnapshotStore(writer, reader);
        this.settings = new SettingsStore(writer, reader, config.clock());
    }

    /**
     * Opens (creating if needed) the profile's store.
     *
     * @throws StoreLockedException when another instance has the profile open
     * @throws StoreUnavailableException when the directory or file cannot be written, or the file is from a newer app
     */
    public static Database open(StoreConfig config) {
        Path directory = config.dataDirectory().toAbsolutePath().normalize();
        ensureWritable(directory, config.profile());
        Path file = directory.resolve(config.profile() + ".db");
        InstanceLock lock = InstanceLock.acquire(directory.resolve(config.profile() + ".lock"));
        Connection write = null;
        try {
            Backups backups = new Backups(directory.resolve("backups"), config.profile(), config.backupsKept(),
                    config.clock());
            Repair.Result repair = Repair.checkAndRepair(file, backups, config.clock());
            write = Sqlite.openReadWrite(file);
            List<String> applied = new Migrator(Migrator.SCRIPTS, config.clock()).migrate(write, file);
            boolean previousClean = !"open".equals(SettingsStore.read(write, SESSION_KEY).orElse("closed"));
            SettingsStore.write(write, SESSION_KEY, "open", config.clock().millis());
            ReadConnection reader = new ReadConnection(Sqlite.openReadOnly(file), file);
            OpenReport report = new OpenReport(file, repair.outcome(), repair.keptAside(), repair.restoredFrom(),
                    repair.problem(), applied, previousClean);
            LOG.info("{}", report.summary());
            return new Database(config, file, lock, write, reader, backups, report);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(write);
            lock.close();
            throw e instanceof SQLException sql ? SqlErrors.translate(sql, file) : (RuntimeException) e;
        }
    }

    /** What opening found and did; show {@link OpenReport#summary()} to the trader when it is not plain OPENED. */
    public OpenReport openReport() {
        return report;
    }

    public Path file() {
        return file;
    }

    /** The single writer, for commands that must commit together ({@link WriteCommand#all}). */
    public StoreWriter writer() {
        return writer;
    }

    public OrderStore orders() {
        return orders;
    }

    public FillStore fills() {
        return fills;
    }

    public Journal journal() {
        return journal;
    }

    public RfqStore rfqs() {
        return rfqs;
    }

    public AccountSnapshotStore accountSnapshots() {
        return accountSnapshots;
    }

    public SettingsStore settings() {
        return settings;
    }

    /** Takes a backup now (safe while writing: it reads one snapshot); returns the file. */
    public Path backupNow() {
        try {
            return backups.create(file);
        } catch (SQLException | IOException e) {
            throw new StoreUnavailableException(backups.directory(), "Backup of " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Backups of this profile, newest first. */
    public List<Path> backups() {
        try {
            return backups.newestFirst();
        } catch (IOException e) {
            throw new StoreUnavailableException(backups.directory(), "Cannot list backups: " + e.getMessage(), e);
        }
    }

    /**
     * Clean shutdown: commits everything queued, marks the session closed, takes a rolling backup, closes the
     * connections (the last one checkpoints the WAL into the file) and releases the lock.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        try {
            SettingsStore.write(writeConnection, SESSION_KEY, "closed", config.clock().millis());
        } catch (SQLException e) {
            LOG.warn("Could not mark the session closed in {}: {}", file, e.getMessage());
        }
        backupQuietly();
        try {
            reader.close();
        } catch (SQLException e) {
            LOG.warn("Closing the read connection of {} failed: {}", file, e.getMessage());
        }
        closeQuietly(writeConnection);
        lock.close();
    }

    private void backupQuietly() {
        try {
            Path backup = backups.create(file);
            LOG.info("Backed up {} to {}", file, backup);
        } catch (SQLException | IOException | RuntimeException e) {
            // A failed backup must not stop the app from closing; the next clean close tries again.
            LOG.warn("Backup of {} failed: {}", file, e.getMessage());
        }
    }

    private static void ensureWritable(Path directory, String profile) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreUnavailableException(directory, "Cannot create the data directory " + directory + " ("
                    + e.getClass().getSimpleName() + "). Nothing can be recorded there, so no orders will be sent.", e);
        }
        Path probe = directory.resolve("." + profile + ".write-probe");
        try {
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
        } catch (IOException e) {
            throw new StoreUnavailableException(directory, "The data directory " + directory + " is not writable ("
                    + e.getClass().getSimpleName() + "). Nothing can be recorded there, so no orders will be sent.", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("Closing a store connection failed: {}", e.getMessage());
        }
    }

    Optional<String> sessionMarker() {
        return settings.get(SESSION_KEY);
    }
}
