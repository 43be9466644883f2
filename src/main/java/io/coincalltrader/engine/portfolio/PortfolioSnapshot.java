package io.coincalltrader.engine.portfolio;

import io.coincalltrader.domain.account.AccountSummary;

import java.time.Instant;
import java.util.List;

/**
 * An immutable picture of the book: positions, the same grouped by structure, expiry and underlying, and account
 * totals. The account's Greeks are USD sums (coin deltas of BTC and ETH do not add up).
 */
public record PortfolioSnapshot(Instant time, AccountSummary account, List<PositionRisk> positions,
                                List<RiskGroup> byStructure, List<RiskGroup> byExpiry, List<RiskGroup> byUnderlying,
                                RiskGreeks accountGreeks) {
    public PortfolioSnapshot {
        positions = List.copyOf(positions);
        byStructure = List.copyOf(byStructure);
        byExpiry = List.copyOf(byExpiry);
        byUnderlying = List.copyOf(byUnderlying);
    }
}
