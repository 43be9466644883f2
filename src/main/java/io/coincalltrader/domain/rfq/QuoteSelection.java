package io.coincalltrader.domain.rfq;

import io.coincalltrader.domain.order.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks quotes that trade a structure the way we asked for it, and the best of them. */
public final class QuoteSelection {
    /** The exchange's RFQ minimum: Σ strike × quantity of the legs, in USD. */
    public static final BigDecimal MINIMUM_NOTIONAL_USD = new BigDecimal("50000");

    private QuoteSelection() {
    }

    /**
     * True when accepting this quote trades every leg on the side we asked for: the maker takes the other side of
     * each leg. Makers answer two-way, so half the quotes on an RFQ are for the opposite direction.
     */
    public static boolean tradesAsRequested(List<RfqLeg> intended, RfqQuote quote) {
        if (quote.legs().isEmpty() || intended.isEmpty()) {
            return false;
        }
        for (RfqLeg leg : intended) {
            QuoteLeg match = quote.legs().stream().filter(q -> q.instrumentName().equals(leg.instrumentName())).findFirst().orElse(null);
            if (match == null || match.makerSide() != leg.side().opposite()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether accepting this quote gives us the structure as requested ({@link Side#BUY}) or its reverse
     * ({@link Side#SELL}), read from the maker's side on the first requested leg. Not the quote's own
     * {@link RfqQuote#takerDirection()}: that says BUY only when the first leg is one we buy, and a structure whose
     * first leg is sold (a calendar, a spread listed short leg first) would be taken the wrong way round.
     */
    public static Side direction(List<RfqLeg> requested, RfqQuote quote) {
        if (requested.isEmpty() || quote.legs().isEmpty()) {
            return quote.takerDirection();
        }
        RfqLeg first = requested.getFirst();
        QuoteLeg match = quote.legs().stream().filter(l -> l.instrumentName().equals(first.instrumentName())).findFirst()
                .orElse(quote.legs().getFirst());
        return match.makerSide().opposite() == first.side() ? Side.BUY : Side.SELL;
    }

    /** The open, unexpired quote that costs us least (or pays us most) for the structure as requested. */
    public static Optional<RfqQuote> best(List<RfqLeg> intended, List<RfqQuote> quotes, Instant now) {
        return quotes.stream()
                .filter(q -> q.state() == QuoteState.OPEN)
                .filter(q -> q.expiryTime() == null || q.expiryTime().isAfter(now))
                .filter(q -> tradesAsRequested(intended, q))
                .min(Comparator.comparing(RfqQuote::takerCost));
    }

    /** Σ strike × quantity over option legs, the figure the exchange's RFQ minimum applies to. */
    public static BigDecimal strikeNotional(List<RfqLeg> legs) {
        BigDecimal total = BigDecimal.ZERO;
        for (RfqLeg leg : legs) {
            if (io.coincalltrader.domain.instrument.InstrumentName.parse(leg.instrumentName())
                    instanceof io.coincalltrader.domain.instrument.InstrumentName.Option option) {
                total = total.add(option.strike().multiply(leg.quantity()));
            }
        }
        return total;
    }
}
