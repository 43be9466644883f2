package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.account.Position;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OptionQuote;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.portfolio.PositionRisk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One leg of a package as priced from the chain: {@code quantity} contracts (coins) for the whole package, prices in
 * USD per contract (bid/ask null when absent), the mark IV as a fraction (NaN when unknown) and the chain's Greeks
 * per contract, long: delta in coins, gamma per 1 USD, vega in USD per vol point, theta in USD per day. A futures,
 * perpetual or spot leg has no type and no strike (and no expiry unless dated), delta 1 and no other Greeks.
 */
public record PricedLeg(String symbol, OptionType type, BigDecimal strike, Instant expiry, Side side, BigDecimal quantity,
                        BigDecimal mark, BigDecimal bid, BigDecimal ask, double iv, double delta, double gamma, double vega,
                        double theta) {
    public PricedLeg {
        if (symbol == null || side == null || mark == null) {
            throw new IllegalArgumentException("a leg needs a symbol, a side and a mark: " + symbol);
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("a leg's quantity must be positive: " + symbol + " " + quantity);
        }
        if (type != null && (strike == null || expiry == null)) {
            throw new IllegalArgumentException("an option leg needs a strike and an expiry: " + symbol);
        }
        if (type == null && strike != null) {
            throw new IllegalArgumentException("a linear leg has no strike: " + symbol);
        }
    }

    /** A leg on a chain row, with the chain's mark, top of book, mark IV and Greeks. */
    public static PricedLeg ofOption(OptionQuote q, Side side, BigDecimal quantity) {
        if (q.markPrice() == null) {
            throw new IllegalArgumentException("no mark price for " + q.symbol());
        }
        return new PricedLeg(q.symbol(), q.type(), q.strike(), q.expiry(), side, quantity, q.markPrice(), q.bid(), q.ask(),
                q.markIv() == null ? Double.NaN : q.markIv(), q.delta(), q.gamma(), q.vega(), q.theta());
    }

    /** A perpetual hedge leg at its mark: delta 1 per contract. */
    public static PricedLeg ofPerpetual(String symbol, Side side, BigDecimal quantity, BigDecimal mark) {
        return new PricedLeg(symbol, null, null, null, side, quantity, mark, null, null, Double.NaN, 1, 0, 0, 0);
    }

    /**
     * The open positions of coin {@code base} as legs at their marks, long or short by the position's side. Option
     * Greeks are the exchange's whole-position figures per contract; the IV is unknown (NaN) so that scenarios solve
     * it from the mark; futures and spot holdings count delta 1 per contract.
     */
    public static List<PricedLeg> fromBook(List<PositionRisk> book, String base) {
        List<PricedLeg> out = new ArrayList<>();
        for (PositionRisk r : book) {
            Position p = r.position();
            if (!base.equals(r.base()) || p.quantity().signum() == 0) {
                continue;
            }
            BigDecimal mark = p.markPrice() == null ? BigDecimal.ZERO : p.markPrice();
            Side side = p.signedQuantity().signum() > 0 ? Side.BUY : Side.SELL;
            BigDecimal qty = p.quantity().abs();
            if (InstrumentName.parse(p.symbol()) instanceof InstrumentName.Option o) {
                double signed = p.signedQuantity().doubleValue();
                out.add(new PricedLeg(p.symbol(), o.type(), o.strike(), o.expiry(), side, qty, mark, null, null, Double.NaN,
                        p.delta() / signed, p.gamma() / signed, p.vega() / signed, p.theta() / signed));
            } else {
                out.add(new PricedLeg(p.symbol(), null, null, r.expiry(), side, qty, mark, null, null, Double.NaN, 1, 0, 0, 0));
            }
        }
        return out;
    }

    /** Whether this is an option (not a futures, perpetual or spot hedge). */
    public boolean isOption() {
        return type != null;
    }

    /** The quantity signed by side: negative when sold. */
    public BigDecimal signedQuantity() {
        return side == Side.BUY ? quantity : quantity.negate();
    }
}
