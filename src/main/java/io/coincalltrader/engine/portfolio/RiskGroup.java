package io.coincalltrader.engine.portfolio;

import java.math.BigDecimal;
import java.util.List;

/** A group of positions (a structure, an expiry, an underlying) with its P&L and Greeks totals. */
public record RiskGroup(String key, List<PositionRisk> members, BigDecimal unrealizedPnl, RiskGreeks greeks) {
    public RiskGroup {
        members = List.copyOf(members);
    }
}
