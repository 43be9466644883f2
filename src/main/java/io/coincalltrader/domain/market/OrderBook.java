package io.coincalltrader.domain.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A snapshot of an order book: bids best (highest) first, asks best (lowest) first. */
public record OrderBook(String symbol, List<BookLevel> bids, List<BookLevel> asks, Instant time) {
    public OrderBook {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    public Optional<BookLevel> bestBid() {
        return bids.isEmpty() ? Optional.empty() : Optional.of(bids.getFirst());
    }

    public Optional<BookLevel> bestAsk() {
        return asks.isEmpty() ? Optional.empty() : Optional.of(asks.getFirst());
    }

    /** Mid of the best bid and ask, when both exist. */
    public Optional<BigDecimal> mid() {
        if (bids.isEmpty() || asks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bids.getFirst().price().add(asks.getFirst().price()).divide(BigDecimal.TWO));
    }
}
