package io.coincalltrader.domain.order;

import java.util.List;

/** One page of a cursor- or page-numbered listing, and whether more exist. */
public record Page<T>(List<T> items, boolean hasNext, int total) {
    public Page {
        items = List.copyOf(items);
    }
}
