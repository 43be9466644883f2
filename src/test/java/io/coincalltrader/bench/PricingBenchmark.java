package io.coincalltrader.bench;

import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.pricing.BlackScholes;
import io.coincalltrader.pricing.Greeks;
import io.coincalltrader.pricing.ImpliedVolatility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Greeks and implied volatility for a full option chain of 2,000 options (BTC-like strikes, 1 day to 1 year). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PricingBenchmark {
    static final int OPTIONS = 2_000;
    private final OptionType[] types = new OptionType[OPTIONS];
    private final double[] strikes = new double[OPTIONS];
    private final double[] years = new double[OPTIONS];
    private final double[] vols = new double[OPTIONS];
    private final double[] prices = new double[OPTIONS];
    private final double spot = 98_000;

    @Setup
    public void chain() {
        SplittableRandom random = new SplittableRandom(42);
        double[] expiries = {1, 2, 3, 7, 14, 21, 28, 56, 91, 182, 364};
        for (int i = 0; i < OPTIONS; i++) {
            types[i] = i % 2 == 0 ? OptionType.CALL : OptionType.PUT;
            strikes[i] = 1000 * Math.round(spot * Math.exp(random.nextDouble(-0.6, 0.6)) / 1000);
            years[i] = expiries[i % expiries.length] / 365.0;
            vols[i] = 0.45 + 0.3 * Math.pow(Math.log(strikes[i] / spot), 2) / years[i] * 0.05;
            prices[i] = BlackScholes.price(types[i], spot, strikes[i], years[i], vols[i], 0);
        }
    }

    /** Delta, gamma, vega and theta for every option of the chain. */
    @Benchmark
    public void greeksForChain(Blackhole bh) {
        for (int i = 0; i < OPTIONS; i++) {
            Greeks g = BlackScholes.greeks(types[i], spot, strikes[i], years[i], vols[i], 0);
            bh.consume(g);
        }
    }

    /** Implied volatility from the price of every option of the chain. */
    @Benchmark
    public void impliedVolForChain(Blackhole bh) {
        for (int i = 0; i < OPTIONS; i++) {
            bh.consume(ImpliedVolatility.solve(types[i], prices[i], spot, strikes[i], years[i], 0));
        }
    }
}
