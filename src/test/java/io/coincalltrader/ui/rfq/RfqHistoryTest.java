package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.ui.common.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static io.coincalltrader.ui.rfq.RfqSamples.C100;
import static io.coincalltrader.ui.rfq.RfqSamples.C100_FAR;
import static io.coincalltrader.ui.rfq.RfqSamples.C105;
import static io.coincalltrader.ui.rfq.RfqSamples.T0;
import static io.coincalltrader.ui.rfq.RfqSamples.leg;
import static io.coincalltrader.ui.rfq.RfqSamples.makerLeg;
import static io.coincalltrader.ui.rfq.RfqSamples.quote;
import static io.coincalltrader.ui.rfq.RfqSamples.rfq;
import static org.assertj.core.api.Assertions.assertThat;

class RfqHistoryTest {
    @BeforeEach
    void numbersAsUsual() {
        Formats.use(Formats.Style.COMMA_POINT);
    }

    @Test
    void aFilledSpreadCountsDistinctQuotesAndMakersTimesTheFirstQuoteAndNamesThePrice() {
        RfqHistory.Entry e = RfqHistory.entry(RfqSamples.filledSpread());
        assertThat(e.structure()).isEqualTo("BUY 1 BTCUSD-27DEC26-100000-C / SELL 1 105000-C");
        assertThat(e.quotes()).as("Q1 recorded OPEN and FILLED counts once").isEqualTo(3);
        assertThat(e.makers()).isEqualTo(2);
        assertThat(e.timeToFirstQuote()).isEqualTo(Duration.ofSeconds(3));
        // Q1 costs 400 − 146.70 = 253.30 against a 250 mark; Q2 sells the spread for 240; Q3 costs 255.
        assertThat(e.bestEdgeUsd()).isEqualByComparingTo("-3.30");
        assertThat(e.result()).isEqualTo("Filled at 253.30 USD paid (maker 71001)");
    }

    @Test
    void eachQuoteOnceInItsLatestStateWithOurSideCostEdgeAndTheAcceptedMark() {
        List<RfqHistory.QuoteLine> lines = RfqHistory.quotes(RfqSamples.filledSpread());
        assertThat(lines).extracting(RfqHistory.QuoteLine::quoteId).containsExactly("Q1", "Q2", "Q3");
        RfqHistory.QuoteLine q1 = lines.getFirst();
        assertThat(q1.state()).isEqualTo(QuoteState.FILLED);
        assertThat(q1.received()).isEqualTo(T0.plusSeconds(3));
        assertThat(q1.accepted()).isTrue();
        RfqHistory.QuoteLine q2 = lines.get(1);
        assertThat(q2.ourSide()).isEqualTo(Side.SELL);
        assertThat(q2.packageCost()).isEqualByComparingTo("-240");
        assertThat(q2.edgeUsd()).isEqualByComparingTo("-10"); // receiving 240 for a spread marked 250
        assertThat(q2.accepted()).isFalse();
    }

