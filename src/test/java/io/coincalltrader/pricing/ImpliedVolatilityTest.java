package io.coincalltrader.pricing;

import io.coincalltrader.domain.instrument.OptionType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static io.coincalltrader.domain.instrument.OptionType.CALL;
import static io.coincalltrader.domain.instrument.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImpliedVolatilityTest {

    @Test
    void recoversTheVolatilityOverAWideGrid() {
        int checked = 0;
        for (var type : new OptionType[]{CALL, PUT}) {
            for (double moneyness = -1.5; moneyness <= 1.5; moneyness += 0.25) {
                for (double vol : new double[]{0.05, 0.2, 0.6, 1.2, 3}) {
                    for (double t : new double[]{1.0 / 365 / 24, 1.0 / 365, 0.1, 0.5, 2}) {
                        double s = 100_000;
                        double k = s * Math.exp(moneyness);
                        double price = BlackScholes.price(type, s, k, t, vol, 0);
                        OptionalDouble iv = ImpliedVolatility.solve(type, price, s, k, t, 0);
                        double vega = BlackScholes.vegaPerUnitVol(s, k, t, vol, 0);
                        if (vega * vol > price * 1e-6 && vega * vol > 1e-6) {
                            // The price carries volatility information: the solver must find it.
                            assertThat(iv).as("%s k=%.0f t=%.5f vol=%.2f", type, k, t, vol).isPresent();
                            assertThat(iv.getAsDouble()).isCloseTo(vol, within(vol * 1e-5));
                            checked++;
                        } else if (iv.isPresent()) {
                            // Whatever it returns must reprice the option.
                            assertThat(BlackScholes.price(type, s, k, t, iv.getAsDouble(), 0)).isCloseTo(price, within(Math.max(1e-6, price * 1e-6)));
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Property(tries = 2000)
    void roundTripsWhereThePriceHasInformation(@ForAll @Scale(6) @DoubleRange(min = -1.2, max = 1.2) double moneyness,
                                               @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 3) double vol,
                                               @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 2) double t,
                                               @ForAll boolean call) {
        OptionType type = call ? CALL : PUT;
        double s = 3_000;
        double k = s * Math.exp(moneyness);
        double price = BlackScholes.price(type, s, k, t, vol, 0);
        double vega = BlackScholes.vegaPerUnitVol(s, k, t, vol, 0);
        OptionalDouble iv = ImpliedVolatility.solve(type, price, s, k, t, 0);
        if (vega * vol > price * 1e-4 && price > 1e-6) {
            assertThat(iv).isPresent();
            assertThat(iv.getAsDouble()).isCloseTo(vol, within(vol * 1e-4));
        }
        iv.ifPresent(v -> assertThat(v).isFinite().isBetween(ImpliedVolatility.MIN_VOL, ImpliedVolatility.MAX_VOL));
    }

    @Test
    void saysNoSolutionInsteadOfGarbage() {
        double s = 100;
        assertThat(ImpliedVolatility.solve(CALL, 5, s, 90, 0.5, 0)).as("below intrinsic").isEmpty();
        assertThat(ImpliedVolatility.solve(CALL, 100, s, 90, 0.5, 0)).as("at the upper bound").isEmpty();
        assertThat(ImpliedVolatility.solve(PUT, 95, s, 90, 0.5, 0)).as("above the strike").isEmpty();
        assertThat(ImpliedVolatility.solve(CALL, 0, s, 90, 0.5, 0)).isEmpty();
        assertThat(ImpliedVolatility.solve(CALL, -1, s, 90, 0.5, 0)).isEmpty();
        assertThat(ImpliedVolatility.solve(CALL, 12, s, 90, 0, 0)).as("expired").isEmpty();
        assertThat(ImpliedVolatility.solve(CALL, Double.NaN, s, 90, 0.5, 0)).isEmpty();
        assertThat(ImpliedVolatility.solve(CALL, Double.POSITIVE_INFINITY, s, 90, 0.5, 0)).isEmpty();
        assertThat(ImpliedVolatility.solve(CALL, 12, Double.NaN, 90, 0.5, 0)).isEmpty();
        assertThat(ImpliedVolatility.solve(CALL, 12, s, 90, Double.NaN, 0)).isEmpty();
    }

    @Test
    void nearExpiryAndDeepOutOfTheMoneyStayFinite() {
        double s = 98_000;
        // One minute to expiry, 2% out of the money, a realistic tiny premium.
        double t = 1.0 / 365 / 24 / 60;
        double price = BlackScholes.price(CALL, s, 100_000, t, 0.9, 0);
        OptionalDouble iv = ImpliedVolatility.solve(CALL, Math.max(price, 0.1), s, 100_000, t, 0);
        iv.ifPresent(v -> assertThat(v).isFinite());
        // A 0.1 USD quote on a 300k call a year out has a (low) volatility.
        OptionalDouble far = ImpliedVolatility.solve(CALL, 0.1, s, 300_000, 1, 0);
        assertThat(far).isPresent();
        assertThat(BlackScholes.price(CALL, s, 300_000, 1, far.getAsDouble(), 0)).isCloseTo(0.1, within(1e-6));
    }
}
