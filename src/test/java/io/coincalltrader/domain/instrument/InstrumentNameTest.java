package io.coincalltrader.domain.instrument;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSD-29OCT25-109000-C", "BTCUSD-9AUG25-100000-C", "BTCUSD-8NOV24-40000-P", "KASUSD-31MAY24-0.1250-C",
            "SOLUSD-13DEC24-1925.00-P", "DOGEUSD-13DEC24-0.178-P", "BTCUSD", "ETHUSD", "BTCUSD-27MAR26", "BTCUSDT", "XRPUSDT"})
    void parsesAndWritesBackVerbatim(String text) {
        assertThat(InstrumentName.parse(text).text()).isEqualTo(text);
    }

    @Test
    void optionPartsAndExpiryAtEightUtc() {
        var o = (InstrumentName.Option) InstrumentName.parse("BTCUSD-29OCT25-109000-C");
        assertThat(o.base()).isEqualTo("BTC");
        assertThat(o.index()).isEqualTo("BTCUSD");
        assertThat(o.expiryDate()).isEqualTo(LocalDate.of(2025, 10, 29));
        assertThat(o.expiry()).isEqualTo(Instant.parse("2025-10-29T08:00:00Z"));
        assertThat(o.strike()).isEqualByComparingTo("109000");
        assertThat(o.type()).isEqualTo(OptionType.CALL);
        assertThat(o.displayName()).isEqualTo("BTC-29OCT25-109000-C");
        // 1694678400000 is an expirationTimestamp from Coincall's documentation.
        assertThat(((InstrumentName.Option) InstrumentName.parse("BTCUSD-14SEP23-22500-C")).expiry().toEpochMilli()).isEqualTo(1694678400000L);
    }

    @Test
    void kindsAreTellApart() {
        assertThat(InstrumentName.parse("BTCUSD")).isInstanceOfSatisfying(InstrumentName.Future.class, f -> {
            assertThat(f.isPerpetual()).isTrue();
            assertThat(f.displayName()).isEqualTo("BTC-PERP");
        });
        assertThat(InstrumentName.parse("BTCUSD-27MAR26")).isInstanceOfSatisfying(InstrumentName.Future.class,
                f -> assertThat(f.delivery()).isEqualTo(Instant.parse("2026-03-27T08:00:00Z")));
        assertThat(InstrumentName.parse("ETHUSDT")).isInstanceOfSatisfying(InstrumentName.Spot.class, s -> {
            assertThat(s.base()).isEqualTo("ETH");
            assertThat(s.displayName()).isEqualTo("ETH/USDT");
        });
    }

    @Test
    void buildsNamesFromParts() {
        var o = InstrumentName.Option.of("ETH", LocalDate.of(2026, 1, 2), new BigDecimal("3500.0"), OptionType.PUT);
        assertThat(o.text()).isEqualTo("ETHUSD-2JAN26-3500-P");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "btcusd-29OCT25-109000-C | upper case",
            "BTCUSD-09AUG25-100000-C | no leading zero",
            "BTCUSD-29OXT25-109000-C | is not a month",
            "BTCUSD-31FEB26-100000-C | not a calendar date",
            "BTCUSD-29OCT25-109000 | expected BASEUSD",
            "BTCUSD-29OCT25-109000-X | must be C (call) or P (put)",
            "BTCUSD-29OCT25-0-C | strike must be above zero",
            "BTCUSD-29OCT25--5-C | expected BASEUSD",
            "BTCUSD-29OCT25-1E5-C | is not a positive number",
            "BTCEUR-29OCT25-109000-C | must be a coin followed by USD",
            "' BTCUSD' | leading or trailing spaces",
            "USD | must be a coin followed by USD",
            "B-T-C | expected BASEUSD"})
    void refusesWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> InstrumentName.parse(text)).isInstanceOf(InvalidInstrumentNameException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void emptyIsRefused() {
        assertThatThrownBy(() -> InstrumentName.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> InstrumentName.parse(null)).hasMessageContaining("empty");
    }

    @Test
    void specRoundsToTickAndLot() {
        var spec = new InstrumentSpec(new BigDecimal("0.1"), new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.ONE);
        assertThat(spec.isOnTick(new BigDecimal("1250.5"))).isTrue();
        assertThat(spec.isOnTick(new BigDecimal("1250.55"))).isFalse();
        assertThat(spec.roundToTick(new BigDecimal("1250.55"), RoundingMode.DOWN)).isEqualByComparingTo("1250.5");
        assertThat(spec.roundDownToLot(new BigDecimal("0.129"))).isEqualByComparingTo("0.12");
        assertThatThrownBy(() -> new InstrumentSpec(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
