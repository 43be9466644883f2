package io.coincalltrader.store;

import io.coincalltrader.domain.order.ProductType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Runs in a child JVM for {@link CrashTest} and dies with {@code Runtime.halt} (no shutdown hooks, no close: what
 * kill -9 does to our process) at the named point.
 */
public final class CrashingChild {
    private CrashingChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Database db = Database.open(StoreConfig.of(dir, "paper", Clock.systemUTC()));
        switch (mode) {
            case "after-insert" -> {
                StoredOrder order = db.orders().insertPendingSend(Fixtures.order(Long.parseLong(args[2])), Cause.USER,
                        "sent from the child");
                System.out.println("DURABLE " + order.clientOrderId());
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
            case "inside-batch" -> {
                db.orders().insertPendingSend(Fixtures.order(1), Cause.USER, null);
                db.writer().submit(WriteCommand.all(java.util.List.of(
                        db.orders().pendingSendCommand(Fixtures.order(2), Cause.USER, null),
                        db.fills().recordCommand(Fixtures.fill("T2", 2, Instant.now()), ProductType.OPTION, FillSource.WS),
                        c -> {
                            System.out.println("HALTING INSIDE THE BATCH");
                            System.out.flush();
                            Runtime.getRuntime().halt(137);
                            return null;
                        })));
                Thread.currentThread().join(); // the writer thread halts the JVM
            }
            case "hold-lock" -> {
                System.out.println("LOCKED");
                System.out.flush();
                System.in.read(); // until the parent kills us
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }
}
