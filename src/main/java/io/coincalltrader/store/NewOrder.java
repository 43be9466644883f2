package io.coincalltrader.store;

import io.coincalltrader.domain.order.OrderRequest;

import java.util.Objects;

/** An order about to be sent, with what it is for: a purpose in words and the structure/lifecycle it belongs to. */
public record NewOrder(OrderRequest request, String purpose, String structureId, String lifecycleId) {
    public NewOrder {
        Objects.requireNonNull(request, "request");
    }

    /** A stand-alone order (a manual ticket). */
    public static NewOrder of(OrderRequest request) {
        return new NewOrder(request, null, null, null);
    }
}
