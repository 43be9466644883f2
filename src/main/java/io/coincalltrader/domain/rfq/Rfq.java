package io.coincalltrader.domain.rfq;

import java.time.Instant;
import java.util.List;

/** A request for quote as the exchange reports it; ids are strings as the RFQ endpoints return them. */
public record Rfq(String requestId, RfqState state, Instant createTime, Instant expiryTime, List<RfqLeg> legs) {
    public Rfq {
        legs = List.copyOf(legs);
    }
}
