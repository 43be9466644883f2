package io.coincalltrader.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to open a profile's store.
 *
 * @param profile the profile name; the file is {@code <dataDirectory>/<profile>.db}
 * @param backupsKept how many rolling backups to keep in {@code backups/}
 * @param maxBatch the most write commands committed in one transaction
 * @param durableTimeout how long a synchronous write (persist-before-send) waits before reporting failure
 */
public record StoreConfig(Path dataDirectory, String profile, Clock clock, int backupsKept, int maxBatch,
                          Duration durableTimeout) {
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public StoreConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(durableTimeout, "durableTimeout");
        if (profile == null || !PROFILE.matcher(profile).matches()) {
            // The name becomes a file name: no separators, no dots, nothing that escapes the data directory.
            throw new IllegalArgumentException("profile names use letters, digits, '-' and '_': " + profile);
        }
        if (backupsKept < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("backupsKept and maxBatch must be at least 1");
        }
    }

    /** Five backups, batches of up to 500, ten seconds to make an order durable. */
    public static StoreConfig of(Path dataDirectory, String profile, Clock clock) {
        return new StoreConfig(dataDirectory, profile, clock, 5, 500, Duration.ofSeconds(10));
    }
}
