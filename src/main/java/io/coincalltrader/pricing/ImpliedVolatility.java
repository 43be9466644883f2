package io.coincalltrader.pricing;

import io.coincalltrader.domain.instrument.OptionType;

import java.util.OptionalDouble;

/**
 * Implied volatility from a price: a safeguarded Newton–bisection search on [1e-4, 10] (1% to 1000% vols).
 * Returns empty — "no solution" — when the price is outside the no-arbitrage bounds, when the option has
 * expired, or when the price carries no information about volatility (deep in or out of the money).
 */
public final class ImpliedVolatility {
    static final double MIN_VOL = 1e-4;
    static final double MAX_VOL = 10.0;
    private static final int MAX_ITERATIONS = 100;

    private ImpliedVolatility() {
    }

    /** The volatility at which Black–Scholes gives {@code price}, or empty if none exists. */
    public static OptionalDouble solve(OptionType type, double price, double spot, double strike, double years, double rate) {
        if (!(price > 0) || !(spot > 0) || !(strike > 0) || !(years > 0) || !Double.isFinite(price)) {
            return OptionalDouble.empty();
        }
        double df = Math.exp(-rate * years);
        double lower = BlackScholes.intrinsic(type, spot, strike * df);
        double upper = type == OptionType.CALL ? spot : strike * df;
        // Below intrinsic or above the bound: no volatility produces this price.
        if (price <= lower || price >= upper) {
            return OptionalDouble.empty();
        }
        double tolerance = Math.max(1e-10, price * 1e-10);
        double lo = MIN_VOL;
        double hi = MAX_VOL;
        double fLo = BlackScholes.price(type, spot, strike, years, lo, rate) - price;
        double fHi = BlackScholes.price(type, spot, strike, years, hi, rate) - price;
        if (fLo > 0 || fHi < 0) {
            return OptionalDouble.empty();
        }
        double vol = initialGuess(price, spot, strike * df, years);
        if (vol <= lo || vol >= hi || !Double.isFinite(vol)) {
            vol = 0.5 * (lo + hi);
        }
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double diff = BlackScholes.price(type, spot, strike, years, vol, rate) - price;
            if (Math.abs(diff) <= tolerance) {
                return OptionalDouble.of(vol);
            }
            if (diff > 0) {
                hi = vol;
            } else {
                lo = vol;
            }
            double vega = BlackScholes.vegaPerUnitVol(spot, strike, years, vol, rate);
            double next = vega > 1e-12 ? vol - diff / vega : Double.NaN;
            vol = (next > lo && next < hi) ? next : 0.5 * (lo + hi);
            if (hi - lo < 1e-12) {
                break;
            }
        }
        double finalDiff = BlackScholes.price(type, spot, strike, years, vol, rate) - price;
        return Math.abs(finalDiff) <= Math.max(1e-6, price * 1e-6) ? OptionalDouble.of(vol) : OptionalDouble.empty();
    }

    /** Brenner–Subrahmanyam / Corrado–Miller style start point. */
    private static double initialGuess(double price, double spot, double discountedStrike, double years) {
        double half = (spot - discountedStrike) / 2;
        double a = price - half;
        double disc = a * a - half * half * 4 / Math.PI;
        double base = a + Math.sqrt(Math.max(disc, 0));
        return Math.sqrt(2 * Math.PI / years) / (spot + discountedStrike) * base;
    }
}
