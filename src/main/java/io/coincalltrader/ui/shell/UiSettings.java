package io.coincalltrader.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window's own preferences (theme, split positions, chosen tabs, grouping, margin thresholds, notifications),
 * in {@code ui-settings.properties} in the data folder. Read once before the window opens; saved atomically off
 * the FX thread, a second after the last change.
 */
public final class UiSettings {
    private static final Logger log = LoggerFactory.getLogger(UiSettings.class);
    private static final String FILE = "ui-settings.properties";
    private final Path file;
    private final Properties values;
    private final Object fileLock = new Object();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "settings-writer");
        t.setDaemon(true);
        return t;
    });

    private UiSettings(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static UiSettings load(Path dataDirectory) {
        Path f = dataDirectory.resolve(FILE);
        Properties p = new Properties();
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("UI settings unreadable, using defaults: {}", e.getMessage());
            }
        }
        return new UiSettings(f, p);
    }

    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(get(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public BigDecimal getDecimal(String key, String fallback) {
        try {
            return new BigDecimal(get(key, fallback));
        } catch (NumberFormatException e) {
            return new BigDecimal(fallback);
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        return Boolean.parseBoolean(get(key, Boolean.toString(fallback)));
    }

    public synchronized void put(String key, String value) {
        values.setProperty(key, value);
    }

    /** Writes the file (temporary file, then an atomic rename) on the given executor. */
    /**
     * Saves a second after the last change (a dragged divider changes many times a second), on the settings' own
     * background thread.
     */
    public void save() {
        if (pending.compareAndSet(false, true)) {
            writer.schedule(this::saveNow, 1, TimeUnit.SECONDS);
        }
    }

    /** Writes now, on the calling thread (at exit). */
    public void saveNow() {
        pending.set(false);
        Properties copy;
        synchronized (this) {
            copy = (Properties) values.clone();
        }
        write(copy);
    }

    private void write(Properties copy) {
        synchronized (fileLock) { // one writer at a time; never the lock the FX thread reads under
            writeNow(copy);
        }
    }

    private void writeNow(Properties copy) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                copy.store(w, "CoincallTrader window settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("UI settings not saved: {}", e.getMessage());
        }
    }
}
