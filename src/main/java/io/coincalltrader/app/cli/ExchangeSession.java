package io.coincalltrader.app.cli;

import io.coincalltrader.exchange.ExchangeGateway;

/**
 * An open connection to one exchange, the store profile that belongs to it (see {@link io.coincalltrader.app.Profiles}),
 * and whatever must stop with it (the in-process paper exchange).
 */
public record ExchangeSession(ExchangeGateway gateway, String label, String profile, AutoCloseable owned) implements AutoCloseable {
    @Override
    public void close() {
        gateway.close();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ExchangeSession.class).warn("stopping {} failed", label, e);
            }
        }
    }
}
