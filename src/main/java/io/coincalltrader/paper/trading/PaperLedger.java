package io.coincalltrader.paper.trading;

import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.OrderBook;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.paper.PaperError;
import io.coincalltrader.paper.market.OptionListing;
import io.coincalltrader.paper.market.PaperMarket;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The paper account: orders, matching against the market's books, trades, positions, cash, fees, margin and
 * option settlement at expiry. Every method runs under the exchange's single lock. Listeners learn of changes
 * through {@link LedgerEvents}.
 */
public final class PaperLedger {
    /** The order id of settlement trades (expiry, delivery): no order of the trader's. */
    static final long SETTLEMENT = 0;
    static final BigDecimal TAKER_FEE = new BigDecimal("0.0004");
    static final BigDecimal MAKER_FEE = new BigDecimal("0.0003");
    private static final BigDecimal OPTION_FEE_CAP = new BigDecimal("0.125");

    private final PaperMarket market;
    private final LongSupplier ids;
    private final LedgerEvents events;
    private final Map<Long, PaperOrder> orders = new LinkedHashMap<>();
    private final Map<String, PaperOrder> byClientId = new LinkedHashMap<>();
    private final Map<String, PaperPosition> positions = new LinkedHashMap<>();
    private final List<PaperTrade> trades = new ArrayList<>();
    private BigDecimal cash;

    /** What the ledger tells the WebSocket layer. */
    public interface LedgerEvents {
        void orderChanged(PaperOrder order);

        void traded(PaperTrade trade);

        void positionChanged(PaperPosition position);
    }

    public PaperLedger(PaperMarket market, BigDecimal startingCash, LongSupplier ids, LedgerEvents events) {
        this.market = market;
        this.cash = startingCash;
        this.ids = ids;
        this.events = events;
    }

    /** Validates, records and matches an order; refusals are definitive (nothing recorded). */
    public PaperOrder place(OrderSpec s, Instant now) {
        if (!market.isListed(s.symbol()) || productOf(s.symbol()) != s.product()) {
            throw new PaperError(s.product() == ProductType.OPTION ? 40034 : 10005,
                    s.product() == ProductType.OPTION ? "option not exist" : "symbol not exist");
        }
        if (s.quantity() == null || s.quantity().signum() <= 0) {
            throw new PaperError(10005, "qty must be positive");
        }
        if (s.quantity().compareTo(minQuantity(s.product())) < 0) {
            throw new PaperError(10558, "less.than.min.amount");
        }
        if (s.quantity().remainder(minQuantity(s.product())).signum() != 0) {
            throw new PaperError(10005, "qty precision");
        }
        if (s.quantity().compareTo(new BigDecimal("1000")) > 0) {
            throw new PaperError(10534, "order size exceeds the maximum");
        }
        boolean priced = s.type() == 1 || s.type() == 3 || s.type() == 4;
        if (priced && (s.price() == null || s.price().signum() <= 0)) {
            throw new PaperError(10005, "price required");
        }
        if (s.product() == ProductType.OPTION && priced && s.price().remainder(PaperMarket.OPTION_TICK).signum() != 0) {
            throw new PaperError(10005, "price tick");
        }
        if ((s.type() == 4 || s.type() == 5) && (s.product() != ProductType.FUTURE || s.triggerPrice() == null)) {
            throw new PaperError(10005, "stop orders need a trigger price (futures only)");
        }
        String clientKey = s.clientOrderId() == null ? null : s.product() + ":" + s.clientOrderId();
        if (clientKey != null && byClientId.containsKey(clientKey)) {
            throw new PaperError(10005, "clientOrderId already used");
        }
        BigDecimal signed = s.side() == 1 ? s.quantity() : s.quantity().negate();
        PaperPosition pos = positions.get(s.symbol());
        BigDecimal held = pos == null ? BigDecimal.ZERO : pos.quantity;
        if (s.reduceOnly() && (held.signum() == 0 || held.signum() == signed.signum() || s.quantity().compareTo(held.abs()) > 0)) {
            throw new PaperError(10005, "reduce only order would increase the position");
        }
        if (!s.reduceOnly() && opensRisk(held, signed)) {
            BigDecimal need = marginFor(s, now);
            if (need.compareTo(account(now).available()) > 0) {
                throw new PaperError(10529, "insufficient balance");
            }
        }
        PaperOrder o = new PaperOrder(ids.getAsLong(), s.clientOrderId(), s.product(), s.symbol(), s.side(), s.type(), s.quantity(),
                s.price(), s.timeInForce() == null ? "GTC" : s.timeInForce(), s.reduceOnly(), s.triggerPrice(), now);
        orders.put(o.orderId, o);
        if (clientKey != null) {
            byClientId.put(clientKey, o);
        }
        o.state = (o.type == 4 || o.type == 5) ? PaperOrder.WAITING : PaperOrder.NEW;
        if (o.state == PaperOrder.NEW) {
            match(o, now);
        }
        events.orderChanged(o);
        return o;
    }

