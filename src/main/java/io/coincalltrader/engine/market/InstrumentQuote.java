package io.coincalltrader.engine.market;

import io.coincalltrader.domain.instrument.Instrument;

import java.math.BigDecimal;
import java.time.Instant;

/** An instrument with its rules and its prices at one moment: mark, best bid and ask (null when empty), index. */
public record InstrumentQuote(Instrument instrument, BigDecimal mark, BigDecimal bid, BigDecimal ask, BigDecimal index, Instant time) {
}
