package io.coincalltrader.paper.rfq;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.paper.PaperError;
import io.coincalltrader.paper.market.PaperMarket;
import io.coincalltrader.paper.trading.PaperLedger;
import io.coincalltrader.paper.trading.PaperTrade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Block trading by RFQ on the paper exchange. Simulated market makers answer each active RFQ after their own
 * delay with two-way quotes (one per direction) around the package's mark, replace them when they expire, and
 * an accepted quote fills every leg at once through the ledger.
 */
public final class RfqDesk {
    public static final BigDecimal MINIMUM_NOTIONAL = new BigDecimal("50000");
    static final Duration QUOTE_LIFETIME = Duration.ofMinutes(5);

    /**
     * A simulated maker: name, account id (what the exchange shows takers as {@code userId}), how long it takes to
     * answer, its half-spread as a fraction of each leg's mark.
     */
    public record Maker(String name, String userId, Duration extraDelay, BigDecimal halfSpread) {
    }

    /** What the desk tells the WebSocket layer. */
    public interface DeskEvents {
        void rfqChanged(PaperRfq rfq);

        void quoteChanged(PaperRfq rfq, PaperRfq.Quote quote);

        void blockTraded(BlockTradeRecord trade);
    }

    /** An executed block trade: the RFQ, the quote and our fills (taker sides). */
    public record BlockTradeRecord(String blockTradeId, String requestId, String quoteId, Instant time, List<PaperTrade> legs) {
    }

    public static final List<Maker> MAKERS = List.of(
            new Maker("Kestrel Capital", "71001", Duration.ZERO, new BigDecimal("0.012")),
            new Maker("Borealis Markets", "71002", Duration.ofMillis(400), new BigDecimal("0.018")),
            new Maker("Tidewater Trading", "71003", Duration.ofMillis(900), new BigDecimal("0.025")));

    private final PaperMarket market;
    private final PaperLedger ledger;
    private final LongSupplier ids;
    private final Duration makerDelay;
    private final Duration rfqLifetime;
    private final Duration quoteRefresh;
    private final DeskEvents events;
    private final Map<String, PaperRfq> rfqs = new LinkedHashMap<>();
    private final List<BlockTradeRecord> blockTrades = new ArrayList<>();

    /** {@code quoteRefresh}: how often a maker replaces its quotes at the market; zero, they stand until they expire. */
    public RfqDesk(PaperMarket market, PaperLedger ledger, LongSupplier ids, Duration makerDelay, Duration rfqLifetime, Duration quoteRefresh,
                   DeskEvents events) {
        this.rfqLifetime = rfqLifetime;
        this.quoteRefresh = quoteRefresh;
        this.market = market;
        this.ledger = ledger;
        this.ids = ids;
        this.makerDelay = makerDelay;
        this.events = events;
    }

    public PaperRfq create(List<PaperRfq.Leg> legs, Instant now) {
        if (legs.isEmpty() || legs.size() > 10) {
            throw new PaperError(10005, "an RFQ takes 1 to 10 legs");
        }
        BigDecimal notional = BigDecimal.ZERO;
        for (PaperRfq.Leg leg : legs) {
            if (market.option(leg.instrumentName()).isEmpty()) {
                throw new PaperError(40034, "option not exist: " + leg.instrumentName());
            }
            if (!leg.side().equals("BUY") && !leg.side().equals("SELL")) {
                throw new PaperError(10005, "leg side must be BUY or SELL");
            }
            if (leg.quantity() == null || leg.quantity().signum() <= 0) {
                throw new PaperError(10005, "leg qty must be positive");
            }
            notional = notional.add(((InstrumentName.Option) InstrumentName.parse(leg.instrumentName())).strike().multiply(leg.quantity()));
        }
        if (notional.compareTo(MINIMUM_NOTIONAL) < 0) {
            throw new PaperError(10005, "RFQ notional " + notional.toPlainString() + " is below the minimum of 50000 USD");
        }
        PaperRfq rfq = new PaperRfq(Long.toString(ids.getAsLong()), legs, now, now.plus(rfqLifetime));
        rfqs.put(rfq.requestId, rfq);
        events.rfqChanged(rfq);
        return rfq;
    }

    /**
     * Makers answer when their delay has passed and replace expired quotes, and, every {@code quoteRefresh}, cancel their
     * quotes and quote again at the market (as Coincall makers re-quote: cancel, then a new quote); RFQs past their
     * life expire.
     */
    public void onTick(Instant now) {
        for (PaperRfq rfq : rfqs.values()) {
            if (!rfq.state.equals("ACTIVE")) {
                continue;
            }
            if (!now.isBefore(rfq.expiryTime)) {
                close(rfq, "EXPIRED", now);
                continue;
            }
            for (PaperRfq.Quote q : rfq.quotes) {
                if (q.state.equals("OPEN") && !now.isBefore(q.expiryTime)) {
                    q.state = "CANCELLED";
                    q.updateTime = now;
                    events.quoteChanged(rfq, q);
                }
            }
            for (Maker maker : MAKERS) {
                boolean due = !now.isBefore(rfq.createTime.plus(makerDelay).plus(maker.extraDelay()));
                List<PaperRfq.Quote> open = rfq.quotes.stream().filter(q -> q.maker.equals(maker.name()) && q.state.equals("OPEN")).toList();
                if (!open.isEmpty() && quoteRefresh.isPositive() && !now.isBefore(open.getFirst().createTime.plus(quoteRefresh))) {
                    for (PaperRfq.Quote q : open) {
                        q.state = "CANCELLED";
                        q.updateTime = now;
                        events.quoteChanged(rfq, q);
                    }
                    open = List.of();
                }
                boolean quoting = !open.isEmpty();
                if (due && !quoting) {
                    quote(rfq, maker, true, now);
                    quote(rfq, maker, false, now);
                }
            }
        }
    }

