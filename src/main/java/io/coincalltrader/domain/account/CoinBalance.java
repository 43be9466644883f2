package io.coincalltrader.domain.account;

import java.math.BigDecimal;

/** One coin's balances in the account summary. */
public record CoinBalance(String coin, BigDecimal equity, BigDecimal available, BigDecimal cashBalance,
                          BigDecimal initialMargin, BigDecimal maintenanceMargin, BigDecimal unrealizedPnl,
                          BigDecimal usdValue) {
}
