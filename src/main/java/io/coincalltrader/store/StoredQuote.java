package io.coincalltrader.store;

import io.coincalltrader.domain.rfq.RfqQuote;

import java.time.Instant;

/** A maker quote as received, and when. */
public record StoredQuote(RfqQuote quote, Instant receivedAt) {
}