    /** One direction: {@code asRequested} means the maker takes the other side of every requested leg. */
    private void quote(PaperRfq rfq, Maker maker, boolean asRequested, Instant now) {
        List<PaperRfq.QuoteLeg> legs = new ArrayList<>();
        for (PaperRfq.Leg leg : rfq.legs) {
            boolean takerBuys = leg.side().equals("BUY") == asRequested;
            String makerSide = takerBuys ? "SELL" : "BUY";
            BigDecimal mark = market.mark(leg.instrumentName(), now);
            BigDecimal edge = mark.multiply(maker.halfSpread()).max(PaperMarket.OPTION_TICK);
            BigDecimal price = (takerBuys ? mark.add(edge) : mark.subtract(edge)).max(PaperMarket.OPTION_TICK)
                    .divide(PaperMarket.OPTION_TICK, 0, takerBuys ? RoundingMode.CEILING : RoundingMode.FLOOR).multiply(PaperMarket.OPTION_TICK);
            legs.add(new PaperRfq.QuoteLeg(leg.instrumentName(), makerSide, price, leg.quantity()));
        }
        PaperRfq.Quote q = new PaperRfq.Quote(Long.toString(ids.getAsLong()), maker.name(), maker.userId(), legs, now, now.plus(QUOTE_LIFETIME));
        rfq.quotes.add(q);
        events.quoteChanged(rfq, q);
    }

    public BlockTradeRecord accept(String requestId, String quoteId, Instant now) {
        PaperRfq rfq = rfq(requestId);
        if (!rfq.state.equals("ACTIVE")) {
            throw new PaperError(50014, "RFQ is " + rfq.state);
        }
        PaperRfq.Quote quote = rfq.quotes.stream().filter(q -> q.quoteId.equals(quoteId)).findFirst()
                .orElseThrow(() -> new PaperError(50014, "block trade quote not valid"));
        if (!quote.state.equals("OPEN") || !now.isBefore(quote.expiryTime)) {
            throw new PaperError(50014, "block trade quote not valid");
        }
        String blockTradeId = quote.quoteId;
        List<PaperTrade> fills = new ArrayList<>();
        for (PaperRfq.QuoteLeg leg : quote.legs) {
            int takerSide = leg.side().equals("SELL") ? 1 : 2;
            fills.add(ledger.fillDirect(leg.instrumentName(), takerSide, leg.quantity(), leg.price(), true, now, blockTradeId));
        }
        quote.state = "FILLED";
        quote.updateTime = now;
        events.quoteChanged(rfq, quote);
        for (PaperRfq.Quote other : rfq.quotes) {
            if (other != quote && other.state.equals("OPEN")) {
                other.state = "CANCELLED";
                other.updateTime = now;
                events.quoteChanged(rfq, other);
            }
        }
        rfq.state = "FILLED";
        rfq.updateTime = now;
        events.rfqChanged(rfq);
        BlockTradeRecord record = new BlockTradeRecord(blockTradeId, requestId, quoteId, now, fills);
        blockTrades.add(record);
        events.blockTraded(record);
        return record;
    }

    public void cancel(String requestId, Instant now) {
        PaperRfq rfq = rfq(requestId);
        if (!rfq.state.equals("ACTIVE")) {
            throw new PaperError(50014, "RFQ is " + rfq.state);
        }
        close(rfq, "CANCELLED", now);
    }

    private void close(PaperRfq rfq, String state, Instant now) {
        rfq.state = state;
        rfq.updateTime = now;
        for (PaperRfq.Quote q : rfq.quotes) {
            if (q.state.equals("OPEN")) {
                q.state = "CANCELLED";
                q.updateTime = now;
                events.quoteChanged(rfq, q);
            }
        }
        events.rfqChanged(rfq);
    }

    public PaperRfq rfq(String requestId) {
        PaperRfq rfq = requestId == null ? null : rfqs.get(requestId);
        if (rfq == null) {
            throw new PaperError(10005, "RFQ does not exist");
        }
        return rfq;
    }

    public Optional<PaperRfq> find(String requestId) {
        return Optional.ofNullable(rfqs.get(requestId));
    }

    public List<PaperRfq> all() {
        return List.copyOf(rfqs.values());
    }

    public List<BlockTradeRecord> blockTrades() {
        return List.copyOf(blockTrades);
    }
}
