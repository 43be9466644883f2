package io.coincalltrader.store;

import io.coincalltrader.domain.account.AccountSummary;

import java.math.BigDecimal;
import java.time.Instant;

/** One point of the equity curve: account equity and margin in USD at a time. */
public record AccountSnapshot(Instant time, BigDecimal equity, BigDecimal available, BigDecimal initialMargin,
                              BigDecimal maintenanceMargin, BigDecimal unrealizedPnl) {

    public static AccountSnapshot of(AccountSummary s, Instant time) {
        return new AccountSnapshot(time, s.equity(), s.availableMargin(), s.initialMargin(), s.maintenanceMargin(),
                s.unrealizedPnl());
    }
}
