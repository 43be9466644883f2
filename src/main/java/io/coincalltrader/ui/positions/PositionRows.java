package io.coincalltrader.ui.positions;

import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.engine.portfolio.PortfolioSnapshot;
import io.coincalltrader.engine.portfolio.PositionRisk;
import io.coincalltrader.engine.portfolio.RiskGroup;
import io.coincalltrader.pricing.ImpliedVolatility;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the tree's rows from a portfolio snapshot (pure; unit-tested without the toolkit). */
public final class PositionRows {
    private static final Comparator<PositionRisk> BY_SYMBOL = Comparator.comparing(r -> r.position().symbol());

    private PositionRows() {
    }

    /** A group of rows: the group's own row (null when a structure has a single position) and its members. */
    public record Group(PositionRow header, List<PositionRow> members) {
    }

    /**
     * Rows of the last build by the snapshot objects they came from: a position or group the engine did not
     * change keeps its row object (no IV solve, no cell update). The view model keeps one per table.
     */
    public static final class Cache {
        private Map<PositionRisk, PositionRow> positions = new IdentityHashMap<>();
        private Map<RiskGroup, PositionRow> headers = new IdentityHashMap<>();
        private Map<PositionRisk, PositionRow> nextPositions = new IdentityHashMap<>();
        private Map<RiskGroup, PositionRow> nextHeaders = new IdentityHashMap<>();
        private Map<RiskGroup, Group> groups = new IdentityHashMap<>();
        private Map<RiskGroup, Group> nextGroups = new IdentityHashMap<>();
        private Grouping grouping;

        PositionRow position(PositionRisk r, Instant now) {
            PositionRow row = positions.get(r);
            if (row == null) {
                row = PositionRows.position(r, now);
            }
            nextPositions.put(r, row);
            return row;
        }

        PositionRow header(RiskGroup g, Grouping grouping, List<PositionRow> members) {
            PositionRow row = headers.get(g);
            if (row == null) {
                row = PositionRows.header(g, grouping, members);
            }
            nextHeaders.put(g, row);
            return row;
        }

        /** The whole group as built last time when the snapshot's group object is the same one (nothing in it moved). */
        Group group(RiskGroup g) {
            Group same = groups.get(g);
            if (same != null) {
                nextGroups.put(g, same);
                for (PositionRow m : same.members()) {
                    nextPositions.put(m.members().getFirst(), m);
                }
                if (same.header() != null) {
                    nextHeaders.put(g, same.header());
                }
            }
            return same;
        }

        void keep(RiskGroup g, Group built) {
            nextGroups.put(g, built);
        }

        void begin(Grouping g) {
            if (g != grouping) {
                headers.clear();
                groups.clear();
                grouping = g;
            }
        }

        void end() {
            positions = nextPositions;
            headers = nextHeaders;
            groups = nextGroups;
            nextPositions = new IdentityHashMap<>();
            nextHeaders = new IdentityHashMap<>();
            nextGroups = new IdentityHashMap<>();
        }
    }

    public static List<Group> build(PortfolioSnapshot s, Grouping grouping, Instant now) {
        return build(s, grouping, now, new Cache());
    }

    public static List<Group> build(PortfolioSnapshot s, Grouping grouping, Instant now, Cache cache) {
        cache.begin(grouping);
        try {
            return buildWith(s, grouping, now, cache);
        } finally {
            cache.end();
        }
    }

    private static List<Group> buildWith(PortfolioSnapshot s, Grouping grouping, Instant now, Cache cache) {
        List<RiskGroup> groups = switch (grouping) {
            case STRUCTURE -> s.byStructure();
            case EXPIRY -> s.byExpiry();
            case UNDERLYING -> s.byUnderlying();
        };
        List<Group> out = new ArrayList<>(groups.size() + 8);
        int inGroups = 0;
        for (RiskGroup g : groups) {
            inGroups += g.members().size();
            Group same = cache.group(g);
            if (same != null) {
                out.add(same);
                continue;
            }
            List<PositionRisk> sorted = new ArrayList<>(g.members());
            sorted.sort(BY_SYMBOL);
            List<PositionRow> members = new ArrayList<>(sorted.size());
            for (PositionRisk r : sorted) {
                members.add(cache.position(r, now));
            }
            Group built = grouping == Grouping.STRUCTURE && g.members().size() == 1 ? new Group(null, members)
                    : new Group(cache.header(g, grouping, members), members);
            cache.keep(g, built);
            out.add(built);
        }
        if (inGroups < s.positions().size()) {
            // Positions in no group (no structure): each alone.
            Set<String> grouped = new java.util.HashSet<>(s.positions().size() * 2);
            groups.forEach(g -> g.members().forEach(m -> grouped.add(m.position().symbol())));
            for (PositionRisk r : s.positions()) {
                if (!grouped.contains(r.position().symbol())) {
                    out.add(new Group(null, List.of(cache.position(r, now))));
                }
            }
        }
        return out;
    }

    static PositionRow position(PositionRisk r, Instant now) {
        Position p = r.position();
        BigDecimal cost = p.averagePrice() == null ? null : p.averagePrice().multiply(p.quantity()).abs();
        double pnlFraction = cost == null || cost.signum() == 0 || r.unrealizedPnl() == null ? Double.NaN
                : r.unrealizedPnl().divide(cost, MathContext.DECIMAL64).doubleValue();
        return new PositionRow(p.symbol(), false, p.symbol(), p.symbol(), p.side(), p.quantity(), p.averagePrice(), p.markPrice(),
                r.unrealizedPnl(), pnlFraction, r.greeks(), new PositionRow.LazyVol(() -> impliedVol(p, now)), r.expiry(), List.of(r));
    }

    private static PositionRow header(RiskGroup g, Grouping grouping, List<PositionRow> members) {
        String label = grouping == Grouping.STRUCTURE ? StructureNames.describe(g.key(), g.members()) : g.key();
        Instant expiry = g.members().stream().map(PositionRisk::expiry).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return new PositionRow("group:" + grouping + ":" + g.key(), true, label, null, null, null, null, null, g.unrealizedPnl(),
                Double.NaN, g.greeks(), PositionRow.LazyVol.none(), expiry, g.members());
    }

    /** IV from the mark by Black–Scholes on the index (the exchange's Greeks do not include it). */
    static double impliedVol(Position p, Instant now) {
        try {
            if (!(InstrumentName.parse(p.symbol()) instanceof InstrumentName.Option o) || p.markPrice() == null || p.indexPrice() == null
                    || p.indexPrice().signum() <= 0) {
                return Double.NaN;
            }
            double years = Duration.between(now, o.expiry()).toMillis() / (365.0 * 24 * 3600 * 1000);
            if (years <= 0) {
                return Double.NaN;
            }
            return ImpliedVolatility.solve(o.type() == OptionType.CALL ? OptionType.CALL : OptionType.PUT, p.markPrice().doubleValue(),
                    p.indexPrice().doubleValue(), o.strike().doubleValue(), years, 0.0).orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
