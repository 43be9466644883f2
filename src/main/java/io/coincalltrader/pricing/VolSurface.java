package io.coincalltrader.pricing;

/**
 * A simple volatility surface: an ATM term structure (short-dated vol decaying towards a long-run level) and a
 * smile in log-moneyness with skew. Pure function of strike, forward and time; used to mark the paper market.
 */
public record VolSurface(double shortVol, double longVol, double decayYears, double skew, double smile) {

    /** Implied volatility (fraction) for a strike, at a forward and time to expiry in years. */
    public double vol(double strike, double forward, double years) {
        double t = Math.max(years, 1.0 / 365 / 24);
        double atm = longVol + (shortVol - longVol) * Math.exp(-t / decayYears);
        // Moneyness in standard deviations of a week at least, bounded so far wings of short expiries stay sane.
        double k = Math.max(-2.5, Math.min(2.5, Math.log(strike / forward) / Math.sqrt(Math.max(t, 1.0 / 52))));
        double v = atm + skew * k + smile * k * k;
        return Math.min(3.0, Math.max(0.1, v));
    }
}
