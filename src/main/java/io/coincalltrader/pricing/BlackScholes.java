package io.coincalltrader.pricing;

import io.coincalltrader.domain.instrument.OptionType;

/**
 * Black–Scholes prices and Greeks for European options on an index, in USD per one unit of underlying.
 * Time is in years (365-day, continuous); {@code rate} is the continuously compounded rate (Coincall uses 0).
 * At or after expiry, and for zero volatility, the value is the discounted intrinsic value.
 */
public final class BlackScholes {
    static final double DAYS_PER_YEAR = 365.0;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private BlackScholes() {
    }

    /** Option value. */
    public static double price(OptionType type, double spot, double strike, double years, double vol, double rate) {
        if (years <= 0 || vol <= 0) {
            return intrinsic(type, spot, strike * Math.exp(-rate * Math.max(years, 0)));
        }
        double sqrtT = Math.sqrt(years);
        double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * years) / (vol * sqrtT);
        double d2 = d1 - vol * sqrtT;
        double df = Math.exp(-rate * years);
        return type == OptionType.CALL
                ? spot * Normal.cdf(d1) - strike * df * Normal.cdf(d2)
                : strike * df * Normal.cdf(-d2) - spot * Normal.cdf(-d1);
    }

    /** Delta, gamma, vega (per vol point) and theta (per day). */
    public static Greeks greeks(OptionType type, double spot, double strike, double years, double vol, double rate) {
        if (years <= 0 || vol <= 0) {
            double itm = type == OptionType.CALL ? Math.signum(spot - strike) : Math.signum(strike - spot);
            double delta = itm > 0 ? (type == OptionType.CALL ? 1 : -1) : 0;
            return new Greeks(delta, 0, 0, 0);
        }
        double sqrtT = Math.sqrt(years);
        double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * years) / (vol * sqrtT);
        double d2 = d1 - vol * sqrtT;
        double df = Math.exp(-rate * years);
        double pdf = Normal.pdf(d1);
        double gamma = pdf / (spot * vol * sqrtT);
        double vegaPerUnit = spot * pdf * sqrtT;
        double decay = -spot * pdf * vol / (2 * sqrtT);
        double delta;
        double thetaPerYear;
        if (type == OptionType.CALL) {
            delta = Normal.cdf(d1);
            thetaPerYear = decay - rate * strike * df * Normal.cdf(d2);
        } else {
            delta = Normal.cdf(d1) - 1;
            thetaPerYear = decay + rate * strike * df * Normal.cdf(-d2);
        }
        return new Greeks(delta, gamma, vegaPerUnit / 100.0, thetaPerYear / DAYS_PER_YEAR);
    }

    /** Vega per unit of volatility (1.00), used by the implied volatility solver. */
    static double vegaPerUnitVol(double spot, double strike, double years, double vol, double rate) {
        double sqrtT = Math.sqrt(years);
        double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * years) / (vol * sqrtT);
        return spot * Math.exp(-0.5 * d1 * d1) / SQRT_2PI * sqrtT;
    }

    static double intrinsic(OptionType type, double spot, double discountedStrike) {
        return type == OptionType.CALL ? Math.max(spot - discountedStrike, 0) : Math.max(discountedStrike - spot, 0);
    }
}
