package io.coincalltrader.pricing;

/**
 * Sensitivities of one option (per one unit of underlying, long) in Coincall's conventions: delta per 1 USD move,
 * gamma per 1 USD move, vega in USD per 1 volatility point (0.01), theta in USD per calendar day.
 */
public record Greeks(double delta, double gamma, double vega, double theta) {
    public static final Greeks ZERO = new Greeks(0, 0, 0, 0);

    /** These Greeks times a signed quantity (negative for a short). */
    public Greeks times(double signedQuantity) {
        return new Greeks(delta * signedQuantity, gamma * signedQuantity, vega * signedQuantity, theta * signedQuantity);
    }

    public Greeks plus(Greeks o) {
        return new Greeks(delta + o.delta, gamma + o.gamma, vega + o.vega, theta + o.theta);
    }
}
