package io.coincalltrader.engine.market;

import io.coincalltrader.domain.market.FuturesTicker;
import io.coincalltrader.domain.market.OptionChain;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.engine.common.Listeners;
import io.coincalltrader.engine.common.Subscription;
import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.MarketDataGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The latest index prices and option quotes, each with the time it arrived. Pushes (the WebSocket feed) and polls
 * (the fallback, on an I/O executor) both land in {@link #acceptIndex} and {@link #acceptQuote}; a value is only
 * replaced by a newer one. Listeners get every accepted value; prices may be conflated downstream.
 */
public final class MarketDataService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MarketDataService.class);

    private final MarketDataGateway market;
    private final ScheduledExecutorService io;
    private final Clock clock;
    private final Map<String, Timed<BigDecimal>> indexByCoin = new ConcurrentHashMap<>();
    private final Map<String, Timed<OptionQuote>> quotes = new ConcurrentHashMap<>();
    private final Set<ChainKey> watchedChains = ConcurrentHashMap.newKeySet();
    private final Listeners<OptionQuote> quoteListeners = new Listeners<>("option quotes");
    private final Listeners<Map.Entry<String, BigDecimal>> indexListeners = new Listeners<>("index prices");
    private volatile ScheduledFuture<?> poller;

    /** An option chain to keep fresh: index (BTCUSD) and expiry. */
    public record ChainKey(String index, Instant expiry) {
    }

    public MarketDataService(MarketDataGateway market, ScheduledExecutorService io, Clock clock) {
        this.market = market;
        this.io = io;
        this.clock = clock;
    }

    public Subscription onQuote(Consumer<OptionQuote> listener) {
        return quoteListeners.add(listener);
    }

    public Subscription onIndex(Consumer<Map.Entry<String, BigDecimal>> listener) {
        return indexListeners.add(listener);
    }

    /** Keeps this chain's quotes fresh by polling (until the WebSocket feed takes over). */
    public Subscription watchChain(String index, Instant expiry) {
        ChainKey key = new ChainKey(index, expiry);
        watchedChains.add(key);
        return () -> watchedChains.remove(key);
    }

    /** Starts the polling fallback. */
    public void startPolling(Duration interval) {
        poller = io.scheduleWithFixedDelay(this::pollOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round of polls: index prices, then each watched chain. Failures are logged; the next round retries. */
    public void pollOnce() {
        try {
            for (FuturesTicker t : market.futuresTickers()) {
                if (t.indexPrice() != null && t.symbol().endsWith("USD")) {
                    acceptIndex(t.symbol().substring(0, t.symbol().length() - 3), t.indexPrice(), clock.instant());
                }
            }
            for (ChainKey key : watchedChains) {
                OptionChain chain = market.optionChain(key.index(), key.expiry());
                Instant now = clock.instant();
                for (OptionQuote q : chain.options()) {
                    acceptQuote(q, now);
                }
            }
        } catch (ExchangeException e) {
            log.warn("market data poll failed: {}", e.traderMessage());
        } catch (RuntimeException e) {
            log.error("market data poll failed", e);
        }
    }

    /** Records an index price unless a newer one is already held. */
    public void acceptIndex(String coin, BigDecimal price, Instant at) {
        Timed<BigDecimal> merged = indexByCoin.merge(coin, new Timed<>(price, at),
                (old, neu) -> neu.receivedAt().isBefore(old.receivedAt()) ? old : neu);
        if (merged.receivedAt().equals(at)) {
            indexListeners.publish(Map.entry(coin, price));
        }
    }

    /** Records an option quote unless a newer one is already held. */
    public void acceptQuote(OptionQuote quote, Instant at) {
        Timed<OptionQuote> merged = quotes.merge(quote.symbol(), new Timed<>(quote, at),
                (old, neu) -> neu.receivedAt().isBefore(old.receivedAt()) ? old : neu);
        if (merged.receivedAt().equals(at) && merged.value() == quote) {
            quoteListeners.publish(quote);
        }
    }

    public Optional<Timed<BigDecimal>> index(String coin) {
        return Optional.ofNullable(indexByCoin.get(coin));
    }

    public Optional<Timed<OptionQuote>> quote(String symbol) {
        return Optional.ofNullable(quotes.get(symbol));
    }

    /** The latest index price per coin, for converting Greeks to USD. */
    public Map<String, BigDecimal> indexPrices() {
        Map<String, BigDecimal> out = new HashMap<>();
        indexByCoin.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    @Override
    public void close() {
        ScheduledFuture<?> p = poller;
        if (p != null) {
            p.cancel(false);
        }
    }
}
