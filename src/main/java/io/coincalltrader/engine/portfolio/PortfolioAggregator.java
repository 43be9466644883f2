package io.coincalltrader.engine.portfolio;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.instrument.InstrumentName;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a {@link PortfolioSnapshot} from exchange positions. Position Greeks are taken as whole-position figures
 * signed by side (docs/API_NOTES.md §Greeks); the index price for unit conversion is the position's own index
 * price, or the latest one seen for its coin.
 */
public final class PortfolioAggregator {
    /** Structure of each position, keyed by symbol; positions absent from the map are ungrouped. */
    private final Function<String, String> structureOf;

    public PortfolioAggregator(Function<String, String> structureOf) {
        this.structureOf = structureOf;
    }

    public PortfolioSnapshot aggregate(Instant time, AccountSummary account, List<Position> positions, Map<String, BigDecimal> indexByCoin) {
        List<PositionRisk> risks = new ArrayList<>(positions.size());
        for (Position p : positions) {
            InstrumentName name = InstrumentName.parse(p.symbol());
            BigDecimal index = p.indexPrice() != null && p.indexPrice().signum() > 0 ? p.indexPrice() : indexByCoin.get(name.base());
            Instant expiry = switch (name) {
                case InstrumentName.Option o -> o.expiry();
                case InstrumentName.Future f -> f.delivery();
                case InstrumentName.Spot s -> null;
            };
            RiskGreeks g = RiskGreeks.of(p.delta(), p.gamma(), p.vega(), p.theta(), index == null ? Double.NaN : index.doubleValue());
            risks.add(new PositionRisk(p, name.base(), expiry, structureOf.apply(p.symbol()), p.unrealizedPnl(), g));
        }
        RiskGreeks total = RiskGreeks.ZERO.usdOnly();
        for (PositionRisk r : risks) {
            total = total.plus(r.greeks().usdOnly());
        }
        return new PortfolioSnapshot(time, account, risks,
                group(risks, r -> r.structureId()),
                group(risks, r -> r.expiry() == null ? "Perpetual / spot" : expiryLabel(r.expiry())),
                group(risks, PositionRisk::base),
                total);
    }

    private static List<RiskGroup> group(List<PositionRisk> risks, Function<PositionRisk, String> key) {
        Map<String, List<PositionRisk>> groups = new TreeMap<>();
        for (PositionRisk r : risks) {
            String k = key.apply(r);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        List<RiskGroup> out = new ArrayList<>(groups.size());
        groups.forEach((k, members) -> {
            BigDecimal pnl = BigDecimal.ZERO;
            RiskGreeks g = RiskGreeks.ZERO;
            boolean oneCoin = members.stream().map(PositionRisk::base).distinct().count() == 1;
            for (PositionRisk m : members) {
                pnl = pnl.add(m.unrealizedPnl());
                g = g.plus(oneCoin ? m.greeks() : m.greeks().usdOnly());
            }
            out.add(new RiskGroup(k, members, pnl, g));
        });
        return out;
    }

    /** Sorts as text in date order: 2026-03-27 (27MAR26). */
    static String expiryLabel(Instant expiry) {
        LocalDate d = expiry.atZone(ZoneOffset.UTC).toLocalDate();
        String token = new InstrumentName.Future("BTC", d).text().substring("BTCUSD-".length());
        return d + " (" + token + ")";
    }
}
