package io.coincalltrader.pricing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalTest {
    @Test
    void matchesReferenceValuesToDoublePrecision() {
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(-1)).isCloseTo(0.15865525393145707, within(1e-15));
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
        assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-15));
        assertThat(Normal.cdf(0.5)).isCloseTo(0.6914624612740131, within(1e-15));
    }

    @Test
    void farTailsKeepRelativePrecision() {
        assertThat(Normal.cdf(-8) / 6.220960574271819e-16).isCloseTo(1.0, within(1e-7));
        assertThat(Normal.cdf(-10) / 7.619853024160593e-24).isCloseTo(1.0, within(1e-7));
        assertThat(Normal.cdf(-40)).isZero();
        assertThat(Normal.cdf(40)).isEqualTo(1.0);
    }

    @Test
    void isSymmetric() {
        for (double x = -6; x <= 6; x += 0.37) {
            assertThat(Normal.cdf(x) + Normal.cdf(-x)).isCloseTo(1.0, within(1e-15));
        }
    }
}
