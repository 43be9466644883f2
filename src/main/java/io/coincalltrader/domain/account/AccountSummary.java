package io.coincalltrader.domain.account;

import java.math.BigDecimal;
import java.util.List;

/** Account-wide equity and margin in USD, with the per-coin balances. Ratios are fractions of equity. */
public record AccountSummary(
        BigDecimal equity,
        BigDecimal availableMargin,
        BigDecimal marginBalance,
        BigDecimal initialMargin,
        BigDecimal maintenanceMargin,
        BigDecimal initialMarginRatio,
        BigDecimal maintenanceMarginRatio,
        BigDecimal unrealizedPnl,
        BigDecimal totalUsdValue,
        List<CoinBalance> coins) {
    public AccountSummary {
        coins = List.copyOf(coins);
    }
}
