package io.coincalltrader.engine.portfolio;

import io.coincalltrader.domain.account.Position;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One position with what grouping needs: its coin, its expiry (null for perpetuals and spot), the structure it
 * belongs to (null when ungrouped), its P&L and its Greeks in both units.
 */
public record PositionRisk(Position position, String base, Instant expiry, String structureId, BigDecimal unrealizedPnl,
                           RiskGreeks greeks) {
}
