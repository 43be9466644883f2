package io.coincalltrader.bench;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.store.Cause;
import io.coincalltrader.store.Database;
import io.coincalltrader.store.FillSource;
import io.coincalltrader.store.NewOrder;
import io.coincalltrader.store.StoreConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The store's figures for docs/PERFORMANCE.md: durable writes per second through the batching writer
 * (synchronous=FULL), the latency of one persist-before-send, and the restart load of 10,000 orders and 50,000 fills.
 * Run: {@code ./mvnw -B -o -Pbench test-compile exec:exec -Dbench.args=StoreBenchmark} (fork, warm-up and
 * measurement counts are set here, because the bench profile passes {@code bench.args} to JMH as one argument).
 */
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class StoreBenchmark {
    static final int EVENTS = 1_000;
    static final String SYMBOL = "BTCUSD-27JUN25-100000-C";

    static NewOrder order(long clientOrderId) {
        return NewOrder.of(OrderRequest.limit(ProductType.OPTION, SYMBOL, Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("1250.5"), clientOrderId));
    }

    static Fill fill(String tradeId, long clientOrderId, Instant time) {
        return new Fill(tradeId, 1_000_000 + clientOrderId, clientOrderId, SYMBOL, Side.BUY, new BigDecimal("1250.5"),
                new BigDecimal("0.1"), new BigDecimal("0.0003"), true, time);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** An open store that grows as the write benchmarks run. */
    @State(Scope.Benchmark)
    public static class OpenStore {
        Path dir;
        Database db;
        long nextId = 1;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("store-bench");
            db = Database.open(StoreConfig.of(dir, "bench", Clock.systemUTC()));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            db.close();
            delete(dir);
        }
    }

    /** 500 orders recorded PENDING_SEND (row + event + journal) and 500 fills, submitted at once, all durable. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public void batchedOrderAndFillWrites(OpenStore s) {
        List<CompletableFuture<?>> all = new ArrayList<>(EVENTS);
        Instant now = Instant.now();
        for (int i = 0; i < EVENTS / 2; i++) {
            long id = s.nextId++;
            all.add(s.db.writer().submit(s.db.orders().pendingSendCommand(order(id), Cause.USER, null)));
            all.add(s.db.fills().record(fill("t" + id, id, now), ProductType.OPTION, FillSource.WS));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    /** One synchronous persist-before-send at a time: the delay an order waits before it may be sent (one fsync). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object persistBeforeSendOneAtATime(OpenStore s) {
        return s.db.orders().insertPendingSend(order(s.nextId++), Cause.USER, null);
    }

    /** A closed store holding 10,000 orders and 50,000 fills. */
    @State(Scope.Benchmark)
    public static class FullStore {
        Path dir;
        Database opened;

        @Setup(Level.Trial)
        public void populate() throws IOException {
            dir = Files.createTempDirectory("store-recovery");
            try (Database db = Database.open(StoreConfig.of(dir, "bench", Clock.systemUTC()))) {
                List<CompletableFuture<?>> all = new ArrayList<>();
                Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
                for (long id = 1; id <= 10_000; id++) {
                    all.add(db.writer().submit(db.orders().pendingSendCommand(order(id), Cause.USER, null)));
                    for (int k = 0; k < 5; k++) {
                        all.add(db.fills().record(fill(id + "-" + k, id, t0.plusSeconds(id * 5 + k)),
                                ProductType.OPTION, FillSource.REST));
                    }
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            }
        }

        @TearDown(Level.Invocation)
        public void closeOpened() {
            if (opened != null) {
                opened.close();
                opened = null;
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            StoreBenchmark.delete(dir);
        }
    }

    /** Restart: open (lock, integrity_check, migrations) and load every order, the open ones and every fill. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void recoveryLoad(FullStore s, Blackhole bh) {
        s.opened = Database.open(StoreConfig.of(s.dir, "bench", Clock.systemUTC()));
        bh.consume(s.opened.orders().allByClientOrderId());
        bh.consume(s.opened.orders().notTerminal());
        bh.consume(s.opened.fills().since(Instant.EPOCH));
    }
}
