package io.coincalltrader.ui.rfq;

import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.engine.portfolio.PositionRisk;
import io.coincalltrader.pricing.BlackScholes;
import io.coincalltrader.pricing.ImpliedVolatility;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The RFQ ticket's package risk, as data: the package on screen (mark, buy and sell cost, Greeks), its payoff at
 * expiry, spot × vol and spot × time P&L matrices, the delta hedge, and what a fill would do to the book and margin.
 */
public final class PackageRisk {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final double SECONDS_PER_YEAR = 365.0 * 86_400;
    private static final double MIN_VOL = 0.01;
    private static final BigDecimal IM_OPTION = new BigDecimal("0.15");
    private static final BigDecimal IM_OPTION_FLOOR = new BigDecimal("0.10");
    private static final BigDecimal IM_LINEAR = new BigDecimal("0.10");

    private PackageRisk() {
    }

    /**
     * The package on screen. {@code markCost} is Σ ±mark × quantity over every leg (positive when we pay, as
     * {@code RfqQuote.takerCost} counts); {@code buyCost} buying it on the book (asks of bought legs, bids of sold
     * legs) and {@code sellProceeds} selling it there, null when a needed side is missing. Greeks are signed totals:
     * delta in coins, gamma in coins per USD, vega in USD per vol point, theta in USD per day.
     */
    public record Screen(BigDecimal markCost, BigDecimal buyCost, BigDecimal sellProceeds, double delta, double gamma,
                         double vega, double theta) {
    }

    /**
     * The P&L at expiry after paying the cost: the best and worst outcome (null when unlimited; a loss is positive)
     * and the spot prices where it is zero, ascending.
     */
    public record Payoff(BigDecimal maxProfit, BigDecimal maxLoss, List<BigDecimal> breakevens) {
        public Payoff {
            breakevens = List.copyOf(breakevens);
        }
    }

    /** P&L in USD by scenario: {@code pnl[row][column]}, rows the spot moves, columns the vol or time moves. */
    public record Matrix(double[] rowMoves, double[] columnMoves, double[][] pnl) {
    }

    /** One instrument's signed size (negative when short) in the book now and after the fill. */
    public record PositionChange(String symbol, BigDecimal now, BigDecimal after) {
    }

    /** A coin's delta (coins), vega (USD per vol point) and theta (USD per day). */
    public record Exposure(double delta, double vega, double theta) {
    }

    /**
     * What filling the package would do: positions in its instruments, the coin's exposure now and after, the
     * estimated change of initial margin (negative when the fill releases margin) and the margin usage after (a
     * fraction of equity; null without equity).
     */
    public record Preview(List<PositionChange> positions, Exposure now, Exposure after, BigDecimal marginAdded,
                          BigDecimal marginUsageAfter) {
        public Preview {
            positions = List.copyOf(positions);
        }
    }

    /** Prices and Greeks of the package on screen. */
    public static Screen screen(List<PricedLeg> legs) {
        BigDecimal mark = BigDecimal.ZERO;
        BigDecimal buy = BigDecimal.ZERO;
        BigDecimal sell = BigDecimal.ZERO;
        double delta = 0, gamma = 0, vega = 0, theta = 0;
        for (PricedLeg l : legs) {
            mark = mark.add(l.mark().multiply(l.signedQuantity()));
            boolean bought = l.side() == Side.BUY;
            // Buying the package lifts the asks of its bought legs and hits the bids of its sold legs; selling reverses.
            buy = add(buy, bought ? l.ask() : l.bid(), l.signedQuantity());
            sell = add(sell, bought ? l.bid() : l.ask(), l.signedQuantity());
            double q = l.signedQuantity().doubleValue();
            delta += q * l.delta();
            gamma += q * l.gamma();
            vega += q * l.vega();
            theta += q * l.theta();
        }
        return new Screen(mark, buy, sell, delta, gamma, vega, theta);
    }