    private static boolean opensRisk(BigDecimal held, BigDecimal signed) {
        return held.signum() == 0 || held.signum() == signed.signum() || signed.abs().compareTo(held.abs()) > 0;
    }

    private BigDecimal marginFor(OrderSpec s, Instant now) {
        BigDecimal price = s.price() != null ? s.price() : market.mark(s.symbol(), now);
        Optional<OptionListing> l = market.option(s.symbol());
        if (l.isPresent()) {
            if (s.side() == 1) {
                return price.multiply(s.quantity());
            }
            BigDecimal index = market.index(l.get().name().base());
            return Margin.shortOptionInitial(s.quantity(), index, l.get().strike(), l.get().name().type() == OptionType.CALL, market.mark(s.symbol(), now));
        }
        return s.product() == ProductType.SPOT && s.side() == 1 ? price.multiply(s.quantity()) : Margin.futureInitial(s.quantity(), price);
    }

    /** Takes liquidity from the book as far as the order's price allows; rests or cancels what is left. */
    private void match(PaperOrder o, Instant now) {
        OrderBook book = market.book(o.symbol, now);
        List<BookLevel> levels = o.side == 1 ? book.asks() : book.bids();
        boolean market = o.type == 2 || o.type == 5;
        if (o.type == 3 && crosses(o, levels)) {
            o.state = PaperOrder.INVALID;
            o.updateTime = now;
            return;
        }
        if ("FOK".equals(o.timeInForce) && available(o, levels, market).compareTo(o.remaining()) < 0) {
            o.state = PaperOrder.CANCELED;
            o.updateTime = now;
            return;
        }
        for (BookLevel level : levels) {
            if (o.remaining().signum() == 0) {
                break;
            }
            if (!market && !acceptable(o, level.price())) {
                break;
            }
            fill(o, level.price(), o.remaining().min(level.size()), true, now, null);
        }
        if (o.remaining().signum() == 0) {
            o.state = PaperOrder.FILLED;
        } else if (market || "IOC".equals(o.timeInForce)) {
            o.state = PaperOrder.CANCELED;
        } else {
            o.state = o.filled.signum() > 0 ? PaperOrder.PARTIAL : PaperOrder.NEW;
        }
        o.updateTime = now;
    }

    private static boolean crosses(PaperOrder o, List<BookLevel> levels) {
        return !levels.isEmpty() && acceptable(o, levels.getFirst().price());
    }

    private static boolean acceptable(PaperOrder o, BigDecimal levelPrice) {
        return o.side == 1 ? levelPrice.compareTo(o.price) <= 0 : levelPrice.compareTo(o.price) >= 0;
    }

