package io.coincalltrader.bench;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import io.coincalltrader.engine.portfolio.PositionRisk;
import io.coincalltrader.engine.portfolio.RiskGreeks;
import io.coincalltrader.engine.portfolio.RiskGroup;
import io.coincalltrader.ui.common.FramePump;
import io.coincalltrader.ui.positions.PositionsView;
import io.coincalltrader.ui.positions.PositionsViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds a 1,000-row positions table (250 four-leg structures) with position updates at a fixed rate through the
 * frame pump, the way the engine does, and prints FX pulse work and update-to-render latency percentiles.
 * Run (headless): see docs/PERFORMANCE.md §Workstation.
 */
public final class PositionsUiHarness {
    private static final int POSITIONS = 1000;
    private static final int LEGS = 4;

    private record Tick(PortfolioSnapshot snapshot, long offeredNanos) {
    }

    private PositionsUiHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        io.coincalltrader.ui.WorkstationApp.pulseRate(); // as the app: 120 pulses a second unless -Djavafx.animation.pulse says otherwise
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        LongList latencies = new LongList();
        LongList pulses = new LongList();
        LongList applies = new LongList();
        AtomicLong applyStart = new AtomicLong();
        AtomicLong lastOffered = new AtomicLong();
        FramePump pump = new FramePump();
        PositionsViewModel vm = new PositionsViewModel(Clock.systemUTC());
        CountDownLatch shown = new CountDownLatch(1);
        FramePump.Latest<Tick>[] channel = new FramePump.Latest[1];
        Platform.runLater(() -> {
            PositionsView view = new PositionsView(vm, x -> { }, () -> { }, x -> { });
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1400, 900);
            scene.getStylesheets().add(Objects.requireNonNull(PositionsUiHarness.class.getResource("/io/coincalltrader/ui/theme/dark.css")).toExternalForm());
            scene.getStylesheets().add(Objects.requireNonNull(PositionsUiHarness.class.getResource("/io/coincalltrader/ui/theme/base.css")).toExternalForm());
            channel[0] = pump.latest(t -> {
                applyStart.set(System.nanoTime());
                lastOffered.set(t.offeredNanos());
                vm.accept(t.snapshot());
                long took = System.nanoTime() - applyStart.get();
                synchronized (pulses) {
                    applies.add(took);
                }
            });
            scene.addPostLayoutPulseListener(() -> {
                long start = applyStart.getAndSet(0);
                if (start != 0) {
                    long end = System.nanoTime();
                    synchronized (pulses) {
                        pulses.add(end - start);
                        latencies.add(end - lastOffered.get());
                    }
                }
            });
            stage.setScene(scene);
            stage.show();
            if (System.getenv("DEBUG_LAYOUT") != null) {
                javafx.scene.Parent flow = (javafx.scene.Parent) view.lookup(".virtual-flow");
                int[] count = {0};
                flow.needsLayoutProperty().addListener((o, a, b) -> {
                    if (b && count[0]++ % 200 == 5) {
                        new Exception("flow layout requested").printStackTrace(System.out);
                    }
                });
            }
            shown.countDown();
        });
        shown.await();

        Feed feed = new Feed();
        long periodNanos = 1_000_000_000L / rate;
        long warmup = System.nanoTime() + 3_000_000_000L;
        long end = warmup + seconds * 1_000_000_000L;
        long next = System.nanoTime();
        long sent = 0;
        boolean measuring = false;
        long measureStart = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (!measuring && now >= warmup) {
                synchronized (pulses) {
                    pulses.clear();
                    latencies.clear();
                    applies.clear();
                }
                measuring = true;
                measureStart = now;
                sent = 0;
            }
            if (now < next) {
                java.util.concurrent.locks.LockSupport.parkNanos(Math.min(next - now, 1_000_000));
                continue;
            }
            while (next <= now) { // the updates due since the last wake-up, as a burst (as a socket delivers them)
                channel[0].offer(new Tick(feed.next(), System.nanoTime()));
                sent++;
                next += periodNanos;
            }
        }
        long wall = System.nanoTime() - measureStart;
        Thread.sleep(200);
        long[] p;
        long[] l;
        long[] a;
        synchronized (pulses) {
            p = pulses.sorted();
            l = latencies.sorted();
            a = applies.sorted();
        }
        long busy = Arrays.stream(p).sum();
        System.out.printf("updates offered: %,d in %d s (%,.0f/s); frames applied: %,d (%,.1f/s)%n", sent, seconds, sent * 1e9 / wall,
                p.length, p.length * 1e9 / wall);
        System.out.printf("update-to-render (offer -> layout done), ms: p50 %.2f  p99 %.2f  max %.2f%n", pct(l, 50), pct(l, 99), max(l));
        System.out.printf("FX pulse work (apply + CSS + layout), ms: p50 %.2f  p99 %.2f  max %.2f%n", pct(p, 50), pct(p, 99), max(p));
        System.out.printf("of which view-model apply (rows + tree items), ms: p50 %.2f  p99 %.2f  max %.2f%n", pct(a, 50), pct(a, 99), max(a));
        System.out.printf("FX thread busy with updates: %.1f%%%n", busy * 100.0 / wall);
        Platform.exit();
        System.exit(0);
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double max(long[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    /** Snapshots of 1,000 positions where each update moves one position's mark (copy-on-write, as the engine does). */
    private static final class Feed {
        private final SplittableRandom random = new SplittableRandom(7);
        private final PositionRisk[] positions = new PositionRisk[POSITIONS];
        private final RiskGroup[] groups = new RiskGroup[POSITIONS / LEGS];
        private final AccountSummary account = new AccountSummary(new BigDecimal("1000000"), new BigDecimal("600000"), new BigDecimal("1000000"),
                new BigDecimal("300000"), new BigDecimal("200000"), new BigDecimal("0.3"), new BigDecimal("0.2"), BigDecimal.ZERO,
                new BigDecimal("1000000"), List.of());

        Feed() {
            LocalDate first = LocalDate.now(ZoneOffset.UTC).plusDays(3);
            for (int i = 0; i < POSITIONS; i++) {
                LocalDate expiry = first.plusDays(7L * (i / LEGS % 12));
                int strike = 60_000 + 1_000 * (i / (LEGS * 12)) + 1_000 * (i % LEGS);
                String symbol = "BTCUSD-" + expiry.getDayOfMonth() + expiry.getMonth().name().substring(0, 3) + (expiry.getYear() % 100)
                        + "-" + strike + (i % 2 == 0 ? "-C" : "-P");
                positions[i] = risk(symbol, i, new BigDecimal("1000"));
            }
            for (int g = 0; g < groups.length; g++) {
                groups[g] = group(g);
            }
        }

        private PositionRisk risk(String symbol, int i, BigDecimal mark) {
            Side side = i % 3 == 0 ? Side.SELL : Side.BUY;
            BigDecimal avg = new BigDecimal("1000");
            BigDecimal pnl = mark.subtract(avg).multiply(side == Side.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate());
            Position p = new Position("p" + i, ProductType.OPTION, symbol, side, BigDecimal.ONE, avg, mark, new BigDecimal("98000"), pnl,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0.4, 0.00001, 50, -30, Instant.now());
            return new PositionRisk(p, "BTC", null, "S" + (i / LEGS), pnl, RiskGreeks.of(0.4, 0.00001, 50, -30, 98000));
        }

        private RiskGroup group(int g) {
            List<PositionRisk> members = new ArrayList<>(LEGS);
            BigDecimal pnl = BigDecimal.ZERO;
            RiskGreeks greeks = RiskGreeks.ZERO;
            for (int k = 0; k < LEGS; k++) {
                PositionRisk r = positions[g * LEGS + k];
                members.add(r);
                pnl = pnl.add(r.unrealizedPnl());
                greeks = greeks.plus(r.greeks());
            }
            return new RiskGroup("S" + g, members, pnl, greeks);
        }

        PortfolioSnapshot next() {
            int i = random.nextInt(POSITIONS);
            BigDecimal mark = BigDecimal.valueOf(900 + random.nextDouble() * 200).setScale(1, RoundingMode.HALF_UP);
            positions[i] = risk(positions[i].position().symbol(), i, mark);
            groups[i / LEGS] = group(i / LEGS);
            List<PositionRisk> all = List.of(positions);
            List<RiskGroup> byStructure = List.of(groups);
            return new PortfolioSnapshot(Instant.now(), account, all, byStructure, byStructure, byStructure, RiskGreeks.ZERO);
        }
    }

    /** A growable array of longs. */
    private static final class LongList {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void clear() {
            size = 0;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }

}