    private static BigDecimal add(BigDecimal total, BigDecimal price, BigDecimal signedQty) {
        return total == null || price == null ? null : total.add(price.multiply(signedQty));
    }

    /**
     * The payoff at the option legs' common expiry, evaluated exactly at zero and at every strike, with the slope
     * beyond the highest strike deciding whether profit or loss is unlimited. {@code cost} is what the package cost
     * (positive paid, negative received) counted as {@link Screen#markCost()} counts it, hedge legs at their price, so
     * that a hedge counts linearly from the price in the cost. Empty without options or with several expiries.
     */
    public static Optional<Payoff> payoff(List<PricedLeg> legs, BigDecimal cost) {
        Instant expiry = commonExpiry(legs);
        if (expiry == null) {
            return Optional.empty();
        }
        TreeSet<BigDecimal> points = new TreeSet<>();
        points.add(BigDecimal.ZERO);
        BigDecimal slope = BigDecimal.ZERO;
        for (PricedLeg l : legs) {
            if (l.isOption()) {
                points.add(l.strike());
            }
            if (!l.isOption() || l.type() == OptionType.CALL) {
                slope = slope.add(l.signedQuantity());
            }
        }
        List<BigDecimal> xs = new ArrayList<>(points);
        List<BigDecimal> ys = xs.stream().map(x -> pnlAtExpiry(legs, cost, x)).toList();
        BigDecimal max = ys.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal min = ys.stream().min(BigDecimal::compareTo).orElseThrow();
        TreeSet<BigDecimal> breakevens = new TreeSet<>();
        for (int i = 0; i < xs.size(); i++) {
            BigDecimal x = xs.get(i);
            BigDecimal y = ys.get(i);
            if (y.signum() == 0) {
                breakevens.add(x.stripTrailingZeros());
            }
            if (i + 1 < xs.size() && y.signum() * ys.get(i + 1).signum() < 0) {
                BigDecimal dx = xs.get(i + 1).subtract(x);
                BigDecimal dy = ys.get(i + 1).subtract(y);
                breakevens.add(x.subtract(y.multiply(dx).divide(dy, MC)).stripTrailingZeros());
            }
        }
        BigDecimal lastY = ys.getLast();
        if (slope.signum() * lastY.signum() < 0) {
            breakevens.add(xs.getLast().subtract(lastY.divide(slope, MC)).stripTrailingZeros());
        }
        return Optional.of(new Payoff(slope.signum() > 0 ? null : max, slope.signum() < 0 ? null : min.negate(),
                new ArrayList<>(breakevens)));
    }

    /**
     * The P&L at expiry with the index at {@code spot}, after paying {@code cost} (see {@link #payoff}): options at
     * intrinsic value, hedge legs at the index.
     */
    public static BigDecimal pnlAtExpiry(List<PricedLeg> legs, BigDecimal cost, BigDecimal spot) {
        BigDecimal value = cost.negate();
        for (PricedLeg l : legs) {
            BigDecimal each = !l.isOption() ? spot
                    : (l.type() == OptionType.CALL ? spot.subtract(l.strike()) : l.strike().subtract(spot)).max(BigDecimal.ZERO);
            value = value.add(each.multiply(l.signedQuantity()));
        }
        return value;
    }

    private static Instant commonExpiry(List<PricedLeg> legs) {
        Instant expiry = null;
        for (PricedLeg l : legs) {
            if (l.isOption()) {
                if (expiry != null && !expiry.equals(l.expiry())) {
                    return null;
                }
                expiry = l.expiry();
            }
        }
        return expiry;
    }

