package io.coincalltrader.exchange;

import com.google.gson.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The Coincall adapter of {@link ExchangeGateway}: signed REST over OkHttp. Used for paper and live alike. */
public final class CoincallClient implements ExchangeGateway {
    private final RestTransport http;
    private final Clock clock;
    private final CoincallMarketData market;
    private final CoincallAccount account;
    private final CoincallOrders orders;
    private final CoincallRfq rfq;

    public CoincallClient(RestTransport http, Clock clock) {
        this.http = http;
        this.clock = clock;
        this.market = new CoincallMarketData(http, clock);
        this.account = new CoincallAccount(http);
        this.orders = new CoincallOrders(http);
        this.rfq = new CoincallRfq(http);
    }

    /** A client with the real clock, real rate limits and real sleeps. */
    public static CoincallClient create(CoincallConfig config) {
        Clock clock = Clock.systemUTC();
        RestTransport http = new RestTransport(config, clock, RateLimiter.system(), ThreadLocalRandom.current(),
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
        return new CoincallClient(http, clock);
    }

    @Override
    public MarketDataGateway market() {
        return market;
    }

    @Override
    public AccountGateway account() {
        return account;
    }

    @Override
    public OrderGateway orders() {
        return orders;
    }

    @Override
    public RfqGateway rfq() {
        return rfq;
    }

    @Override
    public Instant serverTime() {
        JsonObject o = JsonFields.object(http.read("/time", Map.of(), RateBucket.PUBLIC, false), "server time");
        return Instant.ofEpochMilli(JsonFields.requiredLong(o, "serverTime"));
    }

    @Override
    public long synchronizeClock() {
        long before = clock.millis();
        long server = serverTime().toEpochMilli();
        long after = clock.millis();
        long offset = server - (before + after) / 2;
        http.setServerOffsetMillis(offset);
        return offset;
    }

    @Override
    public boolean hasCredentials() {
        return http.hasCredentials();
    }

    /** The transport, for the WebSocket client to share its connection pool and clock offset. */
    public RestTransport transport() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }
}