    private static BigDecimal available(PaperOrder o, List<BookLevel> levels, boolean market) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BookLevel l : levels) {
            if (!market && !acceptable(o, l.price())) {
                break;
            }
            sum = sum.add(l.size());
        }
        return sum;
    }

    /** Records one execution: trade, fee, cash, position. */
    PaperTrade fill(PaperOrder o, BigDecimal price, BigDecimal qty, boolean taker, Instant now, String blockTradeId) {
        BigDecimal fee = fee(o.symbol, price, qty, taker, now);
        o.filled = o.filled.add(qty);
        o.cost = o.cost.add(price.multiply(qty));
        o.fee = o.fee.add(fee);
        PaperTrade t = record(o.orderId, o.clientOrderId, o.product, o.symbol, o.side, price, qty, fee, taker, now, blockTradeId);
        events.traded(t);
        return t;
    }

    private PaperTrade record(long orderId, String clientId, ProductType product, String symbol, int side, BigDecimal price,
                              BigDecimal qty, BigDecimal fee, boolean taker, Instant now, String blockTradeId) {
        BigDecimal signed = side == 1 ? qty : qty.negate();
        PaperPosition pos = positions.computeIfAbsent(symbol, s -> new PaperPosition(ids.getAsLong(), s, product, now));
        BigDecimal realized = pos.apply(signed, price, now);
        if (product == ProductType.FUTURE) {
            cash = cash.add(realized);
        } else {
            cash = cash.subtract(price.multiply(signed));
        }
        cash = cash.subtract(fee);
        BigDecimal mark = market.mark(symbol, now);
        BigDecimal index = market.index(market.option(symbol).map(l -> l.name().base()).orElseGet(() -> market.coinOf(symbol)));
        PaperTrade t = new PaperTrade(ids.getAsLong(), orderId, clientId, product, symbol, side, price, qty, fee, taker, now, mark, index, blockTradeId);
        trades.add(t);
        if (orderId != SETTLEMENT) {
            market.print(new PaperMarket.Print(symbol, price, qty, taker ? side : 3 - side, now));
        }
        if (pos.quantity.signum() == 0) {
            positions.remove(symbol);
        }
        events.positionChanged(pos);
        return t;
    }

    /** A block trade leg or a demo-book entry: an immediately filled order of its own. */
    public PaperTrade fillDirect(String symbol, int side, BigDecimal qty, BigDecimal price, boolean taker, Instant now, String blockTradeId) {
        ProductType product = productOf(symbol);
        PaperOrder o = new PaperOrder(ids.getAsLong(), null, product, symbol, side, blockTradeId == null ? 1 : 14, qty, price, "GTC",
                false, null, now);
        orders.put(o.orderId, o);
        PaperTrade t = fill(o, price, qty, taker, now, blockTradeId);
        o.state = PaperOrder.FILLED;
        events.orderChanged(o);
        return t;
    }

    /** Options: the rate on the index notional, at most 12.5% of the premium; others: the rate on the notional. */
    BigDecimal fee(String symbol, BigDecimal price, BigDecimal qty, boolean taker, Instant now) {
        BigDecimal rate = taker ? TAKER_FEE : MAKER_FEE;
        Optional<OptionListing> l = market.option(symbol);
        if (l.isPresent()) {
            BigDecimal byIndex = market.index(l.get().name().base()).multiply(qty).multiply(rate);
            return byIndex.min(price.multiply(qty).multiply(OPTION_FEE_CAP)).setScale(6, RoundingMode.HALF_EVEN);
        }
        return price.multiply(qty).multiply(rate).setScale(6, RoundingMode.HALF_EVEN);
    }

    /** Resting orders fill when the market trades through them; stops trigger; expired options settle. */
    public void onTick(Instant now) {
        for (PaperOrder o : List.copyOf(orders.values())) {
            if (!o.isOpen() || !market.isListed(o.symbol)) {
                continue;
            }
            if (o.state == PaperOrder.WAITING) {
                BigDecimal mark = market.mark(o.symbol, now);
                boolean triggered = o.side == 1 ? mark.compareTo(o.triggerPrice) >= 0 : mark.compareTo(o.triggerPrice) <= 0;
                if (triggered) {
                    o.state = PaperOrder.NEW;
                    match(o, now);
                    events.orderChanged(o);
                }
                continue;
            }
            OrderBook book = market.book(o.symbol, now);
            List<BookLevel> opposite = o.side == 1 ? book.asks() : book.bids();
            if (!opposite.isEmpty() && acceptable(o, opposite.getFirst().price())) {
                fill(o, o.price, o.remaining(), false, now, null);
                o.state = PaperOrder.FILLED;
                o.updateTime = now;
                events.orderChanged(o);
            }
        }
        settleExpired(now);
    }

    private void settleExpired(Instant now) {
        for (PaperPosition p : List.copyOf(positions.values())) {
            var dated = market.datedFuture(p.symbol);
            if (dated.isPresent() && !dated.get().delivery().isAfter(now)) {
                // Cash-settled at the index on delivery: the P&L is realised and the position closes.
                record(SETTLEMENT, null, ProductType.FUTURE, p.symbol, p.quantity.signum() > 0 ? 2 : 1,
                        market.index(dated.get().base()), p.quantity.abs(), BigDecimal.ZERO, false, now, null);
            }
        }
        for (PaperPosition p : List.copyOf(positions.values())) {
            Optional<OptionListing> l = market.option(p.symbol);
            if (l.isEmpty() || l.get().name().expiry().isAfter(now)) {
                continue;
            }
            BigDecimal index = market.index(l.get().name().base());
            BigDecimal strike = l.get().strike();
            BigDecimal intrinsic = (l.get().name().type() == OptionType.CALL ? index.subtract(strike) : strike.subtract(index)).max(BigDecimal.ZERO);
            record(SETTLEMENT, null, ProductType.OPTION, p.symbol, p.quantity.signum() > 0 ? 2 : 1, intrinsic, p.quantity.abs(),
                    BigDecimal.ZERO, false, now, null);
        }
        for (PaperOrder o : orders.values()) {
            Optional<Instant> ends = market.option(o.symbol).map(l -> l.name().expiry())
                    .or(() -> market.datedFuture(o.symbol).map(f -> f.delivery()));
            if (o.isOpen() && ends.isPresent() && !ends.get().isAfter(now)) {
                o.state = PaperOrder.CANCEL_BY_EXERCISE;
                o.updateTime = now;
                events.orderChanged(o);
            }
        }
    }

    public PaperOrder cancel(ProductType product, Long orderId, String clientOrderId, Instant now) {
        PaperOrder o = find(product, orderId, clientOrderId).orElseThrow(() -> new PaperError(10584, "order does not exist"));
        if (!o.isOpen()) {
            throw new PaperError(10540, "order is not open");
        }
        o.state = PaperOrder.CANCELED;
        o.updateTime = now;
        events.orderChanged(o);
        return o;
    }

    public PaperOrder modify(ProductType product, Long orderId, String clientOrderId, BigDecimal qty, BigDecimal price, Instant now) {
        PaperOrder o = find(product, orderId, clientOrderId).orElseThrow(() -> new PaperError(10584, "order does not exist"));
        if (!o.isOpen()) {
            throw new PaperError(10540, "order is not open");
        }
        if (qty != null) {
            if (qty.compareTo(o.filled) <= 0) {
                throw new PaperError(10005, "qty must exceed the filled quantity");
            }
            o.quantity = qty;
        }
        if (price != null) {
            o.price = price;
        }
        match(o, now);
        events.orderChanged(o);
        return o;
    }

    public Optional<PaperOrder> find(ProductType product, Long orderId, String clientOrderId) {
        if (orderId != null) {
            PaperOrder o = orders.get(orderId);
            return o != null && o.product == product ? Optional.of(o) : Optional.empty();
        }
        return clientOrderId == null ? Optional.empty() : Optional.ofNullable(byClientId.get(product + ":" + clientOrderId));
    }

    public List<PaperOrder> orders(ProductType product) {
        return orders.values().stream().filter(o -> o.product == product).toList();
    }

    public List<PaperTrade> trades() {
        return List.copyOf(trades);
    }

    public Collection<PaperPosition> positions() {
        return List.copyOf(positions.values());
    }

    /** Equity = cash + option and spot holdings at mark + perpetual P&L at mark; margin by {@link Margin}. */
    public AccountView account(Instant now) {
        BigDecimal equity = cash;
        BigDecimal upnl = BigDecimal.ZERO;
        BigDecimal im = BigDecimal.ZERO;
        BigDecimal mm = BigDecimal.ZERO;
        for (PaperPosition p : positions.values()) {
            BigDecimal mark = market.mark(p.symbol, now);
            BigDecimal pnl = mark.subtract(p.averagePrice).multiply(p.quantity);
            upnl = upnl.add(pnl);
            Optional<OptionListing> l = market.option(p.symbol);
            if (p.product == ProductType.FUTURE) {
                equity = equity.add(pnl);
                im = im.add(Margin.futureInitial(p.quantity, mark));
                mm = mm.add(Margin.futureMaintenance(p.quantity, mark));
            } else {
                equity = equity.add(mark.multiply(p.quantity));
                if (l.isPresent() && p.quantity.signum() < 0) {
                    BigDecimal i = Margin.shortOptionInitial(p.quantity.abs(), market.index(l.get().name().base()), l.get().strike(),
                            l.get().name().type() == OptionType.CALL, mark);
                    im = im.add(i);
                    mm = mm.add(Margin.maintenanceOfOption(i));
                }
            }
        }
        MathContext mc = MathContext.DECIMAL64;
        return new AccountView(cash, equity.round(mc), upnl.round(mc), im.round(mc), mm.round(mc), equity.subtract(im).round(mc));
    }

    /** Options trade from 0.01 contracts, perpetuals from 0.001, spot from 0.0001. */
    static BigDecimal minQuantity(ProductType product) {
        return switch (product) {
            case OPTION -> PaperMarket.OPTION_MIN_QTY;
            case FUTURE -> new BigDecimal("0.001");
            case SPOT -> new BigDecimal("0.0001");
        };
    }

    ProductType productOf(String symbol) {
        if (market.option(symbol).isPresent()) {
            return ProductType.OPTION;
        }
        return symbol.endsWith("USDT") ? ProductType.SPOT : ProductType.FUTURE;
    }
}
