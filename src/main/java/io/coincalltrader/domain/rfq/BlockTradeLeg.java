package io.coincalltrader.domain.rfq;

import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;

/** One executed leg of a block trade, with OUR side. */
public record BlockTradeLeg(String instrumentName, Side side, BigDecimal price, BigDecimal quantity, BigDecimal fee,
                            String tradeId, Long orderId, Double iv, BigDecimal markPrice, BigDecimal indexPrice) {
}
