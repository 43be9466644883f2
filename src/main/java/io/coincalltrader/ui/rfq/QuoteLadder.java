package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The RFQ ticket's quote ladder, as data: each open quote with the side we would trade, the package price, its
 * edge against the screen mark in USD and in vol points, its age, and whether it may be hit (not stale, not
 * beyond the price band, not expiring). Best first on each side.
 */
public final class QuoteLadder {
    private QuoteLadder() {
    }

    /**
     * One quote. {@code edgeUsd} is what accepting gains against the mark (positive is better than mark);
     * {@code edgeVol} the same in vol points of the package's vega (NaN without vega).
     */
    public record Row(RfqQuote quote, Side ourSide, BigDecimal packageCost, BigDecimal edgeUsd, double edgeVol, Duration age,
                      boolean stale, boolean outOfBand, boolean expiring) {
        /** Whether the trader may hit it. */
        public boolean hittable() {
            return !stale && !outOfBand && !expiring;
        }

        /** Why it cannot be hit, in words, or null. */
        public String refusal() {
            return expiring ? "expires within a second" : stale ? "older than the stale limit" : outOfBand ? "outside the price band around mark" : null;
        }
    }

    /**
     * @param requested the structure as requested: a row's side is BUY for quotes that trade it, SELL for its reverse
     * @param markCost  the package's cost at mark for the structure as requested (positive when it is paid for)
     * @param vegaUsd   the package's vega in USD per vol point (0 when unknown)
     * @param staleAfter a quote older than this cannot be hit
     * @param bandUsd   a quote worse than mark by more than this cannot be hit
     */
    public static List<Row> rows(List<RfqQuote> quotes, List<RfqLeg> requested, BigDecimal markCost, double vegaUsd, Instant now, Duration staleAfter, BigDecimal bandUsd) {
        List<Row> out = new ArrayList<>();
        for (RfqQuote q : quotes) {
            if (q.state() != QuoteState.OPEN) {
                continue;
            }
            Optional<Side> matched = QuoteSelection.match(requested, q);
            if (matched.isEmpty()) {
                continue; // not the structure asked for (nor its reverse): never offered to the trader
            }
            Side side = matched.get();
            BigDecimal cost = q.takerCost();
            BigDecimal edge = edge(side, cost, markCost);
            double vol = vegaUsd == 0 ? Double.NaN : edge.doubleValue() / Math.abs(vegaUsd);
            Duration age = q.createTime() == null ? Duration.ZERO : Duration.between(q.createTime(), now);
            boolean expiring = q.expiryTime() != null && !q.expiryTime().isAfter(now.plusSeconds(1));
            out.add(new Row(q, side, cost, edge, vol, age, age.compareTo(staleAfter) > 0, edge.negate().compareTo(bandUsd) > 0, expiring));
        }
        out.sort(Comparator.comparing((Row r) -> r.ourSide()).thenComparing(Row::edgeUsd, Comparator.reverseOrder()));
        return out;
    }

    /**
     * What accepting gains against the mark in USD, positive when better than mark. Buying the structure we pay
     * {@code takerCost} for what is marked {@code markCost}; selling it we receive {@code -takerCost} for it.
     *
     * @param ourSide   BUY when accepting gives us the structure {@code markCost} was computed for, SELL for its reverse
     * @param takerCost {@link RfqQuote#takerCost()}: positive when we pay
     * @param markCost  the structure's cost at mark, positive when it is paid for
     */
    public static BigDecimal edge(Side ourSide, BigDecimal takerCost, BigDecimal markCost) {
        return ourSide == Side.BUY ? markCost.subtract(takerCost) : takerCost.negate().subtract(markCost);
    }
}
