package io.coincalltrader.ui.positions;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.portfolio.PortfolioAggregator;
import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The positions tree's rows, without the toolkit: grouping, names by shape, totals, and reuse of unchanged rows. */
class PositionRowsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final BigDecimal INDEX = new BigDecimal("98000");

    private static Position pos(String symbol, Side side, String qty, String avg, String mark, String pnl) {
        return new Position(symbol, ProductType.OPTION, symbol, side, new BigDecimal(qty), new BigDecimal(avg), new BigDecimal(mark), INDEX,
                new BigDecimal(pnl), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0.3, 0.00001, 40, -20, NOW);
    }

    private static final AccountSummary ACCOUNT = new AccountSummary(new BigDecimal("100000"), new BigDecimal("70000"), new BigDecimal("100000"),
            new BigDecimal("30000"), new BigDecimal("20000"), new BigDecimal("0.3"), new BigDecimal("0.2"), BigDecimal.ZERO,
            new BigDecimal("100000"), List.of());

    private PortfolioSnapshot snapshot(List<Position> positions) {
        Map<String, String> structures = Map.of("BTCUSD-25DEC26-108000-C", "S1", "BTCUSD-25DEC26-90000-P", "S1");
        return new PortfolioAggregator(structures::get).aggregate(NOW, ACCOUNT, positions, Map.of("BTC", INDEX));
    }

    private final Position call = pos("BTCUSD-25DEC26-108000-C", Side.SELL, "1", "2300", "2290", "10");
    private final Position put = pos("BTCUSD-25DEC26-90000-P", Side.SELL, "1", "2600", "2620", "-20");
    private final Position lone = pos("BTCUSD-26MAR27-103000-C", Side.BUY, "0.5", "9300", "9360", "30");

    @Test
    void structuresGetAHeaderNamedByShapeWithTotalsAndLonePositionsStandAlone() {
        List<PositionRows.Group> groups = PositionRows.build(snapshot(List.of(call, put, lone)), Grouping.STRUCTURE, NOW);
        PositionRows.Group strangle = groups.stream().filter(g -> g.header() != null).findFirst().orElseThrow();
        assertThat(strangle.header().label()).isEqualTo("S1 · short strangle");
        assertThat(strangle.header().pnlUsd()).isEqualByComparingTo("-10");
        assertThat(strangle.members()).extracting(PositionRow::symbol).containsExactly("BTCUSD-25DEC26-108000-C", "BTCUSD-25DEC26-90000-P");
        assertThat(groups).filteredOn(g -> g.header() == null).singleElement()
                .satisfies(g -> assertThat(g.members().getFirst().symbol()).isEqualTo("BTCUSD-26MAR27-103000-C"));
        PositionRow c = strangle.members().getFirst();
        assertThat(c.pnlFraction()).isCloseTo(10 / 2300.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.iv().get()).isBetween(0.2, 2.0);
    }

    @Test
    void byExpiryEveryGroupHasAHeader() {
        List<PositionRows.Group> groups = PositionRows.build(snapshot(List.of(call, put, lone)), Grouping.EXPIRY, NOW);
        assertThat(groups).allSatisfy(g -> assertThat(g.header()).isNotNull());
        assertThat(groups).extracting(g -> g.header().label()).containsExactly("2026-12-25 (25DEC26)", "2027-03-26 (26MAR27)");
    }

    @Test
    void rowsOfUnchangedSnapshotObjectsAreReusedAndChangedOnesRebuilt() {
        PortfolioSnapshot first = snapshot(List.of(call, put, lone));
        PositionRows.Cache cache = new PositionRows.Cache();
        List<PositionRows.Group> a = PositionRows.build(first, Grouping.STRUCTURE, NOW, cache);
        List<PositionRows.Group> b = PositionRows.build(first, Grouping.STRUCTURE, NOW, cache);
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).header() != null) {
                assertThat(b.get(i)).as("an unchanged structure is reused whole").isSameAs(a.get(i));
            }
            for (int m = 0; m < a.get(i).members().size(); m++) {
                assertThat(b.get(i).members().get(m)).isSameAs(a.get(i).members().get(m));
            }
        }
        PortfolioSnapshot moved = snapshot(List.of(call, put, pos("BTCUSD-26MAR27-103000-C", Side.BUY, "0.5", "9300", "9400", "50")));
        List<PositionRows.Group> c = PositionRows.build(moved, Grouping.STRUCTURE, NOW, cache);
        PositionRow loneRow = c.stream().filter(g -> g.header() == null).findFirst().orElseThrow().members().getFirst();
        assertThat(loneRow.pnlUsd()).isEqualByComparingTo("50");
    }
}
