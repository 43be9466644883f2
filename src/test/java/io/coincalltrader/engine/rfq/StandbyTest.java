package io.coincalltrader.engine.rfq;

import io.coincalltrader.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread standing by for an accept: it takes a task offered in its window, and only then. */
class StandbyTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** How many standing threads have started and how many have left. */
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger left = new AtomicInteger();
    private final Executor counted = r -> pool.execute(() -> {
        started.incrementAndGet();
        try {
            r.run();
        } finally {
            left.incrementAndGet();
        }
    });
    private final Standby standby = new Standby(counted);

    @AfterEach
    void stop() {
        standby.close();
        pool.shutdownNow();
    }

    @Test
    void withNothingStandingByAnOfferIsRefusedAndNoThreadStarts() {
        assertThat(standby.offer(() -> { })).isFalse();
        assertThat(started).hasValue(0);
    }

    @Test
    void aTaskOfferedInTheWindowRunsOnTheStandingThread() throws Exception {
        standby.standBy(Duration.ofSeconds(10));
        Await.until("the thread to stand by", Duration.ofSeconds(5), standby::standing);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        assertThat(standby.offer(() -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        })).isTrue();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        Await.until("the standing thread to leave after its task", Duration.ofSeconds(5), () -> left.get() == 1);
        assertThat(standby.offer(() -> { })).as("a window serves one task").isFalse();
    }

    @Test
    void theThreadLeavesWhenTheWindowEndsAndANewWindowStartsAnother() {
        standby.standBy(Duration.ofMillis(30));
        Await.until("the standing thread to leave at the window's end", Duration.ofSeconds(5), () -> left.get() == 1);
        assertThat(standby.offer(() -> { })).isFalse();
        standby.standBy(Duration.ofSeconds(10));
        standby.standBy(Duration.ofSeconds(10));
        Await.until("one more thread to stand by", Duration.ofSeconds(5), standby::standing);
        assertThat(standby.offer(() -> { })).isTrue();
        Await.until("it to leave", Duration.ofSeconds(5), () -> left.get() == 2);
        assertThat(started).as("a second call in an open window starts no second thread").hasValue(2);
    }

    @Test
    void nothingIsTakenBeforeTheThreadHasStartedNorWhenItCannotStart() throws InterruptedException {
        java.util.concurrent.LinkedBlockingQueue<Runnable> held = new java.util.concurrent.LinkedBlockingQueue<>();
        Standby slow = new Standby(held::add);
        slow.standBy(Duration.ofSeconds(10));
        assertThat(slow.offer(() -> { })).as("the thread has not started").isFalse();
        Thread t = Thread.ofPlatform().start(held.poll());
        Await.until("the thread to stand by", Duration.ofSeconds(5), slow::standing);
        assertThat(slow.offer(() -> { })).isTrue();
        Await.until("it to take the task", Duration.ofSeconds(5), () -> slow.taken() == 1);
        t.join(5000);
        assertThat(t.isAlive()).as("the thread left after its task").isFalse();

        AtomicInteger tries = new AtomicInteger();
        Standby refused = new Standby(r -> {
            tries.incrementAndGet();
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        });
        refused.standBy(Duration.ofSeconds(10));
        assertThat(refused.offer(() -> { })).isFalse();
        refused.standBy(Duration.ofSeconds(10));
        assertThat(tries).as("a refused start is tried again at the next window").hasValue(2);
    }

    @Test
    void standingDownEndsTheWindowAtOnce() {
        standby.standBy(Duration.ofSeconds(30));
        Await.until("the thread to stand by", Duration.ofSeconds(5), standby::standing);
        standby.standDown();
        assertThat(standby.offer(() -> { })).isFalse();
        Await.until("the standing thread to leave", Duration.ofSeconds(5), () -> left.get() == 1);
        standby.standBy(Duration.ofSeconds(30));
        Await.until("a new one to stand by", Duration.ofSeconds(5), standby::standing);
        assertThat(standby.offer(() -> { })).isTrue();
        Await.until("it to take the task", Duration.ofSeconds(5), () -> standby.taken() == 1);
    }

    @Test
    void aThreadStoodDownBeforeItStartedLeavesAsSoonAsItRuns() throws InterruptedException {
        java.util.concurrent.LinkedBlockingQueue<Runnable> held = new java.util.concurrent.LinkedBlockingQueue<>();
        Standby slow = new Standby(held::add);
        slow.standBy(Duration.ofSeconds(30));
        assertThat(slow.readied()).isTrue();
        slow.standDown(); // as an accept does when it finds the thread still starting: it runs its own way
        assertThat(slow.readied()).isFalse();
        Thread t = Thread.ofPlatform().start(held.poll());
        t.join(5000);
        assertThat(t.isAlive()).as("it did not spin out the 30 s window").isFalse();
        assertThat(slow.standing()).isFalse();
        assertThat(slow.offer(() -> { })).isFalse();
    }

    @Test
    void ofTwoThreadsAskedForAcrossAStandDownOnlyOneStandsBy() throws InterruptedException {
        java.util.concurrent.LinkedBlockingQueue<Runnable> held = new java.util.concurrent.LinkedBlockingQueue<>();
        Standby slow = new Standby(held::add);
        slow.standBy(Duration.ofSeconds(30));
        slow.standDown();
        slow.standBy(Duration.ofSeconds(30));
        assertThat(held).hasSize(2);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Thread first = Thread.ofPlatform().start(held.poll());
        Await.until("the first to stand by", Duration.ofSeconds(5), slow::standing);
        Thread second = Thread.ofPlatform().start(held.poll());
        second.join(5000);
        assertThat(second.isAlive()).as("the second leaves: one already stands by").isFalse();
        assertThat(slow.offer(() -> ranOn.set(Thread.currentThread()))).isTrue();
        first.join(5000);
        assertThat(ranOn.get()).isSameAs(first);
        assertThat(slow.taken()).isEqualTo(1);
    }

    @Test
    void closingEndsTheWindowAndRefusesNewOnes() {
        standby.standBy(Duration.ofSeconds(30));
        Await.until("the thread to stand by", Duration.ofSeconds(5), standby::standing);
        standby.close();
        Await.until("the standing thread to leave on close", Duration.ofSeconds(5), () -> left.get() == 1);
        assertThat(standby.offer(() -> { })).isFalse();
        standby.standBy(Duration.ofSeconds(30));
        assertThat(standby.offer(() -> { })).isFalse();
        assertThat(started).hasValue(1);
    }

    @Test
    void everyTaskTakenRunsExactlyOnceWhileWindowsOpenAndEndAroundIt() throws Exception {
        // Windows of 0-2 ms opened, stood down and offered into from three threads at once until 200 tasks were taken:
        // whatever wins each race, a task the standby took must run, once, and a task it refused is the caller's
        // (counted here as run by the caller).
        ConcurrentHashMap<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger taken = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.Random random = new java.util.Random(7);
        Thread opener = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                standby.standBy(Duration.ofNanos(random.nextInt(2_000_000)));
                java.util.concurrent.locks.LockSupport.parkNanos(random.nextInt(100_000));
            }
        });
        Thread downer = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                standby.standDown();
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int i = 0; taken.get() < 200 && System.nanoTime() < until; i++) {
            int task = i;
            runs.put(task, new AtomicInteger());
            if (standby.offer(() -> runs.get(task).incrementAndGet())) {
                taken.incrementAndGet();
            } else {
                runs.get(task).incrementAndGet();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000);
        }
        done.set(true);
        opener.join(10_000);
        downer.join(10_000);
        Await.until("every task taken to have run", Duration.ofSeconds(10), () -> runs.values().stream().allMatch(c -> c.get() >= 1));
        assertThat(runs.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(taken.get()).as("offers met a standing thread").isEqualTo(200);
        assertThat(standby.taken()).isEqualTo(200);
        Await.until("every standing thread to leave", Duration.ofSeconds(10), () -> left.get() == started.get());
    }
}
