package io.coincalltrader.domain.rfq;

import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A maker's quote on one of our RFQs. {@code maker} is the maker's account id as the exchange reports it
 * ({@code userId}), null when not given.
 */
public record RfqQuote(String quoteId, String requestId, QuoteState state, Instant createTime, Instant expiryTime,
                       List<QuoteLeg> legs, String maker) {
    public RfqQuote {
        legs = List.copyOf(legs);
    }

    public RfqQuote(String quoteId, String requestId, QuoteState state, Instant createTime, Instant expiryTime, List<QuoteLeg> legs) {
        this(quoteId, requestId, state, createTime, expiryTime, legs, null);
    }

    /**
     * Our direction if we accept, read from the first leg as the exchange does: maker SELL on the first leg means
     * we buy the structure.
     */
    public Side takerDirection() {
        return legs.isEmpty() ? Side.BUY : legs.getFirst().makerSide().opposite();
    }

    /**
     * What accepting costs us in USD for the whole package: positive when we pay, negative when we receive.
     * Each leg counts price × quantity, paid where the maker sells and received where the maker buys.
     */
    public BigDecimal takerCost() {
        BigDecimal total = BigDecimal.ZERO;
        for (QuoteLeg leg : legs) {
            BigDecimal amount = leg.price().multiply(leg.quantity());
            total = leg.makerSide() == Side.SELL ? total.add(amount) : total.subtract(amount);
        }
        return total;
    }
}
