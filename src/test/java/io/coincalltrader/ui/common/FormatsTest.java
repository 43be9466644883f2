package io.coincalltrader.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    @AfterEach
    void reset() {
        Formats.use(Formats.Style.COMMA_POINT);
    }

    @Test
    void amountsHaveFixedDecimalsSignsAndADashWhenAbsent() {
        assertThat(Formats.number(new BigDecimal("12345.678"), 2)).isEqualTo("12,345.68");
        assertThat(Formats.signed(new BigDecimal("-1234.5"), 2)).isEqualTo("-1,234.50");
        assertThat(Formats.signed(new BigDecimal("0.001"), 2)).isEqualTo("0.00");
        assertThat(Formats.signed(new BigDecimal("3"), 0)).isEqualTo("+3");
        assertThat(Formats.percent(0.0123, 1)).isEqualTo("+1.2%");
        assertThat(Formats.number((BigDecimal) null, 2)).isEqualTo(Formats.DASH);
        assertThat(Formats.number(Double.NaN, 2)).isEqualTo(Formats.DASH);
        assertThat(Formats.size(new BigDecimal("0.500"))).isEqualTo("0.5");
    }

    @Test
    void theTradersNumberStyleIsUsedEverywhere() {
        Formats.use(Formats.Style.POINT_COMMA);
        assertThat(Formats.signed(new BigDecimal("1234.5"), 2)).isEqualTo("+1.234,50");
        Formats.use(Formats.Style.PLAIN);
        assertThat(Formats.number(new BigDecimal("1234.5"), 2)).isEqualTo("1234.50");
        Formats.use(Formats.Style.SPACE_POINT);
        assertThat(Formats.number(new BigDecimal("1234.5"), 0)).isEqualTo("1\u2009235");
    }

    @Test
    void agesAndDaysToExpiry() {
        assertThat(Formats.age(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Formats.age(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
        Instant now = Instant.parse("2026-11-29T08:00:00Z");
        assertThat(Formats.daysToExpiry(now.plus(Duration.ofHours(36)), now)).isEqualTo("1.5");
        assertThat(Formats.daysToExpiry(now.plus(Duration.ofDays(25)), now)).isEqualTo("25");
    }
}
