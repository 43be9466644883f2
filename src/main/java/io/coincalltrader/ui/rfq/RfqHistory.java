package io.coincalltrader.ui.rfq;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.domain.rfq.QuoteSelection;
import io.coincalltrader.domain.rfq.QuoteState;
import io.coincalltrader.domain.rfq.Rfq;
import io.coincalltrader.domain.rfq.RfqLeg;
import io.coincalltrader.domain.rfq.RfqQuote;
import io.coincalltrader.domain.rfq.RfqState;
import io.coincalltrader.store.StoredQuote;
import io.coincalltrader.store.StoredRfq;
import io.coincalltrader.ui.common.Formats;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The RFQ history, as data: per RFQ its structure in words, how many quotes and makers answered, how soon, the best
 * edge against the package mark and the outcome; per quote its side, cost, edge and state. Pure Java, no toolkit.
 */
public final class RfqHistory {
    private RfqHistory() {
    }

    /**
     * One RFQ.
     *
     * @param quotes           distinct quotes received (a quote recorded in several states counts once)
     * @param makers           distinct makers among them (quotes without a maker id are not counted)
     * @param timeToFirstQuote from the RFQ's creation to the first quote received; null without quotes
     * @param bestEdgeUsd      the best edge against the package mark over every quote received, either direction;
     *                         null without a recorded mark or without quotes
     * @param result           the outcome in words: "Filled at 253.30 USD paid (maker 71001)", "Cancelled", "Accept in doubt"…
     */
    public record Entry(StoredRfq stored, String structure, int quotes, int makers, Duration timeToFirstQuote,
                        BigDecimal bestEdgeUsd, String result) {
        public String requestId() {
            return stored.rfq().requestId();
        }
    }

    /**
     * One quote as received: its first record's time and prices, its latest recorded state.
     *
     * @param ourSide     BUY when accepting trades the structure as requested, SELL when it trades the reverse
     * @param packageCost what accepting costs for the whole package in USD, positive when we pay
     * @param edgeUsd     gain against the package mark in USD, positive is better than mark; null without a mark
     * @param accepted    the quote we accepted (or sent an accept for)
     */
    public record QuoteLine(String quoteId, String maker, Side ourSide, BigDecimal packageCost, BigDecimal edgeUsd,
                            Instant created, Instant received, QuoteState state, boolean accepted) {
    }

    /** Totals for the toolbar: fill rate over finished RFQs, median time to the first quote. */
    public record Summary(int rfqs, int filled, int finished, Duration medianFirstQuote) {
        public String text() {
            String rate = finished == 0 ? Formats.DASH : Math.round(100.0 * filled / finished) + "%";
            return rfqs + (rfqs == 1 ? " RFQ" : " RFQs") + " · fill rate " + rate + " (" + filled + " of " + finished + " finished)"
                    + " · median first quote " + (medianFirstQuote == null ? Formats.DASH : seconds(medianFirstQuote) + " s");
        }
    }

    /** The entries of these RFQs, in the same order. */
    public static List<Entry> of(List<StoredRfq> rfqs) {
        return rfqs.stream().map(RfqHistory::entry).toList();
    }

