package io.coincalltrader.ui.common;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one bridge from engine threads to the FX thread. Values offered from any thread are applied on the next
 * animation pulse, at most once per frame: prices and snapshots are conflated (newest wins), facts (orders, fills,
 * journal rows) are delivered complete and in order as a batch. The timer runs only while something is waiting.
 * <p>
 * What the trader waits to see (a quote on the RFQ ticket) may go on a {@link #prompt} channel: its first value after
 * a frame is applied as soon as the FX thread is free, so the work is done while the next pulse is still coming and that
 * pulse only lays out and paints.
 */
public final class FramePump {
    private final List<Drainable> sinks = new CopyOnWriteArrayList<>();
    /** Heavy, unhurried channels: applied in a frame that applies nothing else (see {@link #background}). */
    private final List<Drainable> background = new CopyOnWriteArrayList<>();
    /** Frames in a row a waiting background value was put off; after this many it is applied anyway. */
    static final int MAX_BACKGROUND_WAIT = 3;
    private int backgroundWaited;
    /** A prompt channel applied a value since the last frame (FX thread only): the next frame has work to show. */
    private boolean appliedEarly;
    private volatile boolean stopped;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onFrame();
        }
    };

    /** A conflating channel: only the newest value is applied. */
    public <T> Latest<T> latest(Consumer<T> apply) {
        Latest<T> l = new Latest<>(apply, false);
        sinks.add(l);
        return l;
    }

    /**
     * A conflating channel for what the trader is waiting to see. It is handed over at most once per frame, like the
     * others, but not always at a pulse: in a frame in which the pulse had nothing of it to apply, the first value
     * offered is applied as soon as the FX thread is free (a {@code runLater}), so the next pulse only has to lay it
     * out and paint it. A newer value offered after that waits for the next pulse (newest wins), which takes the
     * frame's hand-over. A pulse that follows an early value does no background work (see {@link #background}).
     */
    public <T> Latest<T> prompt(Consumer<T> apply) {
        Latest<T> l = new Latest<>(apply, true);
        sinks.add(l);
        return l;
    }

    /**
     * A conflating channel for heavy work that can wait a frame (market figures that re-price a whole ticket): it is
     * applied only in a frame in which no other channel had anything, so it never delays, say, an arriving quote to
     * the end of a long frame. It waits at most {@value #MAX_BACKGROUND_WAIT} frames, even while other channels have
     * something in every frame.
     */
    public <T> Latest<T> background(Consumer<T> apply) {
        Latest<T> l = new Latest<>(apply, false);
        background.add(l);
        return l;
    }

    /** An ordered channel: every value is applied, in order, batched per frame. */
    public <T> Facts<T> facts(Consumer<List<T>> apply) {
        Facts<T> f = new Facts<>(apply);
        sinks.add(f);
        return f;
    }

    public void stop() {
        stopped = true;
        timer.stop();
        sinks.clear();
        background.clear();
    }

    private void wake() {
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(timer::start);
        }
    }

    private void onFrame() {
        scheduled.set(false);
        // A value applied early is shown by this frame: like a value applied now, it keeps background work out of it.
        boolean any = appliedEarly;
        appliedEarly = false;
        for (Drainable d : sinks) {
            boolean drained = d.drain();
            d.frame(drained);
            any |= drained;
        }
        if (any && backgroundWaited < MAX_BACKGROUND_WAIT) {
            // Background values (if any) wait for the next frame; the timer keeps running.
            backgroundWaited += background.stream().anyMatch(Drainable::dirty) ? 1 : 0;
            return;
        }
        backgroundWaited = 0;
        for (Drainable d : background) {
            any |= d.drain();
        }
        if (!any && !scheduled.get()) {
            timer.stop();
            // A value that arrived between the drain and the stop wakes the timer again.
            if (sinks.stream().anyMatch(Drainable::dirty) || background.stream().anyMatch(Drainable::dirty)) {
                wake();
            }
        }
    }

    private static final int OPEN = 0;
    private static final int PENDING = 1;
    private static final int SPENT = 2;

    private interface Drainable {
        boolean drain();

        boolean dirty();

        /** A frame began, in which this channel did ({@code drained}) or did not apply a value. */
        default void frame(boolean drained) {
        }
    }

    /** Newest-wins channel. */
    public final class Latest<T> implements Drainable {
        private final AtomicReference<T> value = new AtomicReference<>();
        private final Consumer<T> apply;
        /**
         * Null for a channel applied only at pulses; else this frame's hand-over: {@link #OPEN} (unused),
         * {@link #PENDING} (an early application is queued) or {@link #SPENT} (made, early or by the pulse).
         */
        private final AtomicInteger hand;

        private Latest(Consumer<T> apply, boolean prompt) {
            this.apply = apply;
            this.hand = prompt ? new AtomicInteger(OPEN) : null;
        }

        public void offer(T v) {
            value.set(v);
            if (hand != null && hand.compareAndSet(OPEN, PENDING)) {
                Platform.runLater(this::early);
            } else {
                wake();
            }
        }

        /**
         * The early application (FX thread): the newest value, unless a pulse made this frame's hand-over since it was
         * queued (then a value offered after that pulse waits for the next one).
         */
        private void early() {
            if (stopped) {
                return;
            }
            if (hand.compareAndSet(PENDING, SPENT) && drain()) {
                appliedEarly = true;
            }
            // The next pulse opens the channel again (and takes what came after this value).
            if (scheduled.compareAndSet(false, true)) {
                timer.start();
            }
        }

        /**
         * A pulse that applied a value of this channel made the hand-over of the frame it begins: the next value waits
         * for the next pulse. One that applied none opens the channel (an early application already queued stays so).
         */
        @Override
        public void frame(boolean drained) {
            if (hand == null) {
                return;
            }
            if (drained) {
                hand.set(SPENT);
            } else {
                hand.compareAndSet(SPENT, OPEN);
            }
        }

        @Override
        public boolean drain() {
            T v = value.getAndSet(null);
            if (v != null) {
                apply.accept(v);
                return true;
            }
            return false;
        }

        @Override
        public boolean dirty() {
            return value.get() != null;
        }
    }

    /** In-order, complete channel. */
    public final class Facts<T> implements Drainable {
        private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
        private final Consumer<List<T>> apply;

        private Facts(Consumer<List<T>> apply) {
            this.apply = apply;
        }

        public void offer(T v) {
            queue.add(v);
            wake();
        }

        @Override
        public boolean drain() {
            if (queue.isEmpty()) {
                return false;
            }
            List<T> batch = new java.util.ArrayList<>();
            for (T v; (v = queue.poll()) != null; ) {
                batch.add(v);
            }
            apply.accept(batch);
            return true;
        }

        @Override
        public boolean dirty() {
            return !queue.isEmpty();
        }
    }
}
