package io.coincalltrader.ui.common;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame pump on the real FX thread (headless): one hand-over per frame, background work yielding a frame. */
class FramePumpTest {
    @BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage(); // starts the FX toolkit the way the other UI tests share it
    }

    /** The pulse (frame) number in which each value was applied. */
    private static final class Frames {
        final AtomicInteger frame = new AtomicInteger();
        final List<String> applied = new CopyOnWriteArrayList<>();
        final javafx.animation.AnimationTimer counter = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                frame.incrementAndGet();
            }
        };

        /** Notes a value as applied now, with the number of the frame ("quote@12"). */
        void record(String v) {
            applied.add(v + "@" + frame.get());
        }
    }

    @Test
    void aBackgroundValueWaitsForAFrameWithNothingElseAndTheNewestIsKept() throws Exception {
        // Offered in the same moment: the quote is applied first, the market figures in a later frame.
        List<String> applied = quoteAndMarket(false, "market1", "market2");
        assertThat(applied).hasSize(2);
        String quote = applied.get(0);
        String market = applied.get(1);
        assertThat(quote).startsWith("quote@");
        assertThat(market).as("only the newest background value").startsWith("market2@");
        assertThat(frameOf(market)).isGreaterThan(frameOf(quote));
    }

    @Test
    void aBackgroundValueIsNotStarvedByWorkInEveryFrame() throws Exception {
        Frames f = new Frames();
        FramePump pump = new FramePump();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger urgentFrames = new AtomicInteger();
        FramePump.Latest<String> urgent = everyFrame(pump, done, urgentFrames::incrementAndGet);
        FramePump.Latest<String> heavy = pump.background(v -> done.countDown());
        Platform.runLater(() -> { // both waiting for the same first frame
            urgent.offer("first");
            heavy.offer("market");
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(urgentFrames.get()).as("frames with other work before the background value went in")
                .isBetween(FramePump.MAX_BACKGROUND_WAIT, FramePump.MAX_BACKGROUND_WAIT + 2);
        pump.stop();
    }

    /**
     * A prompt value is applied as soon as the FX thread is free: before a task queued right after the offer, so before
     * any later pulse. A second value in the same frame waits for the next pulse, and a value offered in the frame that
     * pulse began waits for the pulse after it: one hand-over per frame.
     */
    @Test
    void aPromptValueIsAppliedAtOnceAndTheChannelIsHandedOverOncePerFrame() throws Exception {
        Frames f = new Frames();
        FramePump pump = new FramePump();
        CountDownLatch done = new CountDownLatch(1);
        List<String> seenByNextTask = new CopyOnWriteArrayList<>();
        List<String> seenBySecondTask = new CopyOnWriteArrayList<>();
        AtomicInteger frameOfSecondTask = new AtomicInteger();
        FramePump.Latest<String>[] quotes = new FramePump.Latest[1];
        quotes[0] = recordingPrompt(pump, f, v -> {
            if (v.equals("quote2")) {
                Platform.runLater(() -> quotes[0].offer("quote3")); // after that pulse, in the frame it began
            } else if (v.equals("quote3")) {
                done.countDown();
            }
        });
        Platform.runLater(() -> {
            f.counter.start(); // registered before the pump's timer: it counts a pulse before the pump drains in it
            quotes[0].offer("quote1");
            Platform.runLater(() -> {
                seenByNextTask.addAll(f.applied);
                quotes[0].offer("quote2");
                Platform.runLater(() -> {
                    seenBySecondTask.addAll(f.applied);
                    frameOfSecondTask.set(f.frame.get());
                });
            });
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        Platform.runLater(f.counter::stop);
        assertThat(seenByNextTask).as("applied before the next task, not at a pulse").hasSize(1);
        assertThat(seenByNextTask.getFirst()).startsWith("quote1@");
        assertThat(f.applied).hasSize(3);
        int first = frameOf(f.applied.get(0));
        if (frameOfSecondTask.get() == first) { // no pulse came between (the pulse timer's thread may post one at any time)
            assertThat(seenBySecondTask).as("the second value of the frame waits for the pulse").doesNotContain(f.applied.get(1));
        }
        int second = frameOf(f.applied.get(1));
        int third = frameOf(f.applied.get(2));
        assertThat(f.applied.get(1)).startsWith("quote2@");
        assertThat(second).as("the second quote at a later pulse").isGreaterThan(first);
        assertThat(f.applied.get(2)).startsWith("quote3@");
        assertThat(third).as("not early in the frame whose pulse applied quote2, but at the next pulse").isGreaterThan(second);
        pump.stop();
    }

    /**
     * A pulse that takes the value an early application was queued for makes the frame's hand-over: the queued early
     * application then applies nothing, and a value offered meanwhile waits for the next pulse.
     */
    @Test
    void anEarlyApplicationOvertakenByAPulseAppliesNothing() throws Exception {
        Frames f = new Frames();
        FramePump pump = new FramePump();
        CountDownLatch done = new CountDownLatch(1);
        FramePump.Latest<String> keep = everyFrame(pump, done, () -> { }); // the pump's timer runs: the next pulse drains
        FramePump.Latest<String>[] quotes = new FramePump.Latest[1];
        quotes[0] = recordingPrompt(pump, f, v -> {
            if (v.equals("quote1")) {
                quotes[0].offer("quote2"); // while the pulse applies quote1, its early application still queued
            } else {
                done.countDown();
            }
        });
        Platform.runLater(() -> {
            f.counter.start();
            keep.offer("tick");
        });
        Platform.runLater(() -> {
            // Hold the FX thread past a pulse-timer tick, so that a pulse is queued before the early application.
            sleepUninterruptibly(50);
            quotes[0].offer("quote1");
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        Platform.runLater(f.counter::stop);
        pump.stop();
        assertThat(f.applied).hasSize(2);
        assertThat(frameOf(f.applied.get(1))).as("quote2 at the next pulse, not early in quote1's frame")
                .isGreaterThan(frameOf(f.applied.get(0)));
    }

    /** A prompt channel that records each value with its frame (in {@code f}), then runs {@code then} with it. */
    private static FramePump.Latest<String> recordingPrompt(FramePump pump, Frames f, java.util.function.Consumer<String> then) {
        return pump.prompt(v -> {
            f.record(v);
            then.accept(v);
        });
    }

    /** A channel that offers itself something new in every frame (running {@code each}) until {@code until} is counted down. */
    private static FramePump.Latest<String> everyFrame(FramePump pump, CountDownLatch until, Runnable each) {
        FramePump.Latest<String>[] self = new FramePump.Latest[1];
        self[0] = pump.latest(v -> {
            each.run();
            if (until.getCount() > 0) {
                self[0].offer(v);
            }
        });
        return self[0];
    }

    private static void sleepUninterruptibly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theFrameThatShowsAnEarlyValueDoesNoBackgroundWork() throws Exception {
        List<String> applied = quoteAndMarket(true, "market");
        assertThat(applied).hasSize(2);
        assertThat(applied.get(0)).startsWith("quote@");
        // Applied early (between frame n and n+1); frame n+1 lays it out and paints it; the market goes in n+2.
        assertThat(frameOf(applied.get(1))).isGreaterThanOrEqualTo(frameOf(applied.get(0)) + 2);
    }

    /**
     * Offers a quote (on a prompt channel, or a plain one) and then these background values in one FX task; returns
     * what was applied, in order, each with the number of the frame it was applied in.
     */
    private static List<String> quoteAndMarket(boolean prompt, String... markets) throws Exception {
        Frames f = new Frames();
        FramePump pump = new FramePump();
        CountDownLatch done = new CountDownLatch(1);
        FramePump.Latest<String> quotes = prompt ? pump.prompt(f::record) : pump.latest(f::record);
        FramePump.Latest<String> heavy = pump.background(v -> {
            f.record(v);
            done.countDown();
        });
        Platform.runLater(() -> {
            f.counter.start(); // registered before the pump's timer: it counts a pulse before the pump drains in it
            // The quote first: its early application is queued before anything starts the pump's timer, so no pulse of
            // the pump can take it instead.
            quotes.offer("quote");
            for (String m : markets) {
                heavy.offer(m);
            }
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        Platform.runLater(f.counter::stop);
        pump.stop();
        return f.applied;
    }

    private static int frameOf(String applied) {
        return Integer.parseInt(applied.substring(applied.indexOf('@') + 1));
    }
}
