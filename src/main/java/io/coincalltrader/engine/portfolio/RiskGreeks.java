package io.coincalltrader.engine.portfolio;

/**
 * Greeks of a position or a group, in both units a trader switches between:
 * delta in coins and in USD (delta × index); gamma in coins per 1 USD move and in USD of delta per 1% move
 * (gamma × index² / 100); vega in USD per vol point and in coins; theta in USD per day and in coins.
 */
public record RiskGreeks(double deltaCoin, double deltaUsd, double gammaCoin, double gammaUsd, double vegaUsd,
                         double vegaCoin, double thetaUsd, double thetaCoin) {
    public static final RiskGreeks ZERO = new RiskGreeks(0, 0, 0, 0, 0, 0, 0, 0);

    /** Converts whole-position Greeks (delta in coins, gamma per USD, vega and theta in USD) at an index price. */
    public static RiskGreeks of(double delta, double gamma, double vegaUsd, double thetaUsd, double index) {
        if (!(index > 0)) {
            return new RiskGreeks(delta, Double.NaN, gamma, Double.NaN, vegaUsd, Double.NaN, thetaUsd, Double.NaN);
        }
        return new RiskGreeks(delta, delta * index, gamma, gamma * index * index / 100.0, vegaUsd, vegaUsd / index,
                thetaUsd, thetaUsd / index);
    }

    public RiskGreeks plus(RiskGreeks o) {
        return new RiskGreeks(deltaCoin + o.deltaCoin, deltaUsd + o.deltaUsd, gammaCoin + o.gammaCoin, gammaUsd + o.gammaUsd,
                vegaUsd + o.vegaUsd, vegaCoin + o.vegaCoin, thetaUsd + o.thetaUsd, thetaCoin + o.thetaCoin);
    }

    /** USD-denominated sums, which add up across coins; coin figures of different coins do not. */
    public RiskGreeks usdOnly() {
        return new RiskGreeks(Double.NaN, deltaUsd, Double.NaN, gammaUsd, vegaUsd, Double.NaN, thetaUsd, Double.NaN);
    }
}
