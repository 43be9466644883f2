package io.coincalltrader.domain.rfq;

import io.coincalltrader.domain.order.Side;

import java.util.List;

/** A quote we make on someone's RFQ (market-maker accounts only). */
public record MakerQuoteRequest(String requestId, Side quoteSide, List<QuoteLeg> legs) {
    public MakerQuoteRequest {
        legs = List.copyOf(legs);
    }
}
