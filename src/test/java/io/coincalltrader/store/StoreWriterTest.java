package io.coincalltrader.store;

import io.coincalltrader.domain.order.ProductType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreWriterTest {
    private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Fixtures.open(dir, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Holds the writer inside a batch of its own until released, so the next commands queue up as one batch. */
    private final class Gate {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<Object> done = db.writer().submit(c -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });

        Gate() throws InterruptedException {
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void open() throws Exception {
            release.countDown();
            done.get(10, TimeUnit.SECONDS);
        }
    }

    /** The connection's synchronous level inside the batch that runs this command: 2 = FULL (fsync), 1 = NORMAL. */
    private static WriteCommand<Integer> syncLevel() {
        return c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("PRAGMA synchronous")) {
                r.next();
                return r.getInt(1);
            }
        };
    }

    @Test
    void historyCommitsWithoutItsOwnFsyncAndAnythingSyncedIsFsyncedAgain() throws Exception {
        assertThat(db.writer().submit(syncLevel()).get(10, TimeUnit.SECONDS)).as("a synced batch").isEqualTo(2);
        assertThat(db.writer().submitUnsynced(syncLevel()).get(10, TimeUnit.SECONDS)).as("a batch of history only").isEqualTo(1);
        assertThat(db.writer().submit(syncLevel()).get(10, TimeUnit.SECONDS)).as("synced again after history").isEqualTo(2);

        // One synced command makes its whole batch synced.
        Gate gate = new Gate();
        CompletableFuture<Integer> history = db.writer().submitUnsynced(syncLevel());
        CompletableFuture<Integer> order = db.writer().submit(syncLevel());
        gate.open();
        assertThat(history.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(order.get(10, TimeUnit.SECONDS)).isEqualTo(2);

        // History is committed (readers see it) when its future completes.
        db.accountSnapshots().record(new AccountSnapshot(clock.instant(), new java.math.BigDecimal("1000"), new java.math.BigDecimal("900"),
                java.math.BigDecimal.ONE, java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO)).get(10, TimeUnit.SECONDS);
        assertThat(db.accountSnapshots().latest().orElseThrow().equity()).isEqualByComparingTo("1000");
    }

    @Test
    void aBatchWithAFailingCommandCommitsNothingAndFailsEveryFutureInIt() throws Exception {
        Gate gate = new Gate();
        long batchesBefore = db.writer().batches();
        CompletableFuture<StoredOrder> order = db.writer().submit(db.orders().pendingSendCommand(Fixtures.order(1),
                Cause.USER, null));
        CompletableFuture<Object> failing = db.writer().submit(c -> {
            throw new SQLException("boom");
        });
        CompletableFuture<Boolean> fill = db.fills().record(Fixtures.fill("T1", 1, clock.instant()), ProductType.OPTION,
                FillSource.WS);
        gate.open();

        for (CompletableFuture<?> f : List.of(order, failing, fill)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreWriteException.class).hasMessageContaining("boom");
        }
        assertThat(db.writer().batches() - batchesBefore).as("all three were one batch").isEqualTo(1);
        assertThat(db.orders().byClientOrderId(1)).isEmpty();
        assertThat(db.fills().since(Instant.EPOCH)).isEmpty();
        assertThat(db.journal().since(Instant.EPOCH, JournalFilter.all().kinds("ORDER"))).isEmpty();

        // The failure does not poison the next batch.
        db.orders().insertPendingSend(Fixtures.order(1), Cause.USER, null);
        assertThat(db.fills().record(Fixtures.fill("T1", 1, clock.instant()), ProductType.OPTION, FillSource.WS)
                .get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void commandsQueuedTogetherCommitInBatchesOfAtMostTheLimit() throws Exception {
        Gate gate = new Gate();
        long batchesBefore = db.writer().batches();
        List<CompletableFuture<Boolean>> fills = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            fills.add(db.fills().record(Fixtures.fill("T" + i, 1, clock.instant()), ProductType.OPTION, FillSource.WS));
        }
        gate.open();
        CompletableFuture.allOf(fills.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        // 500 + 500 + 200 (the gate's own batch was counted before).
        assertThat(db.writer().batches() - batchesBefore).isEqualTo(3);
        assertThat(db.fills().since(Instant.EPOCH)).hasSize(1_200);
    }

    @Test
    void commandsJoinedWithAllCommitTogetherOrNotAtAll() {
        WriteCommand<List<Object>> both = WriteCommand.all(List.of(
                db.orders().pendingSendCommand(Fixtures.order(5), Cause.USER, null),
                db.orders().pendingSendCommand(Fixtures.order(5), Cause.USER, null)));
        assertThatThrownBy(() -> db.writer().submit(both).join()).hasCauseInstanceOf(DuplicateClientOrderIdException.class);
        assertThat(db.orders().byClientOrderId(5)).isEmpty();

        List<Object> results = db.writer().submit(WriteCommand.all(List.of(
                db.fills().recordCommand(Fixtures.fill("A", 5, clock.instant()), ProductType.OPTION, FillSource.REST),
                db.journal().appendCommand("FILL", Cause.EXCHANGE, "order 5", "filled", null)))).join();
        assertThat(results.getFirst()).isEqualTo(true);
    }

    @Test
    void aClosedStoreRefusesWritesWithATypedError() {
        db.close();
        assertThatThrownBy(() -> db.orders().insertPendingSend(Fixtures.order(1), Cause.USER, null))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("closed");
    }

    @Test
    void closingCommitsWhatWasAlreadyQueued() throws Exception {
        Gate gate = new Gate();
        CompletableFuture<Boolean> queued = db.fills().record(Fixtures.fill("Q", 1, clock.instant()), ProductType.OPTION,
                FillSource.WS);
        Thread closer = Thread.ofPlatform().start(db::close);
        gate.open();
        closer.join(10_000);
        assertThat(queued.get(10, TimeUnit.SECONDS)).isTrue();
        try (Database again = Fixtures.open(dir, clock)) {
            assertThat(again.fills().since(Instant.EPOCH)).hasSize(1);
        }
    }

    @Test
    void theWriterRunsOnANamedDaemonThread() {
        Thread t = db.writer().submit(c -> Thread.currentThread()).join();
        assertThat(t.getName()).isEqualTo("store-writer-paper");
        assertThat(t.isDaemon()).isTrue();
    }
}
