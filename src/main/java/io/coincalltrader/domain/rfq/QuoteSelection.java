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
     * True when accepting this quote trades exactly the structure as requested (see {@link #match}). Makers answer
     * two-way, so half the quotes on an RFQ are for the opposite direction.
     */
    public static boolean tradesAsRequested(List<RfqLeg> intended, RfqQuote quote) {
        return match(intended, quote).orElse(null) == Side.BUY;
    }

    /**
     * How this quote trades the structure requested: {@link Side#BUY} when accepting it gives exactly the legs as
     * requested, {@link Side#SELL} when it gives exactly their reverse, empty when it does neither (another set of
     * instruments, another quantity on a leg, or legs mixed both ways). Nothing that does not match may be accepted.
     */
    public static Optional<Side> match(List<RfqLeg> requested, RfqQuote quote) {
        if (requested.isEmpty() || quote.legs().size() != requested.size()) {
            return Optional.empty();
        }
        Boolean asRequested = null;
        for (RfqLeg leg : requested) {
            QuoteLeg q = quote.legs().stream().filter(l -> l.instrumentName().equals(leg.instrumentName())).findFirst().orElse(null);
            if (q == null || q.quantity().compareTo(leg.quantity()) != 0) {
                return Optional.empty();
            }
            boolean same = q.makerSide() == leg.side().opposite();
            if (asRequested == null) {
                asRequested = same;
            } else if (asRequested != same) {
                return Optional.empty();
            }
        }
        return Optional.of(asRequested ? Side.BUY : Side.SELL);
    }

    /**
     * For showing a quote: how it trades the structure requested, by {@link #match}; a quote that matches neither way
     * (another quantity, legs mixed) is shown by the maker's side on the first requested leg. Not the quote's own
     * {@link RfqQuote#takerDirection()}: that says BUY only when the first leg is one we buy, and a structure whose
     * first leg is sold (a calendar, a spread listed short leg first) would read the wrong way round.
     */
    public static Side direction(List<RfqLeg> requested, RfqQuote quote) {
        return match(requested, quote).orElseGet(() -> {
            if (requested.isEmpty() || quote.legs().isEmpty()) {
                return quote.takerDirection();
            }
            RfqLeg first = requested.getFirst();
            QuoteLeg leg = quote.legs().stream().filter(l -> l.instrumentName().equals(first.instrumentName())).findFirst()
                    .orElse(quote.legs().getFirst());
            return leg.makerSide().opposite() == first.side() ? Side.BUY : Side.SELL;
        });
    }

    /** The open, unexpired quote that costs us least (or pays us most) for the structure as requested. */
    public static Optional<RfqQuote> best(List<RfqLeg> intended, List<RfqQuote> quotes, Instant now) {
        return quotes.stream()
                .filter(q -> q.state() == QuoteState.OPEN)
                .filter(q -> q.expiryTime() == null || q.expiryTime().isAfter(now))
                .filter(q -> tradesAsRequested(intended, q))
                .min(Comparator.comparing(RfqQuote::takerCost));
    }

    /**
     * The price band around a package's mark in USD: a fraction of its gross premium (Σ |mark| × quantity), and at
     * least {@code minPerContract} for every contract in it. A quote worse than mark by more is not taken.
     */
    public static BigDecimal band(BigDecimal grossPremium, BigDecimal contracts, BigDecimal fraction, BigDecimal minPerContract) {
        return grossPremium.multiply(fraction).max(minPerContract.multiply(contracts));
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
