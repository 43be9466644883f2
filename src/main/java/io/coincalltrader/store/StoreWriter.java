package io.coincalltrader.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The only thread that writes to the database. Other threads submit {@link WriteCommand}s; the writer takes whatever
 * is queued (up to a batch limit), runs it in one {@code BEGIN IMMEDIATE} transaction and completes each command's
 * future only after the COMMIT returned, i.e. after the WAL was fsynced. One fsync per batch is what makes thousands
 * of durable writes a second possible. A batch is all-or-nothing: if any command fails, the batch is rolled back and
 * every future in it fails with that command's (typed) error; the next batch starts clean.
 * <p>
 * History that the trader never acts on (quotes as received, account snapshots) may be submitted
 * {@linkplain #submitUnsynced unsynced}: a batch of nothing else commits with {@code synchronous=NORMAL}, i.e. without
 * the fsync. It is then safe from a crash of the app but not from a power cut, until the next synced commit (whose
 * fsync covers it). The point is that an order or an accept intent, which is always synced, never queues behind the
 * fsync of a batch of history.
 */
public final class StoreWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    private static final Object STOP = new Object();

    private final Connection connection;
    private final Path database;
    private final int maxBatch;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object lifecycle = new Object();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private boolean closed;
    /** Whether the connection is in synchronous=FULL (it starts so: {@link Sqlite#openReadWrite}); writer thread only. */
    private boolean syncing = true;

    /** Takes ownership of {@code connection} (closing it is the caller's job, after {@link #close()}). */
    StoreWriter(Connection connection, Path database, String threadName, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.connection = connection;
        this.database = database;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught failure on {}", t.getName(), e));
        thread.start();
    }

    /** Queues a command; the future completes after its batch committed, or fails with a {@link StoreException}. */
    public <T> CompletableFuture<T> submit(WriteCommand<T> command) {
        return enqueue(command, true);
    }

    /**
     * Queues a command whose commit need not be fsynced: the future completes once it is committed (readers see it, a
     * crash of the app keeps it), and the next synced commit makes it durable against a power cut too. Only for
     * history nothing is decided on; anything decided on (orders, fills, intents, results) goes through
     * {@link #submit}.
     */
    public <T> CompletableFuture<T> submitUnsynced(WriteCommand<T> command) {
        return enqueue(command, false);
    }

    private <T> CompletableFuture<T> enqueue(WriteCommand<T> command, boolean synced) {
        Pending<T> pending = new Pending<>(command, new CompletableFuture<>(), synced);
        synchronized (lifecycle) {
            if (closed) {
                return CompletableFuture.failedFuture(
                        new StoreUnavailableException(database, "The store " + database + " is closed"));
            }
            queue.add(pending);
        }
        return pending.future;
    }

    /**
     * Submits and waits until the command is durable. After a timeout the command may still commit later, so the
     * caller must treat it as "not recorded yet" (for an order: don't send; recovery will find it PENDING_SEND).
     */
    public <T> T submitAndWait(WriteCommand<T> command, Duration timeout) {
        CompletableFuture<T> future = submit(command);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw SqlErrors.translate(e.getCause(), database);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException(database, "The store did not confirm the write within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(database, "Interrupted while waiting for the store", e);
        }
    }

    /** Batches committed or rolled back so far. */
    public long batches() {
        return batches.get();
    }

    /** Commands run so far. */
    public long commands() {
        return commands.get();
    }

    /** Refuses new commands, commits everything already queued, and stops the thread. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            try {
                Object first = queue.take();
                List<Object> taken = new ArrayList<>();
                taken.add(first);
                queue.drainTo(taken, maxBatch - 1);
                batch.clear();
                for (Object o : taken) {
                    if (o == STOP) {
                        stopping = true;
                    } else {
                        batch.add((Pending<?>) o);
                    }
                }
                if (!batch.isEmpty()) {
                    runBatch(batch);
                }
            } catch (InterruptedException e) {
                LOG.warn("Store writer interrupted; stopping");
                return;
            }
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        batches.incrementAndGet();
        commands.addAndGet(batch.size());
        Object[] results = new Object[batch.size()];
        boolean sync = batch.stream().anyMatch(Pending::synced);
        try {
            if (sync != syncing) {
                // Outside a transaction, as SQLite wants; FULL again before any batch that needs it.
                Sqlite.exec(connection, sync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
                syncing = sync;
            }
            Sqlite.exec(connection, "BEGIN IMMEDIATE");
            for (int i = 0; i < batch.size(); i++) {
                results[i] = batch.get(i).command.apply(connection);
            }
            Sqlite.exec(connection, "COMMIT");
        } catch (Throwable failure) {
            rollback(failure);
            StoreException error = SqlErrors.translate(failure, database);
            LOG.warn("Store batch of {} rolled back: {}", batch.size(), error.getMessage());
            for (Pending<?> p : batch) {
                p.future.completeExceptionally(error);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results[i]);
        }
    }

    private void rollback(Throwable failure) {
        try {
            Sqlite.exec(connection, "ROLLBACK");
        } catch (SQLException e) {
            // "no transaction is active" when BEGIN itself failed or SQLite already rolled back (it does on SQLITE_FULL
            // in some cases); anything else is worth keeping with the failure.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                failure.addSuppressed(e);
            }
        }
    }

    private record Pending<T>(WriteCommand<T> command, CompletableFuture<T> future, boolean synced) {
        @SuppressWarnings("unchecked")
        void complete(Object result) {
            future.complete((T) result);
        }
    }
}
