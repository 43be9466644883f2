package io.coincalltrader.engine.portfolio;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PortfolioAggregatorTest {
    private static final BigDecimal Z = BigDecimal.ZERO;

    private static Position pos(String symbol, Side side, String upnl, double delta, double gamma, double vega, double theta, String index) {
        return new Position(symbol, ProductType.OPTION, symbol, side, BigDecimal.ONE, Z, Z, index == null ? null : new BigDecimal(index),
                new BigDecimal(upnl), Z, Z, Z, delta, gamma, vega, theta, Instant.EPOCH);
    }

    private final AccountSummary account = new AccountSummary(Z, Z, Z, Z, Z, Z, Z, Z, Z, List.of());

    @Test
    void groupsByStructureExpiryAndUnderlyingWithTotals() {
        var aggregator = new PortfolioAggregator(s -> s.contains("-27MAR26-") && s.startsWith("BTC") ? "BTC strangle" : null);
        var snap = aggregator.aggregate(Instant.EPOCH, account, List.of(
                pos("BTCUSD-27MAR26-110000-C", Side.SELL, "120", -0.3, -0.00002, -80, 45, "100000"),
                pos("BTCUSD-27MAR26-90000-P", Side.SELL, "80", 0.25, -0.00002, -75, 40, "100000"),
                pos("ETHUSD-27MAR26-4000-C", Side.BUY, "-30", 0.5, 0.0004, 10, -5, "3500"),
                pos("BTCUSD", Side.BUY, "10", 0.05, 0, 0, 0, "100000")), Map.of());

        assertThat(snap.byStructure()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEqualTo("BTC strangle");
            assertThat(g.unrealizedPnl()).isEqualByComparingTo("200");
            assertThat(g.greeks().deltaCoin()).isCloseTo(-0.05, within(1e-12));
            assertThat(g.greeks().deltaUsd()).isCloseTo(-5000, within(1e-6));
            assertThat(g.greeks().gammaUsd()).isCloseTo(-0.00004 * 1e10 / 100, within(1e-6));
        });
        assertThat(snap.byExpiry()).extracting(RiskGroup::key).containsExactly("2026-03-27 (27MAR26)", "Perpetual / spot");
        // BTC and ETH in one expiry group: coin figures do not add up, USD ones do.
        RiskGroup mar = snap.byExpiry().getFirst();
        assertThat(mar.greeks().deltaCoin()).isNaN();
        assertThat(mar.greeks().deltaUsd()).isCloseTo(-5000 + 1750, within(1e-6));
        assertThat(snap.byUnderlying()).extracting(RiskGroup::key).containsExactly("BTC", "ETH");
        assertThat(snap.byUnderlying().getFirst().greeks().deltaCoin()).isCloseTo(0.0, within(1e-12));
        assertThat(snap.accountGreeks().vegaUsd()).isCloseTo(-145, within(1e-9));
        assertThat(snap.accountGreeks().deltaUsd()).isCloseTo(-5000 + 1750 + 5000, within(1e-6));
    }

    @Test
    void missingIndexFallsBackToTheLatestForTheCoinAndNeverInventsUsdFigures() {
        var aggregator = new PortfolioAggregator(s -> null);
        var withFallback = aggregator.aggregate(Instant.EPOCH, account,
                List.of(pos("BTCUSD-27MAR26-110000-C", Side.SELL, "1", -0.3, 0, -80, 45, null)), Map.of("BTC", new BigDecimal("50000")));
        assertThat(withFallback.positions().getFirst().greeks().deltaUsd()).isCloseTo(-15000, within(1e-6));
        var without = aggregator.aggregate(Instant.EPOCH, account,
                List.of(pos("BTCUSD-27MAR26-110000-C", Side.SELL, "1", -0.3, 0, -80, 45, null)), Map.of());
        assertThat(without.positions().getFirst().greeks().deltaUsd()).isNaN();
        assertThat(without.byStructure()).isEmpty();
    }
}
