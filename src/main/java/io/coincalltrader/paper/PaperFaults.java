package io.coincalltrader.paper;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults to inject, for tests: one-shot faults queued per request path, WebSocket faults, and a count of the
 * requests each path received (so a test can prove nothing was sent twice).
 */
public final class PaperFaults {
    /** What to do to one request. */
    public sealed interface Fault {
        /** Answer normally, but only after a delay. */
        record Delay(Duration delay) implements Fault {
        }

        /** Answer with this HTTP status and body, doing nothing. */
        record Http(int status, String body) implements Fault {
        }

        /** Answer 429 with Retry-After, doing nothing. */
        record RateLimit(int retryAfterSeconds) implements Fault {
        }

        /** Do the work, then answer a body that is not JSON. */
        record Malformed() implements Fault {
        }

        /** Do the work, then hold the answer back for a while: the client times out after the order was accepted. */
        record AcceptThenDelay(Duration delay) implements Fault {
        }

        /** Single-order queries answer "does not exist" for this long (eventual consistency). */
        record NotFoundFor(Duration duration) implements Fault {
        }
    }

    private final Map<String, Deque<Fault>> queued = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long notFoundUntilNanos;
    private volatile boolean silent;
    private volatile boolean duplicatePushes;
    private volatile boolean reorderPushes;
    private volatile Runnable dropSockets = () -> { };

    /** The next request to {@code path} suffers {@code fault}. */
    public PaperFaults next(String path, Fault fault) {
        if (fault instanceof Fault.NotFoundFor nf) {
            notFoundUntilNanos = System.nanoTime() + nf.duration().toNanos();
            return this;
        }
        queued.computeIfAbsent(path, p -> new ArrayDeque<>()).add(fault);
        return this;
    }

    public Optional<Fault> take(String path) {
        Deque<Fault> q = queued.get(path);
        synchronized (this) {
            return q == null ? Optional.empty() : Optional.ofNullable(q.poll());
        }
    }

    public void count(String path) {
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    /** How many requests reached {@code path}. */
    public int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    public boolean hidingOrders() {
        return System.nanoTime() - notFoundUntilNanos < 0;
    }

    /** Closes every WebSocket now. */
    public void dropWebSockets() {
        dropSockets.run();
    }

    /** Sends nothing at all on WebSockets (no pushes, no heartbeat replies) while on. */
    public void silenceWebSockets(boolean on) {
        silent = on;
    }

    /** Sends every private push twice while on. */
    public void duplicatePushes(boolean on) {
        duplicatePushes = on;
    }

    /** Sends private pushes in swapped pairs (each batch's second push before its first) while on. */
    public void reorderPushes(boolean on) {
        reorderPushes = on;
    }

    public boolean reordering() {
        return reorderPushes;
    }

    public boolean silent() {
        return silent;
    }

    public boolean duplicating() {
        return duplicatePushes;
    }

    public void onDrop(Runnable r) {
        dropSockets = r;
    }

    public void clear() {
        queued.clear();
        notFoundUntilNanos = 0;
        silent = false;
        duplicatePushes = false;
        reorderPushes = false;
    }
}
