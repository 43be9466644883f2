package io.coincalltrader.paper.market;

import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.pricing.BlackScholes;
import io.coincalltrader.pricing.Greeks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The simulated market: BTC and ETH indices on a seeded random walk with occasional jumps, option listings on a
 * Coincall-like expiry calendar, marks from Black–Scholes on each coin's volatility surface, and synthetic
 * two-sided books around every mark. Not thread-safe: the exchange calls it under its single lock.
 */
public final class PaperMarket {
    public static final BigDecimal OPTION_TICK = new BigDecimal("0.1");
    public static final BigDecimal OPTION_MIN_QTY = new BigDecimal("0.01");
    private static final double YEAR_SECONDS = 365.0 * 24 * 3600;

    private final Map<String, CoinMarket> coins = new LinkedHashMap<>();
    private final Map<String, BigDecimal> index = new LinkedHashMap<>();
    private final Map<String, OptionListing> options = new TreeMap<>();
    private final java.util.Set<String> listedExpiries = new java.util.HashSet<>();
    /** Dated futures by symbol (BTCUSD-26MAR27), with their delivery instant. */
    private final Map<String, InstrumentName.Future> datedFutures = new TreeMap<>();
    /** The public tape: the latest prints per symbol, newest first. */
    private final Map<String, java.util.Deque<Print>> tape = new java.util.HashMap<>();
    private static final int TAPE_LENGTH = 50;
    /** Annualised basis of dated futures over the index. */
    private static final double FUTURES_BASIS = 0.05;

    /** One public trade: price, size, the taker's side (1 buy, 2 sell) and time. */
    public record Print(String symbol, BigDecimal price, BigDecimal quantity, int takerSide, Instant time) {
    }
    private final SplittableRandom random;
    private Instant lastTick;
    private long nextOptionId = 1;
    private long ticks;

    public PaperMarket(long seed, Instant start) {
        this.random = new SplittableRandom(seed);
        for (CoinMarket c : List.of(CoinMarket.btc(), CoinMarket.eth())) {
            coins.put(c.coin(), c);
            index.put(c.coin(), BigDecimal.valueOf(c.startPrice()).setScale(2, RoundingMode.HALF_EVEN));
        }
        this.lastTick = start;
        relist(start);
    }

    /** Advances the walk to {@code now} and lists new expiries. */
    public void tick(Instant now) {
        double years = Duration.between(lastTick, now).toNanos() / 1e9 / YEAR_SECONDS;
        if (years > 0) {
            for (CoinMarket c : coins.values()) {
                double ret = random.nextGaussian() * c.walkVol() * Math.sqrt(years) - 0.5 * c.walkVol() * c.walkVol() * years;
                if (random.nextDouble() < c.jumpsPerYear() * years) {
                    ret += random.nextGaussian() * c.jumpSize();
                }
                double next = index.get(c.coin()).doubleValue() * Math.exp(ret);
                index.put(c.coin(), BigDecimal.valueOf(next).setScale(2, RoundingMode.HALF_EVEN));
            }
        }
        lastTick = now;
        ticks++;
        relist(now);
        printSynthetic(now);
    }

    /** Other traders: now and then a print near the money at the bid or the ask, and one on each perpetual. */
    private void printSynthetic(Instant now) {
        for (CoinMarket c : coins.values()) {
            String perp = c.coin() + "USD";
            OrderBook pb = book(perp, now);
            boolean buy = random.nextBoolean();
            pb.bestAsk().filter(a -> buy).or(() -> pb.bestBid().filter(b -> !buy)).ifPresent(l ->
                    print(new Print(perp, l.price(), BigDecimal.valueOf(random.nextInt(1, 50)).movePointLeft(2), buy ? 1 : 2, now)));
            if (random.nextDouble() < 0.3) {
                double spot = index(c.coin()).doubleValue();
                List<OptionListing> near = options(c.coin()).stream()
                        .filter(l -> Math.abs(l.strike().doubleValue() / spot - 1) < 0.1).toList();
                if (!near.isEmpty()) {
                    OptionListing l = near.get(random.nextInt(near.size()));
                    OrderBook ob = book(l.symbol(), now);
                    boolean takerBuys = random.nextBoolean();
                    (takerBuys ? ob.bestAsk() : ob.bestBid()).ifPresent(level -> print(new Print(l.symbol(), level.price(),
                            BigDecimal.valueOf(random.nextInt(1, 40)).movePointLeft(1), takerBuys ? 1 : 2, now)));
                }
            }
        }
    }

