package io.coincalltrader.engine.risk;

import io.coincalltrader.domain.account.AccountSummary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches margin usage (maintenance margin over equity, as the exchange liquidates on it) and raises an alert when
 * it crosses the warn or critical threshold. A level is only left after usage falls a hysteresis margin below it,
 * so a value hovering at a threshold does not flood the trader with alerts.
 */
public final class MarginMonitor {
    private final BigDecimal warn;
    private final BigDecimal critical;
    private final BigDecimal hysteresis;
    private MarginLevel level = MarginLevel.NORMAL;

    public MarginMonitor(BigDecimal warn, BigDecimal critical, BigDecimal hysteresis) {
        if (warn.compareTo(critical) >= 0 || warn.signum() <= 0) {
            throw new IllegalArgumentException("the warn threshold must be above zero and below the critical one");
        }
        this.warn = warn;
        this.critical = critical;
        this.hysteresis = hysteresis;
    }

    /** Warn at 50%, critical at 80% maintenance-margin usage, 5 points of hysteresis. */
    public static MarginMonitor defaults() {
        return new MarginMonitor(new BigDecimal("0.50"), new BigDecimal("0.80"), new BigDecimal("0.05"));
    }

    public MarginLevel level() {
        return level;
    }

    /** Usage = maintenance margin / equity; an account with no equity is critical. */
    public static BigDecimal usage(AccountSummary a) {
        if (a.equity().signum() <= 0) {
            return a.maintenanceMargin().signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return a.maintenanceMargin().divide(a.equity(), MathContext.DECIMAL64);
    }

    /** Feeds a new account snapshot; returns an alert when the level changed. */
    public Optional<MarginAlert> update(AccountSummary account, Instant now) {
        BigDecimal usage = usage(account);
        MarginLevel next = next(usage);
        if (next == level) {
            return Optional.empty();
        }
        MarginAlert alert = new MarginAlert(level, next, usage, now);
        level = next;
        return Optional.of(alert);
    }

    private MarginLevel next(BigDecimal usage) {
        if (usage.compareTo(critical) >= 0) {
            return MarginLevel.CRITICAL;
        }
        if (level == MarginLevel.CRITICAL && usage.compareTo(critical.subtract(hysteresis)) > 0) {
            return MarginLevel.CRITICAL;
        }
        if (usage.compareTo(warn) >= 0) {
            return MarginLevel.WARN;
        }
        if (level != MarginLevel.NORMAL && usage.compareTo(warn.subtract(hysteresis)) > 0) {
            return MarginLevel.WARN;
        }
        return MarginLevel.NORMAL;
    }
}
