package io.coincalltrader.domain.rfq;

import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;

/** One leg of a maker's quote. The side is the MAKER's side: maker SELL means we would buy that leg. */
public record QuoteLeg(String instrumentName, Side makerSide, BigDecimal price, BigDecimal quantity) {
}