    /**
     * P&L against now of moving the index by each percentage ({@code 5} = +5%) and every leg's IV by each number of
     * vol points ({@code 5} = +0.05), never below 1% vol. Options move by their Black–Scholes change from now (so the
     * no-move cell is zero whatever the gap between mark and model); a leg without IV takes it from its mark, and
     * one whose IV cannot be solved is held at mark. Hedge legs move with the index.
     */
    public static Matrix spotVol(List<PricedLeg> legs, double spot, Instant now, double[] spotMovesPct, double[] volMovesPts) {
        List<Scenario> scenarios = scenarios(legs, spot, now);
        double[][] pnl = new double[spotMovesPct.length][volMovesPts.length];
        for (int r = 0; r < spotMovesPct.length; r++) {
            for (int c = 0; c < volMovesPts.length; c++) {
                pnl[r][c] = pnl(scenarios, spot * (1 + spotMovesPct[r] / 100), now, volMovesPts[c] / 100);
            }
        }
        return new Matrix(spotMovesPct.clone(), volMovesPts.clone(), pnl);
    }

    /**
     * P&L against now of moving the index by each percentage and time forward by each number of days; an option
     * past its expiry is worth its intrinsic value, against its mark. Otherwise as {@link #spotVol}.
     */
    public static Matrix spotDays(List<PricedLeg> legs, double spot, Instant now, double[] spotMovesPct, double[] daysForward) {
        List<Scenario> scenarios = scenarios(legs, spot, now);
        double[][] pnl = new double[spotMovesPct.length][daysForward.length];
        for (int r = 0; r < spotMovesPct.length; r++) {
            for (int c = 0; c < daysForward.length; c++) {
                Instant then = now.plus(Duration.ofMillis(Math.round(daysForward[c] * 86_400_000)));
                pnl[r][c] = pnl(scenarios, spot * (1 + spotMovesPct[r] / 100), then, 0);
            }
        }
        return new Matrix(spotMovesPct.clone(), daysForward.clone(), pnl);
    }

    /** A leg ready for repricing: its signed size, its volatility (NaN when it cannot be repriced) and value now. */
    private record Scenario(PricedLeg leg, double qty, double spot, double vol, double valueNow) {
    }

    private static List<Scenario> scenarios(List<PricedLeg> legs, double spot, Instant now) {
        List<Scenario> out = new ArrayList<>(legs.size());
        for (PricedLeg l : legs) {
            double qty = l.signedQuantity().doubleValue();
            if (!l.isOption()) {
                out.add(new Scenario(l, qty, spot, Double.NaN, spot));
                continue;
            }
            double years = years(now, l.expiry());
            double strike = l.strike().doubleValue();
            double vol = l.iv();
            if (Double.isNaN(vol)) {
                OptionalDouble solved = ImpliedVolatility.solve(l.type(), l.mark().doubleValue(), spot, strike, years, 0);
                vol = solved.isPresent() ? solved.getAsDouble() : Double.NaN;
            }
            double valueNow = Double.isNaN(vol) ? Double.NaN : BlackScholes.price(l.type(), spot, strike, years, Math.max(vol, MIN_VOL), 0);
            out.add(new Scenario(l, qty, spot, vol, valueNow));
        }
        return out;
    }

    private static double pnl(List<Scenario> scenarios, double spot, Instant then, double volShift) {
        double total = 0;
        for (Scenario s : scenarios) {
            PricedLeg l = s.leg();
            if (!l.isOption()) {
                total += s.qty() * (spot - s.spot());
                continue;
            }
            double years = years(then, l.expiry());
            double strike = l.strike().doubleValue();
            if (years <= 0) {
                double intrinsic = l.type() == OptionType.CALL ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
                total += s.qty() * (intrinsic - l.mark().doubleValue());
            } else if (!Double.isNaN(s.vol())) {
                double vol = Math.max(s.vol() + volShift, MIN_VOL);
                total += s.qty() * (BlackScholes.price(l.type(), spot, strike, years, vol, 0) - s.valueNow());
            }
        }
        return total;
    }

    private static double years(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0 / SECONDS_PER_YEAR;
    }

