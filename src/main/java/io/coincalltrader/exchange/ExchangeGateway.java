package io.coincalltrader.exchange;

import java.time.Instant;

/** The port the engine trades through: market data, account, order entry and block trading (RFQ). */
public interface ExchangeGateway extends AutoCloseable {

    MarketDataGateway market();

    AccountGateway account();

    OrderGateway orders();

    RfqGateway rfq();

    /** The exchange's clock. */
    Instant serverTime();

    /** Measures the offset between our clock and the exchange's and signs with the corrected time from then on. */
    long synchronizeClock();

    /** True when keys are configured, so private calls can be signed. */
    boolean hasCredentials();

    @Override
    void close();
}
