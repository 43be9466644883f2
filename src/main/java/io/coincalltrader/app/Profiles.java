package io.coincalltrader.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which store file belongs to which exchange. One store per exchange account: {@code testnet}, {@code production},
 * {@code url-<host>_<port>} for an explicit base URL (a standalone paper exchange, say). The embedded paper exchange
 * starts empty each run, so each run gets its own store, {@code paper-<UTC time>}; the newest few are kept so that
 * {@code orders}, {@code fills} and {@code journal} can show the last paper session.
 */
public final class Profiles {
    public static final String TESTNET = "testnet";
    public static final String PRODUCTION = "production";
    static final String PAPER_PREFIX = "paper-";
    static final int PAPER_KEPT = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Profiles() {
    }

    /** The store of an exchange reached at an explicit base URL. */
    public static String forBaseUrl(String baseUrl) {
        URI uri = URI.create(baseUrl.trim());
        String host = uri.getHost() == null ? "unknown" : uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        String name = ("url-" + host + "_" + port).replaceAll("[^A-Za-z0-9_-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** A new store for a run of the embedded paper exchange; older paper stores beyond the newest few are removed. */
    public static String newPaper(Path dataDirectory, Clock clock) {
        prunePaper(dataDirectory);
        return PAPER_PREFIX + STAMP.format(clock.instant());
    }

    /** The store of the most recent paper run, if any. */
    public static Optional<String> latestPaper(Path dataDirectory) {
        return paperStores(dataDirectory).stream().findFirst();
    }

    /** Paper store names, newest first. */
    static List<String> paperStores(Path dataDirectory) {
        if (!Files.isDirectory(dataDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dataDirectory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PAPER_PREFIX) && n.endsWith(".db"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the data folder " + dataDirectory, e);
        }
    }

    private static void prunePaper(Path dataDirectory) {
        List<String> stores = paperStores(dataDirectory);
        for (String old : stores.subList(Math.min(stores.size(), PAPER_KEPT - 1), stores.size())) {
            for (String suffix : List.of(".db", ".db-wal", ".db-shm", ".lock")) {
                try {
                    Files.deleteIfExists(dataDirectory.resolve(old + suffix));
                } catch (IOException e) {
                    // A store still open elsewhere (another window) stays; it is pruned on a later start.
                }
            }
        }
    }
}
