package io.coincalltrader.engine.risk;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.order.OrderRequest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the checks need to judge one order: the instrument's rules, its mark and when that mark was seen, the
 * index price (option notional is size × index), the margin this order would take and the margin available.
 */
public record OrderContext(OrderRequest request, Instrument instrument, BigDecimal mark, Instant markTime,
                           BigDecimal indexPrice, BigDecimal requiredMargin, BigDecimal availableMargin) {
}
