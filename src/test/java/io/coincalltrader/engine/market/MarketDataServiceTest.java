package io.coincalltrader.engine.market;

import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OptionQuote;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarketDataServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final MarketDataService service = new MarketDataService(null, null, Clock.fixed(T0, ZoneOffset.UTC));

    private static OptionQuote quote(String mark) {
        return new OptionQuote("BTCUSD-27MAR26-100000-C", new BigDecimal("100000"), OptionType.CALL, null, new BigDecimal(mark),
                null, null, null, null, 0.6, null, null, null, null, null, 0.5, 0, 0, 0);
    }

    @Test
    void anOlderValueNeverReplacesANewerOne() {
        List<OptionQuote> published = new ArrayList<>();
        service.onQuote(published::add);
        service.acceptQuote(quote("1200"), T0.plusSeconds(2));
        service.acceptQuote(quote("1100"), T0.plusSeconds(1));
        assertThat(service.quote("BTCUSD-27MAR26-100000-C").orElseThrow().value().markPrice()).isEqualByComparingTo("1200");
        assertThat(published).extracting(OptionQuote::markPrice).containsExactly(new BigDecimal("1200"));
    }

    @Test
    void ageTellsWhenAQuoteIsStale() {
        service.acceptIndex("BTC", new BigDecimal("98000"), T0);
        Timed<BigDecimal> index = service.index("BTC").orElseThrow();
        assertThat(index.isStale(T0.plusSeconds(4), Duration.ofSeconds(5))).isFalse();
        assertThat(index.isStale(T0.plusSeconds(6), Duration.ofSeconds(5))).isTrue();
        assertThat(service.indexPrices()).containsEntry("BTC", new BigDecimal("98000"));
    }
}
