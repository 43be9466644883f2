package io.coincalltrader.exchange;

/**
 * Coincall's documented rate-limit groups (docs/API_NOTES.md §Rate limits). We run each at 80% of its limit so that
 * a burst never reaches the exchange's own throttle: capacity plus two seconds of refill stays within the window.
 */
public enum RateBucket {
    /** Public configuration and market data: 10 per 2 s per IP. */
    PUBLIC(4, 4),
    /** Order books: 30 per 2 s. */
    ORDER_BOOK(8, 8),
    /** Positions and open orders: 5 per s. */
    POSITIONS(2, 3),
    /** Historical orders and trades: 5 per s; RFQ reads (quotes received, RFQ list, block trades) use it too. */
    HISTORY(2, 3),
    /** Account information: 2 per s. */
    ACCOUNT(1, 1.6),
    /** Place and amend: 30 per 2 s. */
    PLACE(8, 8),
    /** Cancel: 30 per 2 s. */
    CANCEL(8, 8);

    private final int capacity;
    private final double refillPerSecond;

    RateBucket(int capacity, double refillPerSecond) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
    }

    public int capacity() {
        return capacity;
    }

    public double refillPerSecond() {
        return refillPerSecond;
    }
}
