package io.coincalltrader.engine.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one execution.
 *
 * @param mode          limit, aggressive or RFQ
 * @param reference     where limit orders start (limit mode)
 * @param requoteAfter  limit mode: after this long without a fill the price moves one step towards the other side;
 *                      null for no requoting
 * @param requoteTicks  the step, in ticks
 * @param bandFraction  the band around mark (fraction of mark) that bounds requotes, aggressive prices and the RFQ
 *                      package price; {@code minBandUsd} is its floor per contract
 * @param timeout       the whole execution's time; what is still open then is cancelled
 * @param legRetries    multi-leg: how many aggressive retries an unfilled leg gets before the legging policy applies
 * @param legging       what to do with the exposure that remains
 * @param rfqMinWait    RFQ mode: how long quotes are collected before the best is taken (more makers answer)
 */
public record ExecutionParams(ExecutionMode mode, PriceReference reference, Duration requoteAfter, int requoteTicks,
                              BigDecimal bandFraction, BigDecimal minBandUsd, Duration timeout, int legRetries,
                              LeggingPolicy legging, Duration rfqMinWait) {
    public ExecutionParams {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(bandFraction, "bandFraction");
        Objects.requireNonNull(minBandUsd, "minBandUsd");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(legging, "legging");
        Objects.requireNonNull(rfqMinWait, "rfqMinWait");
        if (requoteTicks < 1 || legRetries < 0 || bandFraction.signum() <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("requote step, retries, band and timeout must be positive");
        }
    }

    /** Limit at mid, requote every 5 s by 2 ticks, band ±10% (at least 5 USD), 60 s, one retry, then flatten. */
    public static ExecutionParams limit() {
        return new ExecutionParams(ExecutionMode.LIMIT, PriceReference.MID, Duration.ofSeconds(5), 2, new BigDecimal("0.10"),
                new BigDecimal("5"), Duration.ofSeconds(60), 1, LeggingPolicy.FLATTEN, Duration.ofSeconds(3));
    }

    /** Immediate-or-cancel at the band edge (±5%, at least 5 USD), 20 s in all, one retry, then flatten. */
    public static ExecutionParams aggressive() {
        return new ExecutionParams(ExecutionMode.AGGRESSIVE, PriceReference.MARK, null, 1, new BigDecimal("0.05"),
                new BigDecimal("5"), Duration.ofSeconds(20), 1, LeggingPolicy.FLATTEN, Duration.ofSeconds(3));
    }

    /** Collect quotes 3 s, accept the best within ±5% of the package mark (at least 5 USD per contract), give up after 60 s. */
    public static ExecutionParams rfq() {
        return new ExecutionParams(ExecutionMode.RFQ, PriceReference.MARK, null, 1, new BigDecimal("0.05"),
                new BigDecimal("5"), Duration.ofSeconds(60), 0, LeggingPolicy.ALERT, Duration.ofSeconds(3));
    }

    public static ExecutionParams of(ExecutionMode mode) {
        return switch (mode) {
            case LIMIT -> limit();
            case AGGRESSIVE -> aggressive();
            case RFQ -> rfq();
        };
    }

    public ExecutionParams withTimeout(Duration t) {
        return new ExecutionParams(mode, reference, requoteAfter, requoteTicks, bandFraction, minBandUsd, t, legRetries, legging, rfqMinWait);
    }

    public ExecutionParams withRequote(Duration after, int ticks) {
        return new ExecutionParams(mode, reference, after, ticks, bandFraction, minBandUsd, timeout, legRetries, legging, rfqMinWait);
    }

    public ExecutionParams withReference(PriceReference r) {
        return new ExecutionParams(mode, r, requoteAfter, requoteTicks, bandFraction, minBandUsd, timeout, legRetries, legging, rfqMinWait);
    }

    public ExecutionParams withBand(BigDecimal fraction, BigDecimal floorUsd) {
        return new ExecutionParams(mode, reference, requoteAfter, requoteTicks, fraction, floorUsd, timeout, legRetries, legging, rfqMinWait);
    }

    public ExecutionParams withLegging(int retries, LeggingPolicy policy) {
        return new ExecutionParams(mode, reference, requoteAfter, requoteTicks, bandFraction, minBandUsd, timeout, retries, policy, rfqMinWait);
    }

    public ExecutionParams withRfqMinWait(Duration d) {
        return new ExecutionParams(mode, reference, requoteAfter, requoteTicks, bandFraction, minBandUsd, timeout, legRetries, legging, d);
    }
}
