package io.coincalltrader.domain.rfq;

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
