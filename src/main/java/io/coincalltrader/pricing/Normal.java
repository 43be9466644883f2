package io.coincalltrader.pricing;

/**
 * The standard normal cumulative distribution to double precision: Hart's (1968) rational approximation as
 * arranged by G. West, "Better approximations to cumulative normal functions" (2005), absolute error ~1e-15.
 */
final class Normal {
    private static final double SQRT_2PI = 2.506628274631000502;

    private Normal() {
    }

    /** Φ(x). */
    static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double z = Math.abs(x);
        double tail;
        if (z > 37) {
            tail = 0;
        } else {
            double e = Math.exp(-z * z / 2);
            if (z < 7.07106781186547) {
                double num = 3.52624965998911e-02 * z + 0.700383064443688;
                num = num * z + 6.37396220353165;
                num = num * z + 33.912866078383;
                num = num * z + 112.079291497871;
                num = num * z + 221.213596169931;
                num = num * z + 220.206867912376;
                double den = 8.83883476483184e-02 * z + 1.75566716318264;
                den = den * z + 16.064177579207;
                den = den * z + 86.7807322029461;
                den = den * z + 296.564248779674;
                den = den * z + 637.333633378831;
                den = den * z + 793.826512519948;
                den = den * z + 440.413735824752;
                tail = e * num / den;
            } else {
                double cf = z + 0.65;
                cf = z + 4 / cf;
                cf = z + 3 / cf;
                cf = z + 2 / cf;
                cf = z + 1 / cf;
                tail = e / cf / SQRT_2PI;
            }
        }
        return x > 0 ? 1 - tail : tail;
    }

    /** The standard normal density φ(x). */
    static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / SQRT_2PI;
    }
}
