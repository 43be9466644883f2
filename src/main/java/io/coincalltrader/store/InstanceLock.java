package io.coincalltrader.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The single-instance guard: an OS lock on {@code <profile>.lock}. The OS drops it when the process dies (even on
 * kill -9), so a crash never leaves a stale lock behind; the file itself is left in place on purpose, because
 * deleting a lock file others may be waiting on is racy.
 */
final class InstanceLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or refuses with {@link StoreLockedException} naming the file. */
    static InstanceLock acquire(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreUnavailableException(file, "Cannot create the lock file " + file + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                closeQuietly(channel);
                throw new StoreLockedException(file, null);
            }
            return new InstanceLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            // Held by this same JVM (a second Database on the same profile).
            closeQuietly(channel);
            throw new StoreLockedException(file, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreUnavailableException(file, "Cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do with a channel we are abandoning
        }
    }
}
