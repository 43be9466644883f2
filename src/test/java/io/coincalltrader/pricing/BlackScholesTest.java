package io.coincalltrader.pricing;

import org.junit.jupiter.api.Test;

import static io.coincalltrader.domain.instrument.OptionType.CALL;
import static io.coincalltrader.domain.instrument.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Black–Scholes against textbook values (Hull, Options, Futures and Other Derivatives) and its own identities. */
class BlackScholesTest {

    @Test
    void hullExample_42_40() {
        // S=42, K=40, r=10%, σ=20%, T=0.5: c = 4.76, p = 0.81.
        assertThat(BlackScholes.price(CALL, 42, 40, 0.5, 0.2, 0.1)).isCloseTo(4.7594, within(1e-4));
        assertThat(BlackScholes.price(PUT, 42, 40, 0.5, 0.2, 0.1)).isCloseTo(0.8086, within(1e-4));
    }

    @Test
    void hullGreeksExample_49_50() {
        // S=49, K=50, r=5%, σ=20%, T=20 weeks: delta 0.522, gamma 0.066, vega 12.1 per unit vol, theta −4.31 per year.
        double t = 20.0 / 52;
        Greeks g = BlackScholes.greeks(CALL, 49, 50, t, 0.2, 0.05);
        assertThat(BlackScholes.price(CALL, 49, 50, t, 0.2, 0.05)).isCloseTo(2.4005, within(1e-3));
        assertThat(g.delta()).isCloseTo(0.522, within(1e-3));
        assertThat(g.gamma()).isCloseTo(0.066, within(1e-3));
        assertThat(g.vega()).as("per vol point").isCloseTo(0.121, within(1e-3));
        assertThat(g.theta()).as("per calendar day").isCloseTo(-4.31 / 365, within(1e-4));
    }

    @Test
    void putCallParityHoldsOverAGrid() {
        for (double s : new double[]{20_000, 60_000, 100_000, 140_000}) {
            for (double k : new double[]{50_000, 100_000, 150_000}) {
                for (double t : new double[]{1.0 / 365 / 24, 7.0 / 365, 0.25, 2}) {
                    for (double vol : new double[]{0.05, 0.6, 3}) {
                        for (double r : new double[]{0, 0.05}) {
                            double lhs = BlackScholes.price(CALL, s, k, t, vol, r) - BlackScholes.price(PUT, s, k, t, vol, r);
                            double rhs = s - k * Math.exp(-r * t);
                            assertThat(lhs).isCloseTo(rhs, within(1e-9 * Math.max(s, k)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void greeksMatchFiniteDifferencesOfThePrice() {
        double s = 98_000;
        double k = 100_000;
        double t = 30.0 / 365;
        double vol = 0.55;
        for (var type : new io.coincalltrader.domain.instrument.OptionType[]{CALL, PUT}) {
            Greeks g = BlackScholes.greeks(type, s, k, t, vol, 0);
            double h = 1;
            double up = BlackScholes.price(type, s + h, k, t, vol, 0);
            double down = BlackScholes.price(type, s - h, k, t, vol, 0);
            double mid = BlackScholes.price(type, s, k, t, vol, 0);
            assertThat(g.delta()).isCloseTo((up - down) / (2 * h), within(1e-6));
            assertThat(g.gamma()).isCloseTo((up - 2 * mid + down) / (h * h), within(1e-7));
            double vegaFd = (BlackScholes.price(type, s, k, t, vol + 1e-4, 0) - BlackScholes.price(type, s, k, t, vol - 1e-4, 0)) / 2e-4;
            assertThat(g.vega()).isCloseTo(vegaFd / 100, within(1e-4));
            double day = 1.0 / 365;
            double thetaFd = BlackScholes.price(type, s, k, t - day, vol, 0) - mid;
            assertThat(g.theta()).isCloseTo(thetaFd, within(Math.abs(thetaFd) * 0.02));
        }
    }

    @Test
    void limitsAreFiniteAndSensible() {
        assertThat(BlackScholes.price(CALL, 100, 90, 0, 0.5, 0)).isEqualTo(10);
        assertThat(BlackScholes.price(PUT, 100, 90, 0, 0.5, 0)).isZero();
        assertThat(BlackScholes.price(CALL, 100, 90, 1, 0, 0)).isEqualTo(10);
        assertThat(BlackScholes.greeks(CALL, 100, 90, 0, 0.5, 0).delta()).isEqualTo(1);
        assertThat(BlackScholes.greeks(PUT, 100, 90, 0, 0.5, 0).delta()).isZero();
        for (double k : new double[]{1, 1e3, 1e5, 1e7}) {
            for (double t : new double[]{1e-9, 1e-4, 1, 50}) {
                for (var type : new io.coincalltrader.domain.instrument.OptionType[]{CALL, PUT}) {
                    double p = BlackScholes.price(type, 1e5, k, t, 0.8, 0);
                    Greeks g = BlackScholes.greeks(type, 1e5, k, t, 0.8, 0);
                    assertThat(p).isFinite().isGreaterThanOrEqualTo(0);
                    assertThat(java.util.List.of(g.delta(), g.gamma(), g.vega(), g.theta())).allMatch(Double::isFinite);
                }
            }
        }
    }

    @Test
    void shortPositionsFlipEveryGreek() {
        Greeks g = BlackScholes.greeks(CALL, 100, 100, 0.5, 0.3, 0);
        Greeks shortTwo = g.times(-2);
        assertThat(shortTwo.delta()).isEqualTo(-2 * g.delta());
        assertThat(shortTwo.theta()).isEqualTo(-2 * g.theta());
        assertThat(g.plus(shortTwo).vega()).isCloseTo(-g.vega(), within(1e-15));
    }
}
