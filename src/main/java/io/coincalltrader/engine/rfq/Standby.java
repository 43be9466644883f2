package io.coincalltrader.engine.rfq;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread kept running for a task that may come within a moment. {@link #standBy} has one thread of {@code threads}
 * wait on a core (spinning) until a deadline; a task {@linkplain #offer offered} meanwhile usually starts on it within
 * microseconds. A parked thread must first be woken and then wait for a free core: on a machine whose few cores are
 * busy (the FX thread, the renderer, the JIT) that is milliseconds. Spinning takes a core, so it is only for the
 * short window between a mouse button going down on a quote and the click that may accept it.
 */
final class Standby implements AutoCloseable {
    /** No thread stands by. */
    private static final Object IDLE = new Object();
    /** A thread was asked for and has not started: nothing can be offered yet. */
    private static final Object STARTING = new Object();
    /** Closed: nothing stands by any more. */
    private static final Object CLOSED = new Object();

    /**
     * A thread stands by, no task yet: one token per window, so that a thread from an earlier window (stood down and
     * descheduled before it saw so) finds a token not its own and leaves rather than spin beside the new one.
     */
    private static final class Waiting {
    }

    /** A task handed to the thread that stood by with this token. */
    private record Handover(Waiting to, Runnable task) {
    }

    /** IDLE, STARTING, CLOSED, a thread's {@link Waiting} token, or the {@link Handover} it has not taken yet. */
    private final AtomicReference<Object> slot = new AtomicReference<>(IDLE);
    private final Executor threads;
    private final AtomicInteger taken = new AtomicInteger();
    private volatile long deadline;

    Standby(Executor threads) {
        this.threads = threads;
    }

    /**
     * A thread stands by from now until {@code within} has passed (a later call extends the window). Offers are refused
     * until it has started, and while it cannot be (a rejected start leaves nothing standing by; the next call tries
     * again). Called from one thread (the FX thread).
     */
    void standBy(Duration within) {
        deadline = System.nanoTime() + within.toNanos();
        if (slot.compareAndSet(IDLE, STARTING)) {
            try {
                threads.execute(this::stand);
            } catch (RuntimeException e) {
                slot.compareAndSet(STARTING, IDLE); // the pool is shut down: the next call may try again
            }
        }
    }

    /** The task that may come will not: the thread standing by leaves now rather than at the window's end. */
    void standDown() {
        while (true) {
            Object s = slot.get();
            if (!(s instanceof Waiting || s == STARTING) || slot.compareAndSet(s, IDLE)) {
                return; // a thread still starting finds nothing to stand by for, once it runs
            }
        }
    }

    /**
     * Hands {@code task} to the thread standing by: true when it took it (it runs the task next), false when none
     * stands by (then the caller runs the task its usual way).
     */
    boolean offer(Runnable task) {
        return slot.get() instanceof Waiting w && slot.compareAndSet(w, new Handover(w, task));
    }

    /** Whether a thread stands by now, with no task yet. */
    boolean standing() {
        return slot.get() instanceof Waiting;
    }

    /** Whether a thread stands by now with no task yet, or is being started to. */
    boolean readied() {
        Object s = slot.get();
        return s instanceof Waiting || s == STARTING;
    }

    /** How many tasks a standing thread has taken. */
    int taken() {
        return taken.get();
    }

    private void stand() {
        Waiting me = new Waiting();
        if (!slot.compareAndSet(STARTING, me)) {
            return; // closed, or stood down (and perhaps asked for again: then another thread stands by)
        }
        while (true) {
            Object s = slot.get();
            if (s instanceof Handover h && h.to() == me) {
                if (slot.compareAndSet(h, IDLE)) { // only this thread moves its handover out of the slot
                    taken.incrementAndGet();
                    h.task().run();
                    return;
                }
                continue;
            }
            if (s != me) {
                return; // closed, or stood down
            }
            if (System.nanoTime() - deadline >= 0 && slot.compareAndSet(me, IDLE)) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** Nothing stands by from now on; a task already handed over still runs. */
    @Override
    public void close() {
        while (true) {
            Object s = slot.get();
            if (s == CLOSED || !(s instanceof Handover) && slot.compareAndSet(s, CLOSED)) {
                return;
            }
            Thread.onSpinWait(); // a task is in the slot: the standing thread is taking it
        }
    }
}
