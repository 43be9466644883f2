package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.ui.common.Formats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static io.coincalltrader.ui.rfq.RfqSamples.C100;
import static io.coincalltrader.ui.rfq.RfqSamples.T0;
import static io.coincalltrader.ui.rfq.RfqSamples.leg;
import static io.coincalltrader.ui.rfq.RfqSamples.makerLeg;
import static io.coincalltrader.ui.rfq.RfqSamples.quote;
import static io.coincalltrader.ui.rfq.RfqSamples.rfq;
import static org.assertj.core.api.Assertions.assertThat;

class RfqHistoryCsvTest {
    @AfterEach
    void numbersAsUsual() {
        Formats.use(Formats.Style.COMMA_POINT);
    }

    private static String csv(List<StoredRfq> rfqs) throws IOException {
        StringWriter out = new StringWriter();
        RfqHistoryCsv.write(rfqs, out);
        return out.toString();
    }

    @Test
    void aHeaderThenOneRowPerQuoteReceivedAndOneForAnRfqWithoutQuotes() throws IOException {
        StringWriter out = new StringWriter();
        RfqHistoryCsv.Written w = RfqHistoryCsv.write(List.of(RfqSamples.filledSpread(), RfqSamples.unanswered()), out);
        assertThat(w).isEqualTo(new RfqHistoryCsv.Written(2, 3));
        String text = out.toString();
        assertThat(text).startsWith("request_id,rfq_created_utc,structure,rfq_state,package_mark_usd,quote_id,maker,direction,"
                + "package_cost_usd,edge_usd,quote_created_utc,received_utc,quote_state,accepted\r\n").endsWith("\r\n");

        List<List<String>> rows = RfqSamples.parseCsv(text);
        assertThat(rows).hasSize(1 + 3 + 1).allSatisfy(r -> assertThat(r).hasSize(14));
        assertThat(rows.get(1)).containsExactly("R1", "2026-11-29T12:00:00Z", "BUY 1 BTCUSD-27DEC26-100000-C / SELL 1 105000-C", "FILLED", "250",
                "Q1", "71001", "as requested", "253.30", "-3.30", "2026-11-29T12:00:02Z", "2026-11-29T12:00:03Z", "FILLED", "yes");
        assertThat(rows.get(2)).containsSubsequence("Q2", "71002", "reversed", "-240", "-10").endsWith("OPEN", "no");
        assertThat(rows.get(3).get(5)).isEqualTo("Q3");
        assertThat(rows.get(4)).containsExactly("R3", "2026-11-29T12:02:00Z", "BUY 2 BTCUSD-27DEC26-105000-C", "EXPIRED", "100",
                "", "", "", "", "", "", "", "", "");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndReadBackWhole() throws IOException {
        String maker = "Desk \"A\", London\nsecond line";
        StoredRfq odd = rfq("R,7", RfqState.CANCELLED, T0, null, null, null, List.of(leg(C100, Side.BUY, "1")),
                quote("R,7", "Q\"1", maker, QuoteState.CANCELLED, 2, makerLeg(C100, Side.SELL, "420")));
        String text = csv(List.of(odd));
        assertThat(text).contains("\"R,7\"", "\"Q\"\"1\"", "\"Desk \"\"A\"\", London\nsecond line\"");
        List<List<String>> rows = RfqSamples.parseCsv(text);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("R,7").contains("Q\"1", maker);
        assertThat(rows.get(1).get(4)).as("no mark").isEmpty();
        assertThat(rows.get(1).get(9)).as("no edge without a mark").isEmpty();
        assertThat(RfqHistoryCsv.field("plain")).isEqualTo("plain");
        assertThat(RfqHistoryCsv.field("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(RfqHistoryCsv.field(null)).isEmpty();
    }

    @Test
    void amountsArePlainDecimalsWhateverTheScreenShows() throws IOException {
        Formats.use(Formats.Style.POINT_COMMA);
        StoredRfq big = rfq("R8", RfqState.FILLED, T0, "12345.5", "Q1", null, List.of(leg(C100, Side.BUY, "10")),
                quote("R8", "Q1", "71001", QuoteState.FILLED, 2, makerLeg(C100, Side.SELL, "1E+3"), makerLeg(C100, Side.SELL, "1250.25")));
        List<String> row = RfqSamples.parseCsv(csv(List.of(big))).get(1);
        assertThat(row.get(4)).isEqualTo("12345.5");
        assertThat(row.get(8)).isEqualTo("2250.25");
        assertThat(row.get(9)).isEqualTo("10095.25");
        assertThat(row.get(2)).isEqualTo("BUY 10 BTCUSD-27DEC26-100000-C");
    }
}
