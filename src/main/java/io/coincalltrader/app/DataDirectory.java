package io.coincalltrader.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app keeps its database, logs and settings: the user's data directory for the system, never the install
 * folder. {@code -Dcoincalltrader.dataDir=…} overrides it (tests, portable installs).
 */
public final class DataDirectory {
    public static final String PROPERTY = "coincalltrader.dataDir";
    private static final String APP = "CoincallTrader";

    private DataDirectory() {
    }

    /** The data directory for this user and system. */
    public static Path resolve() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return appData != null ? Path.of(appData, APP) : home.resolve("AppData").resolve("Local").resolve(APP);
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve(APP);
    }
}
