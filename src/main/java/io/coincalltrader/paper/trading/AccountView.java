package io.coincalltrader.paper.trading;

import java.math.BigDecimal;

/** The paper account in USD at one moment. */
public record AccountView(BigDecimal cash, BigDecimal equity, BigDecimal unrealizedPnl, BigDecimal initialMargin,
                          BigDecimal maintenanceMargin, BigDecimal available) {
}
