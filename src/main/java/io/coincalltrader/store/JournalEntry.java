package io.coincalltrader.store;

import java.time.Instant;

/** One row of the append-only journal: what happened, why, to what, in words, with JSON detail. */
public record JournalEntry(long id, Instant time, String kind, Cause cause, String subject, String message,
                           String detailJson) {
}
