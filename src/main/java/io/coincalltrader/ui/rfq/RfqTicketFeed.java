package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.FuturesTicker;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.MarketDataGateway;
import io.coincalltrader.exchange.ProductRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads what the RFQ ticket prices from, off the FX thread: the listed strikes of one coin (once a minute), the
 * option chain of the expiries in use, the index and the perpetual's mark (every two seconds, or at once when the
 * ticket needs another expiry). Each read is handed on as one {@link RfqTicketViewModel.Market}.
 */
public final class RfqTicketFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RfqTicketFeed.class);
    private static final Duration LISTINGS_EVERY = Duration.ofMinutes(1);

    private final MarketDataGateway market;
    private final Clock clock;
    private final Consumer<RfqTicketViewModel.Market> out;
    private final Consumer<String> problems;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String base = "BTC";
    private volatile Set<LocalDate> wanted = Set.of();
    private volatile Thread loop;
    private volatile boolean closed;
    private volatile boolean hedgeWanted;
    private final java.util.function.Function<String, java.util.Optional<BigDecimal>> index;
    private Map<LocalDate, List<BigDecimal>> strikes = Map.of();
    private BigDecimal optionStep;
    private BigDecimal optionMin;
    private Instant listingsRead = Instant.EPOCH;
    private String listingsBase = "";
    private Map<String, ProductRules> futuresRules = Map.of();
    private final Map<String, OptionQuote> chain = new HashMap<>();

    /**
     * @param index the coin's index price as the session already follows it (no extra request for it), empty if
     *              not known yet (then it is read)
     */
    public RfqTicketFeed(MarketDataGateway market, java.util.function.Function<String, java.util.Optional<BigDecimal>> index, Clock clock,
                         Consumer<RfqTicketViewModel.Market> out, Consumer<String> problems) {
        this.index = index;
        this.market = market;
        this.clock = clock;
        this.out = out;
        this.problems = problems;
    }

    /**
     * Reads every {@code every} on its own virtual thread: a read waiting for the rate limiter holds no session I/O
     * thread, and the ticket's marks do not wait behind session work that does.
     */
    public void start(Duration every) {
        loop = Thread.ofVirtual().name("rfq-ticket-feed").start(() -> {
            while (!closed) {
                readOnce();
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /**
     * The coin, the expiries the ticket shows and whether it hedges (the perpetual's mark is read only then); a change
     * is read at once. Each read costs one public request per expiry (plus one for the perpetual): the exchange
     * allows ten every two seconds and the session's own polls share them.
     */
    public void want(String coin, Set<LocalDate> expiries, boolean hedge) {
        boolean changed = !coin.equals(base) || !expiries.equals(wanted) || hedge != hedgeWanted;
        hedgeWanted = hedge;
        base = coin;
        wanted = Set.copyOf(expiries);
        if (changed && !closed) {
            Thread.ofVirtual().name("rfq-ticket-feed").start(this::readOnce);
        }
    }

    private void readOnce() {
        if (closed || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            read();
        } catch (ExchangeException e) {
            problems.accept("Market data not read: " + e.traderMessage());
        } catch (RuntimeException e) {
            log.warn("RFQ ticket market read failed", e);
            problems.accept("Market data not read: " + e.getMessage());
        } finally {
            running.set(false);
        }
    }

    private void read() {
        String coin = base;
        Instant now = clock.instant();
        if (!coin.equals(listingsBase) || Duration.between(listingsRead, now).compareTo(LISTINGS_EVERY) >= 0) {
            Map<LocalDate, TreeSet<BigDecimal>> byExpiry = new TreeMap<>();
            BigDecimal step = null;
            BigDecimal min = null;
            for (Instrument.Option o : market.optionInstruments(coin)) {
                if (!o.name().expiry().isAfter(now)) {
                    continue;
                }
                byExpiry.computeIfAbsent(o.name().expiryDate(), x -> new TreeSet<>()).add(o.name().strike());
                step = o.spec().lotSize();
                min = o.spec().minSize();
            }
            Map<LocalDate, List<BigDecimal>> s = new TreeMap<>();
            byExpiry.forEach((k, v) -> s.put(k, List.copyOf(v)));
            strikes = s;
            optionStep = step;
            optionMin = min;
            futuresRules = market.futuresRules();
            listingsRead = now;
            if (!coin.equals(listingsBase)) {
                chain.clear();
            }
            listingsBase = coin;
        }
        Set<LocalDate> expiries = new TreeSet<>(wanted);
        if (expiries.isEmpty() && !strikes.isEmpty()) {
            expiries.add(strikes.keySet().iterator().next());
            if (strikes.size() > 1) {
                expiries.add(strikes.keySet().stream().skip(1).findFirst().orElseThrow());
            }
        }
        for (LocalDate e : expiries) {
            if (strikes.containsKey(e)) {
                InstrumentName.Option probe = InstrumentName.Option.of(coin, e, BigDecimal.ONE, OptionType.CALL);
                market.optionChain(coin + "USD", probe.expiry()).options().forEach(q -> chain.put(q.symbol(), q));
            }
        }
        BigDecimal spot = index.apply(coin).orElseGet(() -> market.indexPrice(coin + "USD"));
        // The perpetual and the dated futures of the coin, by name (read only while the ticket hedges).
        Map<String, BigDecimal> hedgeMarks = new TreeMap<>();
        if (hedgeWanted) {
            for (FuturesTicker t : market.futuresTickers()) {
                if (t.markPrice() != null && InstrumentName.parse(t.symbol()) instanceof InstrumentName.Future f && f.base().equals(coin)) {
                    hedgeMarks.put(t.symbol(), t.markPrice());
                }
            }
        }
        ProductRules rules = futuresRules.get(coin + "USD");
        out.accept(new RfqTicketViewModel.Market(coin, strikes, Map.copyOf(chain), spot, Map.copyOf(hedgeMarks), optionStep, optionMin,
                rules == null ? null : rules.quantityStep(), rules == null ? null : rules.minQuantity(), clock.instant()));
    }

    @Override
    public void close() {
        closed = true;
        Thread t = loop;
        if (t != null) {
            t.interrupt();
        }
    }
}
