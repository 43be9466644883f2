package io.coincalltrader.engine.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns trading state. Everything that changes orders, positions or lifecycles is a task run
 * here, in order, so engine code needs no locks. Engine methods assert they run on it.
 */
public final class EngineThread implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineThread.class);
    private final ExecutorService executor;
    private volatile Thread thread;

    public EngineThread(String name) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                thread = Thread.currentThread();
                r.run();
            }, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> log.error("uncaught on {}", th.getName(), e));
            return t;
        });
    }

    /** Runs the task on the engine thread; a failure is logged, never lost silently, and never stops the thread. */
    @Override
    public void execute(Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("engine task failed", e);
            }
        });
    }

    public boolean isEngineThread() {
        return Thread.currentThread() == thread;
    }

    /** Fails fast (with -ea) when engine state is touched from another thread. */
    public void assertOnEngineThread() {
        assert isEngineThread() : "must run on the engine thread, not " + Thread.currentThread().getName();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
