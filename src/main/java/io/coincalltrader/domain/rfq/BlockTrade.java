package io.coincalltrader.domain.rfq;

import java.time.Instant;
import java.util.List;

/** A filled RFQ: every leg executed atomically at the quote's prices. */
public record BlockTrade(String blockTradeId, String requestId, String quoteId, String role, Instant createTime,
                         List<BlockTradeLeg> legs) {
    public BlockTrade {
        legs = List.copyOf(legs);
    }
}
