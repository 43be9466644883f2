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
    }

    @Test
    void aBackgroundValueWaitsForAFrameWithNothingElseAndTheNewestIsKept() throws Exception {
        Frames f = new Frames();
        FramePump pump = new FramePump();
        CountDownLatch done = new CountDownLatch(1);
        FramePump.Latest<String> urgent = pump.latest(v -> f.applied.add(v + "@" + f.frame.get()));
        FramePump.Latest<String> heavy = pump.background(v -> {
            f.applied.add(v + "@" + f.frame.get());
            done.countDown();
        });
        Platform.runLater(() -> {
            f.counter.start();
            // Offered in the same moment: the quote is applied first, the market figures in a later frame.
            heavy.offer("market1");
            heavy.offer("market2");
            urgent.offer("quote");
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        Platform.runLater(f.counter::stop);
        assertThat(f.applied).hasSize(2);
        String quote = f.applied.get(0);
        String market = f.applied.get(1);
        assertThat(quote).startsWith("quote@");
        assertThat(market).as("only the newest background value").startsWith("market2@");
        assertThat(frameOf(market)).isGreaterThan(frameOf(quote));
        pump.stop();
    }

    @Test
    void aBackgroundValueIsNotStarvedByWorkInEveryFrame() throws Exception {
        Frames f = new Frames();
        FramePump pump = new FramePump();
        CountDownLatch done = new CountDownLatch(1);
        FramePump.Latest<String>[] urgent = new FramePump.Latest[1];
        AtomicInteger urgentFrames = new AtomicInteger();
        urgent[0] = pump.latest(v -> {
            urgentFrames.incrementAndGet();
            if (done.getCount() > 0) {
                urgent[0].offer("again"); // something new for every frame
            }
        });
        FramePump.Latest<String> heavy = pump.background(v -> done.countDown());
        Platform.runLater(() -> { // both waiting for the same first frame
            urgent[0].offer("first");
            heavy.offer("market");
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(urgentFrames.get()).as("frames with other work before the background value went in")
                .isBetween(FramePump.MAX_BACKGROUND_WAIT, FramePump.MAX_BACKGROUND_WAIT + 2);
        pump.stop();
    }

    private static int frameOf(String applied) {
        return Integer.parseInt(applied.substring(applied.indexOf('@') + 1));
    }
}