    /** Adds a trade to the public tape (ours and everyone's). */
    public void print(Print p) {
        java.util.Deque<Print> d = tape.computeIfAbsent(p.symbol(), k -> new java.util.ArrayDeque<>());
        d.addFirst(p);
        while (d.size() > TAPE_LENGTH) {
            d.removeLast();
        }
    }

    /** The latest public trades of a symbol, newest first. */
    public List<Print> lastTrades(String symbol) {
        java.util.Deque<Print> d = tape.get(symbol);
        return d == null ? List.of() : List.copyOf(d);
    }

    /** Dated futures, soonest first. */
    public List<InstrumentName.Future> datedFutures() {
        return datedFutures.values().stream().sorted(java.util.Comparator.comparing(InstrumentName.Future::delivery)).toList();
    }

    public Optional<InstrumentName.Future> datedFuture(String symbol) {
        return Optional.ofNullable(datedFutures.get(symbol));
    }

    /** Lists every expiry of the calendar not yet listed, with strikes around today's index, and the quarterly futures. */
    private void relist(Instant now) {
        for (LocalDate delivery : ExpiryCalendar.quarterlies(now, 2)) {
            for (CoinMarket c : coins.values()) {
                InstrumentName.Future f = new InstrumentName.Future(c.coin(), delivery);
                datedFutures.putIfAbsent(f.text(), f);
            }
        }
        for (CoinMarket c : coins.values()) {
            for (LocalDate expiry : ExpiryCalendar.expiries(now)) {
                if (!listedExpiries.add(c.coin() + "@" + expiry)) {
                    continue;
                }
                for (BigDecimal strike : strikes(c, index.get(c.coin()))) {
                    for (var type : io.coincalltrader.domain.instrument.OptionType.values()) {
                        InstrumentName.Option name = InstrumentName.Option.of(c.coin(), expiry, strike, type);
                        options.put(name.text(), new OptionListing(name, nextOptionId++));
                    }
                }
            }
        }
    }

    /** Strikes within ±40% of spot: the near step inside ±10%, the far step beyond. */
    static List<BigDecimal> strikes(CoinMarket c, BigDecimal spot) {
        List<BigDecimal> out = new ArrayList<>();
        double s = spot.doubleValue();
        BigDecimal k = c.farStep().multiply(BigDecimal.valueOf(Math.floor(s * 0.6 / c.farStep().doubleValue())));
        while (k.doubleValue() <= s * 1.4) {
            if (k.signum() > 0) {
                out.add(k);
            }
            boolean near = Math.abs(k.doubleValue() / s - 1) < 0.10;
            k = k.add(near ? c.nearStep() : c.farStep());
            if (!near && Math.abs(k.doubleValue() / s - 1) < 0.10) {
                k = k.divide(c.nearStep(), 0, RoundingMode.CEILING).multiply(c.nearStep());
            }
        }
        return out;
    }

    /** Removes listings that expired at or before {@code now} (after the ledger settled them). */
    public List<OptionListing> delistExpired(Instant now) {
        datedFutures.values().removeIf(f -> !f.delivery().isAfter(now));
        List<OptionListing> gone = new ArrayList<>();
        options.values().removeIf(l -> {
            boolean expired = !l.name().expiry().isAfter(now);
            if (expired) {
                gone.add(l);
            }
            return expired;
        });
        return gone;
    }

    public Collection<String> coins() {
        return coins.keySet();
    }

    public BigDecimal index(String coin) {
        BigDecimal v = index.get(coin);
        if (v == null) {
            throw new IllegalArgumentException("no index for " + coin);
        }
        return v;
    }

    public List<OptionListing> options(String coin) {
        return options.values().stream().filter(l -> l.name().base().equals(coin)).toList();
    }

    public Optional<OptionListing> option(String symbol) {
        return Optional.ofNullable(options.get(symbol));
    }

