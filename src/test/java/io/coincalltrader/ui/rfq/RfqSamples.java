package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteLeg;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.store.StoredQuote;
import io.coincalltrader.store.StoredRfq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stored RFQs for the history tests, and a small RFC 4180 reader to check the CSV with. */
final class RfqSamples {
    static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    static final String C100 = "BTCUSD-27DEC26-100000-C";
    static final String C105 = "BTCUSD-27DEC26-105000-C";
    static final String C100_FAR = "BTCUSD-26MAR27-100000-C";

    private RfqSamples() {
    }

    static RfqLeg leg(String instrument, Side side, String qty) {
        return new RfqLeg(instrument, side, new BigDecimal(qty));
    }

    static QuoteLeg makerLeg(String instrument, Side makerSide, String price) {
        return new QuoteLeg(instrument, makerSide, new BigDecimal(price), BigDecimal.ONE);
    }

    static StoredQuote quote(String requestId, String quoteId, String maker, QuoteState state, int receivedAfterSeconds, QuoteLeg... legs) {
        return new StoredQuote(new RfqQuote(quoteId, requestId, state, T0.plusSeconds(receivedAfterSeconds - 1),
                T0.plusSeconds(300), List.of(legs), maker), T0.plusSeconds(receivedAfterSeconds));
    }

    static StoredRfq rfq(String id, RfqState state, Instant created, String mark, String acceptedQuoteId, String resultJson,
                         List<RfqLeg> legs, StoredQuote... quotes) {
        return new StoredRfq(new Rfq(id, state, created, created.plusSeconds(3600), legs), mark == null ? null : new BigDecimal(mark),
                acceptedQuoteId, acceptedQuoteId == null ? null : created.plusSeconds(10), resultJson, List.of(quotes), null);
    }

    /**
     * A bought call spread marked at 250 USD, filled on maker 71001's 253.30 quote (recorded OPEN then FILLED), with a
     * two-way answer from maker 71002 and a later requote from 71001.
     */
    static StoredRfq filledSpread() {
        return rfq("R1", RfqState.FILLED, T0, "250", "Q1", "{\"blockTradeId\":\"B1\",\"quoteId\":\"Q1\"}",
                List.of(leg(C100, Side.BUY, "1"), leg(C105, Side.SELL, "1")),
                quote("R1", "Q1", "71001", QuoteState.OPEN, 3, makerLeg(C100, Side.SELL, "400"), makerLeg(C105, Side.BUY, "146.70")),
                quote("R1", "Q2", "71002", QuoteState.OPEN, 4, makerLeg(C100, Side.BUY, "390"), makerLeg(C105, Side.SELL, "150")),
                quote("R1", "Q3", "71001", QuoteState.OPEN, 8, makerLeg(C100, Side.SELL, "405"), makerLeg(C105, Side.BUY, "150")),
                quote("R1", "Q1", "71001", QuoteState.FILLED, 11, makerLeg(C100, Side.SELL, "400"), makerLeg(C105, Side.BUY, "146.70")));
    }

    /** One call sent as BUY (marked 400), cancelled; the sell-direction quote is the better one. */
    static StoredRfq singleCall() {
        return rfq("R2", RfqState.CANCELLED, T0.plusSeconds(60), "400", null, "{\"reason\":\"no usable quote\"}",
                List.of(leg(C100, Side.BUY, "1")),
                quote("R2", "Q4", "71001", QuoteState.OPEN, 62, makerLeg(C100, Side.SELL, "420")),
                quote("R2", "Q5", "71002", QuoteState.OPEN, 65, makerLeg(C100, Side.BUY, "395")));
    }

    /** An RFQ no maker answered. */
    static StoredRfq unanswered() {
        return rfq("R3", RfqState.EXPIRED, T0.plusSeconds(120), "100", null, null, List.of(leg(C105, Side.BUY, "2")));
    }

    /** Splits RFC 4180 text into records of fields. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        if (!row.isEmpty() || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
