package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteLadderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String C = "BTCUSD-25DEC26-100000-C";
    private static final String P = "BTCUSD-25DEC26-96000-P";
    private static final List<RfqLeg> BOTH_BOUGHT = List.of(new RfqLeg(C, Side.BUY, BigDecimal.ONE), new RfqLeg(P, Side.BUY, BigDecimal.ONE));

    @Test
    void aStructureWhoseFirstLegIsSoldIsTradedAsRequestedByTheQuoteThatBuysItFromUs() {
        // Sell the call, buy the put (a risk reversal listed short leg first), marked at 100 USD received.
        List<RfqLeg> requested = List.of(new RfqLeg(C, Side.SELL, BigDecimal.ONE), new RfqLeg(P, Side.BUY, BigDecimal.ONE));
        RfqQuote asRequested = new RfqQuote("as", "R1", QuoteState.OPEN, NOW, NOW.plusSeconds(300), List.of(
                new QuoteLeg(C, Side.BUY, new BigDecimal("1580"), BigDecimal.ONE), new QuoteLeg(P, Side.SELL, new BigDecimal("1500"), BigDecimal.ONE)));
        List<QuoteLadder.Row> rows = QuoteLadder.rows(List.of(asRequested), requested, new BigDecimal("-100"), 0, NOW, Duration.ofSeconds(30),
                new BigDecimal("200"));
        // Its own takerDirection() reads SELL from the first leg; for this request it is the structure as asked.
        assertThat(asRequested.takerDirection()).isEqualTo(Side.SELL);
        assertThat(rows.getFirst().ourSide()).isEqualTo(Side.BUY);
        assertThat(rows.getFirst().edgeUsd()).isEqualByComparingTo("-20"); // receives 80 for what is marked 100 received
    }

    /** A maker's two-leg quote; makerBuysFirst means we would sell the structure. */
    private static RfqQuote quote(String id, boolean makerBuysFirst, String callPrice, String putPrice, Instant created) {
        Side first = makerBuysFirst ? Side.BUY : Side.SELL;
        return new RfqQuote(id, "R1", QuoteState.OPEN, created, created.plusSeconds(300), List.of(
                new QuoteLeg(C, first, new BigDecimal(callPrice), BigDecimal.ONE), new QuoteLeg(P, first, new BigDecimal(putPrice), BigDecimal.ONE)));
    }

    @Test
    void edgesAgainstMarkInUsdAndVolPointsBestFirstPerSide() {
        // Buying call + put at mark costs 3,000 USD; the package's vega is 150 USD per vol point.
        List<QuoteLadder.Row> rows = QuoteLadder.rows(List.of(
                quote("ask-wide", false, "1600", "1500", NOW.minusSeconds(2)),
                quote("ask-tight", false, "1520", "1500", NOW.minusSeconds(1)),
                quote("bid", true, "1450", "1450", NOW.minusSeconds(1))), BOTH_BOUGHT, new BigDecimal("3000"), 150, NOW, Duration.ofSeconds(30), new BigDecimal("200"));
        assertThat(rows).extracting(r -> r.quote().quoteId()).containsExactly("ask-tight", "ask-wide", "bid");
        QuoteLadder.Row tight = rows.getFirst();
        assertThat(tight.ourSide()).isEqualTo(Side.BUY);
        assertThat(tight.packageCost()).isEqualByComparingTo("3020");
        assertThat(tight.edgeUsd()).isEqualByComparingTo("-20");
        assertThat(tight.edgeVol()).isCloseTo(-20 / 150.0, org.assertj.core.data.Offset.offset(1e-9));
        QuoteLadder.Row bid = rows.getLast();
        assertThat(bid.ourSide()).isEqualTo(Side.SELL);
        assertThat(bid.edgeUsd()).isEqualByComparingTo("-100"); // we would receive 2,900 for a structure marked 3,000
        assertThat(rows).allMatch(QuoteLadder.Row::hittable);
    }

    @Test
    void staleOutOfBandAndExpiringQuotesCannotBeHitAndSayWhy() {
        RfqQuote old = quote("old", false, "1500", "1500", NOW.minusSeconds(60));
        RfqQuote wide = quote("wide", false, "1800", "1500", NOW);
        RfqQuote ending = new RfqQuote("ending", "R1", QuoteState.OPEN, NOW.minusSeconds(299), NOW.plusMillis(500), old.legs());
        RfqQuote gone = new RfqQuote("gone", "R1", QuoteState.CANCELLED, NOW, NOW.plusSeconds(300), old.legs());
        List<QuoteLadder.Row> rows = QuoteLadder.rows(List.of(old, wide, ending, gone), BOTH_BOUGHT, new BigDecimal("3000"), 0, NOW, Duration.ofSeconds(30),
                new BigDecimal("200"));
        assertThat(rows).hasSize(3);
        assertThat(rows).filteredOn(r -> r.quote().quoteId().equals("old")).singleElement()
                .satisfies(r -> assertThat(r.refusal()).contains("stale"));
        assertThat(rows).filteredOn(r -> r.quote().quoteId().equals("wide")).singleElement()
                .satisfies(r -> assertThat(r.refusal()).contains("price band"));
        assertThat(rows).filteredOn(r -> r.quote().quoteId().equals("ending")).singleElement()
                .satisfies(r -> assertThat(r.refusal()).contains("expires"));
        assertThat(rows).noneMatch(QuoteLadder.Row::hittable);
        assertThat(rows.getFirst().edgeVol()).isNaN();
    }

    @Test
    void aQuoteForAnotherSizeOrWithLegsMixedBothWaysIsNeverOffered() {
        RfqQuote wrongSize = new RfqQuote("size", "R1", QuoteState.OPEN, NOW, NOW.plusSeconds(300), List.of(
                new QuoteLeg(C, Side.SELL, new BigDecimal("1500"), new BigDecimal("2")), new QuoteLeg(P, Side.SELL, new BigDecimal("1500"), BigDecimal.ONE)));
        RfqQuote mixed = new RfqQuote("mixed", "R1", QuoteState.OPEN, NOW, NOW.plusSeconds(300), List.of(
                new QuoteLeg(C, Side.SELL, new BigDecimal("1500"), BigDecimal.ONE), new QuoteLeg(P, Side.BUY, new BigDecimal("1500"), BigDecimal.ONE)));
        RfqQuote good = quote("good", false, "1510", "1500", NOW);
        List<QuoteLadder.Row> rows = QuoteLadder.rows(List.of(wrongSize, mixed, good), BOTH_BOUGHT, new BigDecimal("3000"), 0, NOW,
                Duration.ofSeconds(30), new BigDecimal("200"));
        assertThat(rows).extracting(r -> r.quote().quoteId()).containsExactly("good");
    }
}