    /** True for every listed option, perpetual and spot pair. */
    public boolean isListed(String symbol) {
        if (options.containsKey(symbol) || datedFutures.containsKey(symbol)) {
            return true;
        }
        for (String c : coins.keySet()) {
            if (symbol.equals(c + "USD") || symbol.equals(c + "USDT")) {
                return true;
            }
        }
        return false;
    }

    public double years(OptionListing l, Instant now) {
        return Math.max(0, Duration.between(now, l.name().expiry()).toMillis() / 1000.0 / YEAR_SECONDS);
    }

    /** Implied volatility of an option from its coin's surface. */
    public double iv(OptionListing l, Instant now) {
        CoinMarket c = coins.get(l.name().base());
        double spot = index(c.coin()).doubleValue();
        return c.surface().vol(l.strike().doubleValue(), spot, years(l, now));
    }

    /** Black–Scholes Greeks per unit, long. */
    public Greeks greeks(OptionListing l, Instant now) {
        return BlackScholes.greeks(l.name().type(), index(l.name().base()).doubleValue(), l.strike().doubleValue(), years(l, now), iv(l, now), 0);
    }

    /** The mark of any listed instrument, rounded to its tick. */
    public BigDecimal mark(String symbol, Instant now) {
        OptionListing l = options.get(symbol);
        if (l != null) {
            double value = BlackScholes.price(l.name().type(), index(l.name().base()).doubleValue(), l.strike().doubleValue(),
                    years(l, now), iv(l, now), 0);
            return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_EVEN).max(OPTION_TICK);
        }
        InstrumentName.Future dated = datedFutures.get(symbol);
        if (dated != null) {
            double years = Math.max(0, Duration.between(now, dated.delivery()).toMillis() / 1000.0 / YEAR_SECONDS);
            double fair = index(dated.base()).doubleValue() * Math.exp(FUTURES_BASIS * years);
            return BigDecimal.valueOf(fair).divide(new BigDecimal("0.5"), 0, RoundingMode.HALF_EVEN).multiply(new BigDecimal("0.5"));
        }
        return index(coinOf(symbol));
    }

    /** The coin of a perpetual or spot symbol. */
    public String coinOf(String symbol) {
        for (String c : coins.keySet()) {
            if (symbol.startsWith(c)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown instrument " + symbol);
    }

    /** Three levels a side around the mark; sizes vary with the tick so the book looks alive but stays reproducible. */
    public OrderBook book(String symbol, Instant now) {
        BigDecimal mark = mark(symbol, now);
        boolean option = options.containsKey(symbol);
        BigDecimal tick = option ? OPTION_TICK : new BigDecimal("0.5");
        BigDecimal half = option ? optionHalfSpread(symbol, mark, now) : mark.multiply(new BigDecimal("0.00005"));
        BigDecimal step = option ? mark.multiply(new BigDecimal("0.01")).max(tick) : tick;
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BigDecimal offset = half.add(step.multiply(BigDecimal.valueOf(i)));
            BigDecimal bid = mark.subtract(offset).divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
            BigDecimal ask = mark.add(offset).divide(tick, 0, RoundingMode.CEILING).multiply(tick);
            if (bid.compareTo(tick) >= 0) {
                bids.add(new BookLevel(bid, size(symbol, i, option)));
            }
            asks.add(new BookLevel(ask, size(symbol, i + 3, option)));
        }
        return new OrderBook(symbol, bids, asks, now);
    }

    /** Makers quote options about one vol point wide: min(3% of mark, vega + 1 bp of index), at least 0.5 USD. */
    private BigDecimal optionHalfSpread(String symbol, BigDecimal mark, Instant now) {
        OptionListing l = options.get(symbol);
        double vegaPoint = Math.abs(greeks(l, now).vega());
        double byVol = vegaPoint + index(l.name().base()).doubleValue() * 0.0001;
        double half = Math.max(0.5, Math.min(mark.doubleValue() * 0.03, byVol));
        return BigDecimal.valueOf(half).setScale(1, RoundingMode.HALF_UP);
    }

    private BigDecimal size(String symbol, int level, boolean option) {
        long h = (symbol.hashCode() * 31L + level) * 0x9E3779B97F4A7C15L + ticks / 4;
        int units = (int) Math.floorMod(h >>> 17, 20) + 1;
        return BigDecimal.valueOf(units).multiply(option ? new BigDecimal("0.25") : new BigDecimal("0.1"));
    }
}
