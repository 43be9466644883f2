package io.coincalltrader.store;

import io.coincalltrader.domain.order.Fill;
import io.coincalltrader.domain.order.ProductType;

import java.time.Instant;

/** A fill as recorded, with its product line, where it came from and when we recorded it. */
public record StoredFill(Fill fill, ProductType product, FillSource source, Instant recordedAt) {
}
