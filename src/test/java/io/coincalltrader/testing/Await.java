package io.coincalltrader.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition with a deadline (never a fixed sleep): polls every 20 ms and fails with a description. */
public final class Await {
    private Await() {
    }

    /** Returns once the condition holds; fails after the timeout saying what was awaited. */
    public static void until(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        value(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** The first present value the supplier gives within the timeout. */
    public static <T> T value(String what, Duration timeout, Supplier<Optional<T>> supplier) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> v = supplier.get();
            if (v.isPresent()) {
                return v.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
