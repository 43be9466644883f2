package io.coincalltrader.engine.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The trader's own limits on every order: largest size, largest notional (USD), the price band around mark
 * (a fraction, with a floor in USD so cheap options are not refused for a one-tick difference), and how old the
 * mark may be.
 */
public record RiskLimits(BigDecimal maxOrderQuantity, BigDecimal maxOrderNotionalUsd, BigDecimal priceBandFraction,
                         BigDecimal minPriceBandUsd, Duration maxMarkAge) {
    public RiskLimits {
        Objects.requireNonNull(maxOrderQuantity, "maxOrderQuantity");
        Objects.requireNonNull(maxOrderNotionalUsd, "maxOrderNotionalUsd");
        Objects.requireNonNull(priceBandFraction, "priceBandFraction");
        Objects.requireNonNull(minPriceBandUsd, "minPriceBandUsd");
        Objects.requireNonNull(maxMarkAge, "maxMarkAge");
        if (maxOrderQuantity.signum() <= 0 || maxOrderNotionalUsd.signum() <= 0 || priceBandFraction.signum() <= 0) {
            throw new IllegalArgumentException("limits must be above zero");
        }
    }

    /** Sensible defaults for one trader: 100 contracts, 2 million USD notional, ±15% (at least 5 USD), 5 s marks. */
    public static RiskLimits defaults() {
        return new RiskLimits(new BigDecimal("100"), new BigDecimal("2000000"), new BigDecimal("0.15"), new BigDecimal("5"),
                Duration.ofSeconds(5));
    }
}