    /** The hedge size for a package delta: |delta| rounded half-up to {@code step}, zero when below the minimum. */
    public static BigDecimal hedgeQuantity(double packageDelta, BigDecimal step, BigDecimal minQuantity) {
        if (step == null || step.signum() <= 0) {
            throw new IllegalArgumentException("the hedge step must be positive: " + step);
        }
        if (!Double.isFinite(packageDelta)) {
            return BigDecimal.ZERO;
        }
        BigDecimal size = BigDecimal.valueOf(Math.abs(packageDelta)).divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        return size.signum() == 0 || (minQuantity != null && size.compareTo(minQuantity) < 0) ? BigDecimal.ZERO : size;
    }

    /** The hedge's side: sell when the package is long delta, buy when it is short. */
    public static Side hedgeSide(double packageDelta) {
        return packageDelta > 0 ? Side.SELL : Side.BUY;
    }

    /**
     * The book after filling the package, for coin {@code base} at {@code index}. The margin estimate mirrors the
     * paper exchange's rule per instrument, netted against the book: short options max(15% of index − out-of-the-money
     * amount, 10% of index) + mark per contract, long options none, futures and perpetuals 10% of notional at mark.
     */
    public static Preview preview(List<PricedLeg> legs, List<PositionRisk> book, String base, double index, BigDecimal equity,
                                  BigDecimal initialMarginNow) {
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        List<PricedLeg> bookLegs = PricedLeg.fromBook(book, base);
        bookLegs.forEach(l -> held.merge(l.symbol(), l.signedQuantity(), BigDecimal::add));
        Map<String, PricedLeg> bySymbol = new LinkedHashMap<>();
        Map<String, BigDecimal> traded = new LinkedHashMap<>();
        for (PricedLeg l : legs) {
            bySymbol.putIfAbsent(l.symbol(), l);
            traded.merge(l.symbol(), l.signedQuantity(), BigDecimal::add);
        }
        BigDecimal idx = BigDecimal.valueOf(index);
        List<PositionChange> changes = new ArrayList<>();
        BigDecimal added = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : traded.entrySet()) {
            BigDecimal now = held.getOrDefault(e.getKey(), BigDecimal.ZERO);
            BigDecimal after = now.add(e.getValue());
            changes.add(new PositionChange(e.getKey(), now, after));
            PricedLeg leg = bySymbol.get(e.getKey());
            added = added.add(margin(leg, after, idx)).subtract(margin(leg, now, idx));
        }
        Exposure before = exposure(screen(bookLegs));
        Screen pkg = screen(legs);
        Exposure afterFill = new Exposure(before.delta() + pkg.delta(), before.vega() + pkg.vega(), before.theta() + pkg.theta());
        BigDecimal usage = null;
        if (equity != null && equity.signum() != 0) {
            BigDecimal im = (initialMarginNow == null ? BigDecimal.ZERO : initialMarginNow).add(added).max(BigDecimal.ZERO);
            usage = im.divide(equity, MC);
        }
        return new Preview(changes, before, afterFill, added, usage);
    }

    private static Exposure exposure(Screen s) {
        return new Exposure(s.delta(), s.vega(), s.theta());
    }

    /** The initial margin of a signed position in the leg's instrument under the rule of thumb. */
    private static BigDecimal margin(PricedLeg leg, BigDecimal signedSize, BigDecimal index) {
        if (!leg.isOption()) {
            return signedSize.abs().multiply(leg.mark()).multiply(IM_LINEAR);
        }
        if (signedSize.signum() >= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal otm = (leg.type() == OptionType.CALL ? leg.strike().subtract(index) : index.subtract(leg.strike())).max(BigDecimal.ZERO);
        BigDecimal perContract = index.multiply(IM_OPTION).subtract(otm).max(index.multiply(IM_OPTION_FLOOR)).add(leg.mark());
        return perContract.multiply(signedSize.negate());
    }
}
