package io.coincalltrader.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rolling backups in {@code backups/<profile>-<UTC time>.db}, newest N kept. Taken with {@code VACUUM INTO}, which
 * reads one consistent snapshot (safe while the writer commits, thanks to WAL) and writes a compact copy; the copy is
 * written under a temporary name, fsynced and then renamed, so a half-written backup is never mistaken for one.
 */
final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final String profile;
    private final int keep;
    private final Clock clock;

    Backups(Path directory, String profile, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
        this.directory = directory;
        this.profile = profile;
        this.keep = keep;
        this.clock = clock;
    }

    Path directory() {
        return directory;
    }

    /** Backs {@code database} up and drops the oldest backups beyond the number kept; returns the new file. */
    Path create(Path database) throws SQLException, IOException {
        Files.createDirectories(directory);
        Path target = freshName();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try (Connection c = Sqlite.openForBackup(database);
             PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, temp.toAbsolutePath().toString());
            s.execute();
        }
        force(temp);
        moveAtomically(temp, target);
        rotate();
        return target;
    }

    /** Backups of this profile, newest first (the UTC stamp in the name sorts by time). */
    List<Path> newestFirst() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(this::isOurs).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
    }

    /** The newest backup that passes {@code integrity_check}, if any. */
    Optional<Path> newestSound() throws IOException {
        for (Path backup : newestFirst()) {
            try (Connection c = Sqlite.openReadOnly(backup)) {
                List<String> problems = Sqlite.integrityProblems(c);
                if (problems.isEmpty()) {
                    return Optional.of(backup);
                }
                LOG.warn("Backup {} fails integrity_check: {}", backup, problems.getFirst());
            } catch (SQLException e) {
                LOG.warn("Backup {} cannot be read: {}", backup, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private boolean isOurs(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(profile + "-") && name.endsWith(".db") && Files.isRegularFile(p);
    }

    private Path freshName() {
        String stamp = STAMP.format(clock.instant());
        Path candidate = directory.resolve(profile + "-" + stamp + ".db");
        for (int n = 1; Files.exists(candidate); n++) {
            candidate = directory.resolve(profile + "-" + stamp + "-" + n + ".db");
        }
        return candidate;
    }

    private void rotate() throws IOException {
        List<Path> all = newestFirst();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** fsyncs a file so that it survives a power cut once renamed into place. */
    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Renames within one directory atomically, then fsyncs the directory where the OS allows it (not Windows). */
    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(to.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }
}