    public static Entry entry(StoredRfq s) {
        List<QuoteLine> lines = quotes(s);
        long makers = lines.stream().map(QuoteLine::maker).filter(Objects::nonNull).distinct().count();
        Instant first = s.quotes().stream().map(StoredQuote::receivedAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        Instant created = s.rfq().createTime();
        // received_at is our clock, createTime the exchange's: a little skew must not show as a negative wait.
        Duration wait = first == null || created == null ? null : Duration.between(created, first).isNegative() ? Duration.ZERO
                : Duration.between(created, first);
        BigDecimal best = lines.stream().map(QuoteLine::edgeUsd).filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(null);
        return new Entry(s, structure(s.rfq().legs()), lines.size(), (int) makers, wait, best, result(s, lines));
    }

    /** Each quote received on this RFQ once, in the order first received. */
    public static List<QuoteLine> quotes(StoredRfq s) {
        Map<String, List<StoredQuote>> byId = new LinkedHashMap<>();
        for (StoredQuote q : s.quotes()) {
            byId.computeIfAbsent(q.quote().quoteId(), k -> new ArrayList<>()).add(q);
        }
        String accepted = acceptedQuoteId(s);
        List<QuoteLine> lines = new ArrayList<>(byId.size());
        for (List<StoredQuote> records : byId.values()) {
            RfqQuote q = records.getFirst().quote();
            String maker = records.stream().map(r -> r.quote().maker()).filter(Objects::nonNull).findFirst().orElse(null);
            BigDecimal cost = q.takerCost();
            BigDecimal edge = s.packageMark() == null ? null : QuoteLadder.edge(asRequested(s.rfq(), q), cost, s.packageMark());
            lines.add(new QuoteLine(q.quoteId(), maker, asRequested(s.rfq(), q), cost, edge, q.createTime(), records.getFirst().receivedAt(),
                    records.getLast().quote().state(), q.quoteId().equals(accepted)));
        }
        return lines;
    }

    /**
     * Whether accepting gives us the structure as requested (BUY) or its reverse (SELL). This is the quote's
     * {@link RfqQuote#takerDirection()} when the first requested leg is bought, and its opposite when it is sold
     * (a calendar sold near, bought far): the mark was taken for the structure as requested.
     */
    static Side asRequested(Rfq rfq, RfqQuote q) {
        return QuoteSelection.direction(rfq.legs(), q);
    }

    /** The quote we accepted: the recorded intent, else the quote id in the recorded result; null if none. */
    static String acceptedQuoteId(StoredRfq s) {
        if (s.acceptedQuoteId() != null || s.resultJson() == null) {
            return s.acceptedQuoteId();
        }
        try {
            JsonElement e = JsonParser.parseString(s.resultJson());
            JsonElement id = e.isJsonObject() ? e.getAsJsonObject().get("quoteId") : null;
            return id == null || id.isJsonNull() ? null : id.getAsString();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The legs in words, instruments after the first shortened to strike and type when underlying and expiry repeat. */
    public static String structure(List<RfqLeg> legs) {
        StringBuilder b = new StringBuilder();
        String previousPrefix = null;
        for (RfqLeg leg : legs) {
            String name = leg.instrumentName();
            int second = name.indexOf('-', name.indexOf('-') + 1);
            String prefix = second < 0 ? null : name.substring(0, second);
            String shown = prefix != null && prefix.equals(previousPrefix) ? name.substring(second + 1) : name;
            previousPrefix = prefix;
            if (!b.isEmpty()) {
                b.append(" / ");
            }
            b.append(leg.side().name()).append(' ').append(Formats.size(leg.quantity())).append(' ').append(shown);
        }
        return b.toString();
    }

    private static String result(StoredRfq s, List<QuoteLine> lines) {
        RfqState state = s.rfq().state();
        if (s.acceptOutcomeUnknown() && state != RfqState.FILLED) {
            return "Accept in doubt";
        }
        return switch (state) {
            case FILLED -> lines.stream().filter(QuoteLine::accepted).findFirst()
                    .map(q -> "Filled at " + Formats.number(q.packageCost().abs(), 2) + " USD " + (q.packageCost().signum() < 0 ? "received" : "paid")
                            + (q.maker() == null ? "" : " (maker " + q.maker() + ")"))
                    .orElse("Filled");
            case CANCELLED -> "Cancelled";
            case EXPIRED -> "Expired";
            case TRADED_AWAY -> "Traded away";
            case ACTIVE -> "Active";
        };
    }

    public static Summary summary(List<Entry> entries) {
        int filled = 0;
        int finished = 0;
        List<Duration> waits = new ArrayList<>();
        for (Entry e : entries) {
            RfqState state = e.stored().rfq().state();
            filled += state == RfqState.FILLED ? 1 : 0;
            finished += state.isTerminal() ? 1 : 0;
            if (e.timeToFirstQuote() != null) {
                waits.add(e.timeToFirstQuote());
            }
        }
        waits.sort(Duration::compareTo);
        int n = waits.size();
        Duration median = n == 0 ? null : n % 2 == 1 ? waits.get(n / 2) : waits.get(n / 2 - 1).plus(waits.get(n / 2)).dividedBy(2);
        return new Summary(entries.size(), filled, finished, median);
    }

    /** Seconds with one decimal, or a dash. */
    public static String seconds(Duration d) {
        return d == null ? Formats.DASH : Formats.number(d.toMillis() / 1000.0, 1);
    }
}
