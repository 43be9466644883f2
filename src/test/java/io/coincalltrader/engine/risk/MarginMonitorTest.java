package io.coincalltrader.engine.risk;

import io.coincalltrader.domain.account.AccountSummary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarginMonitorTest {
    private final MarginMonitor monitor = MarginMonitor.defaults();

    private static AccountSummary withUsage(String mmOver100kEquity) {
        BigDecimal z = BigDecimal.ZERO;
        return new AccountSummary(new BigDecimal("100000"), z, z, z, new BigDecimal(mmOver100kEquity), z, z, z, z, List.of());
    }

    @Test
    void raisesOnCrossingAndOnlyOnce() {
        assertThat(monitor.update(withUsage("30000"), Instant.EPOCH)).isEmpty();
        var warn = monitor.update(withUsage("55000"), Instant.EPOCH).orElseThrow();
        assertThat(warn.to()).isEqualTo(MarginLevel.WARN);
        assertThat(warn.worsened()).isTrue();
        assertThat(monitor.update(withUsage("56000"), Instant.EPOCH)).isEmpty();
        assertThat(monitor.update(withUsage("81000"), Instant.EPOCH).orElseThrow().to()).isEqualTo(MarginLevel.CRITICAL);
    }

    @Test
    void hoveringAtAThresholdDoesNotFlapThanksToHysteresis() {
        monitor.update(withUsage("81000"), Instant.EPOCH);
        assertThat(monitor.update(withUsage("79000"), Instant.EPOCH)).as("within 5 points of critical").isEmpty();
        assertThat(monitor.update(withUsage("81000"), Instant.EPOCH)).isEmpty();
        var eased = monitor.update(withUsage("70000"), Instant.EPOCH).orElseThrow();
        assertThat(eased.to()).isEqualTo(MarginLevel.WARN);
        assertThat(eased.worsened()).isFalse();
        assertThat(monitor.update(withUsage("10000"), Instant.EPOCH).orElseThrow().to()).isEqualTo(MarginLevel.NORMAL);
    }

    @Test
    void noEquityWithMarginIsCritical() {
        BigDecimal z = BigDecimal.ZERO;
        var broke = new AccountSummary(z, z, z, z, new BigDecimal("5"), z, z, z, z, List.of());
        assertThat(monitor.update(broke, Instant.EPOCH).orElseThrow().to()).isEqualTo(MarginLevel.CRITICAL);
    }
}
