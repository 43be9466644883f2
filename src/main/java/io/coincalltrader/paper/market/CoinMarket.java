package io.coincalltrader.paper.market;

import io.coincalltrader.pricing.VolSurface;

import java.math.BigDecimal;

/**
 * One coin's simulated market parameters: start price, annual volatility of the index walk, jump intensity and
 * size, the strike steps near and far from the money, and the implied-volatility surface used for marks.
 */
public record CoinMarket(String coin, double startPrice, double walkVol, double jumpsPerYear, double jumpSize,
                         BigDecimal nearStep, BigDecimal farStep, VolSurface surface) {

    public static CoinMarket btc() {
        return new CoinMarket("BTC", 98_000, 0.55, 12, 0.03, new BigDecimal("1000"), new BigDecimal("5000"),
                new VolSurface(0.62, 0.52, 0.08, -0.04, 0.06));
    }

    public static CoinMarket eth() {
        return new CoinMarket("ETH", 3_500, 0.70, 12, 0.04, new BigDecimal("50"), new BigDecimal("200"),
                new VolSurface(0.75, 0.64, 0.08, -0.05, 0.07));
    }
}