    @Test
    void aSingleCallSentAsBuyHasItsBestEdgeInTheSellDirection() {
        RfqHistory.Entry e = RfqHistory.entry(RfqSamples.singleCall());
        List<RfqHistory.QuoteLine> lines = RfqHistory.quotes(RfqSamples.singleCall());
        assertThat(lines).extracting(RfqHistory.QuoteLine::ourSide).containsExactly(Side.BUY, Side.SELL);
        assertThat(lines).extracting(RfqHistory.QuoteLine::edgeUsd).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("-20"), new BigDecimal("-5")); // buy at 420 vs 400; sell at 395 vs 400
        assertThat(e.bestEdgeUsd()).isEqualByComparingTo("-5");
        assertThat(e.timeToFirstQuote()).isEqualTo(Duration.ofSeconds(2));
        assertThat(e.result()).isEqualTo("Cancelled");
    }

    @Test
    void aStructureRequestedWithItsFirstLegSoldIsMeasuredAgainstTheMarkAsRequested() {
        // A calendar: sell near (mark 1,000), buy far (mark 1,500), so the package is marked 500 paid. The quote that
        // gives exactly this has maker BUY on the first leg, which the exchange reads as "we sell".
        StoredRfq calendar = rfq("R4", RfqState.EXPIRED, T0, "500", null, null,
                List.of(leg(C100, Side.SELL, "1"), leg(C100_FAR, Side.BUY, "1")),
                quote("R4", "Q6", "71003", QuoteState.OPEN, 5, makerLeg(C100, Side.BUY, "990"), makerLeg(C100_FAR, Side.SELL, "1510")),
                quote("R4", "Q7", "71003", QuoteState.OPEN, 5, makerLeg(C100, Side.SELL, "1010"), makerLeg(C100_FAR, Side.BUY, "1480")));
        List<RfqHistory.QuoteLine> lines = RfqHistory.quotes(calendar);
        assertThat(lines.getFirst().ourSide()).as("the structure as requested").isEqualTo(Side.BUY);
        assertThat(lines.getFirst().packageCost()).isEqualByComparingTo("520");
        assertThat(lines.getFirst().edgeUsd()).as("paying 520 for what is marked 500").isEqualByComparingTo("-20");
        assertThat(lines.get(1).packageCost()).isEqualByComparingTo("-470");
        assertThat(lines.get(1).edgeUsd()).as("receiving 470 for the reverse, marked -500").isEqualByComparingTo("-30");
        assertThat(RfqHistory.entry(calendar).structure()).isEqualTo("SELL 1 BTCUSD-27DEC26-100000-C / BUY 1 BTCUSD-26MAR27-100000-C");
        assertThat(RfqHistory.entry(calendar).makers()).isEqualTo(1);
    }

    @Test
    void withoutQuotesOrMarkTheMeasuresAreAbsent() {
        RfqHistory.Entry none = RfqHistory.entry(RfqSamples.unanswered());
        assertThat(none.quotes()).isZero();
        assertThat(none.makers()).isZero();
        assertThat(none.timeToFirstQuote()).isNull();
        assertThat(none.bestEdgeUsd()).isNull();
        assertThat(none.result()).isEqualTo("Expired");

        StoredRfq noMark = rfq("R5", RfqState.TRADED_AWAY, T0, null, null, null, List.of(leg(C100, Side.BUY, "1")),
                quote("R5", "Q8", null, QuoteState.OPEN, 2, makerLeg(C100, Side.SELL, "420")));
        RfqHistory.Entry e = RfqHistory.entry(noMark);
        assertThat(e.bestEdgeUsd()).isNull();
        assertThat(e.quotes()).isEqualTo(1);
        assertThat(e.makers()).as("a quote without a maker id names no maker").isZero();
        assertThat(e.result()).isEqualTo("Traded away");
    }

    @Test
    void resultsInWords() {
        assertThat(result(RfqState.ACTIVE, null, null)).isEqualTo("Active");
        assertThat(result(RfqState.ACTIVE, "Q9", null)).isEqualTo("Accept in doubt");
        assertThat(result(RfqState.CANCELLED, "Q9", null)).as("recovery has not settled it").isEqualTo("Accept in doubt");
        assertThat(result(RfqState.FILLED, null, "{\"blockTradeId\":\"B9\",\"quoteId\":\"Q9\"}"))
                .as("the accepted quote read from the result").isEqualTo("Filled at 1,250.50 USD paid");
        assertThat(result(RfqState.FILLED, null, "{\"blockTradeId\":\"B9\"}")).isEqualTo("Filled");
        assertThat(result(RfqState.FILLED, null, "not json")).isEqualTo("Filled");
        assertThat(result(RfqState.EXPIRED, null, "{\"reason\":\"EXPIRED at the exchange\"}")).isEqualTo("Expired");
    }

    private static String result(RfqState state, String accepted, String resultJson) {
        return RfqHistory.entry(rfq("R9", state, T0, "1200", accepted, resultJson, List.of(leg(C105, Side.BUY, "1")),
                quote("R9", "Q9", null, QuoteState.OPEN, 2, makerLeg(C105, Side.SELL, "1250.50")))).result();
    }

    @Test
    void theStructureShortensRepeatedUnderlyingAndExpiry() {
        assertThat(RfqHistory.structure(List.of(leg(C100, Side.BUY, "0.50"), leg(C105, Side.SELL, "1.0"), leg("BTCUSD-27DEC26-110000-C", Side.BUY, "0.5"))))
                .isEqualTo("BUY 0.5 BTCUSD-27DEC26-100000-C / SELL 1 105000-C / BUY 0.5 110000-C");
    }

    @Test
    void theSummaryHasTheFillRateOverFinishedRfqsAndTheMedianFirstQuote() {
        StoredRfq active = rfq("R6", RfqState.ACTIVE, T0, "100", null, null, List.of(leg(C100, Side.BUY, "1")),
                quote("R6", "Q10", "71001", QuoteState.OPEN, 10, makerLeg(C100, Side.SELL, "101")));
        List<RfqHistory.Entry> entries = RfqHistory.of(List.of(RfqSamples.filledSpread(), RfqSamples.singleCall(), RfqSamples.unanswered(), active));
        assertThat(entries).extracting(RfqHistory.Entry::requestId).containsExactly("R1", "R2", "R3", "R6");
        RfqHistory.Summary s = RfqHistory.summary(entries);
        assertThat(s).isEqualTo(new RfqHistory.Summary(4, 1, 3, Duration.ofSeconds(3))); // waits 3, 2, 10 s
        assertThat(s.text()).isEqualTo("4 RFQs · fill rate 33% (1 of 3 finished) · median first quote 3.0 s");
        assertThat(RfqHistory.summary(entries.subList(0, 2)).medianFirstQuote()).isEqualTo(Duration.ofMillis(2500));
        assertThat(RfqHistory.summary(List.of()).text()).isEqualTo("0 RFQs · fill rate – (0 of 0 finished) · median first quote –");
    }
}
