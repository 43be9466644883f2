package io.coincalltrader.exchange;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A MockWebServer on loopback plus a client wired to it with a fixed clock and instant (recorded) sleeps. */
final class MockExchange implements AutoCloseable {
    static final String KEY = "test-key+/=";
    static final String SECRET = "test-secret-0123456789";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final MockWebServer server = new MockWebServer();
    final AtomicLong sleptNanos = new AtomicLong();
    final AtomicLong fakeNanos = new AtomicLong();
    final CoincallClient client;

    MockExchange() throws IOException {
        this(Duration.ofSeconds(2));
    }

    MockExchange(Duration writeTimeout) throws IOException {
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        CoincallConfig config = CoincallConfig.of(server.url("/").toString(), new Credentials(KEY, SECRET))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), writeTimeout)
                .withRetries(3, Duration.ofMillis(100));
        TokenBucket.Sleeper sleeper = nanos -> {
            sleptNanos.addAndGet(nanos);
            fakeNanos.addAndGet(nanos);
        };
        RestTransport http = new RestTransport(config, Clock.fixed(NOW, ZoneOffset.UTC),
                new RateLimiter(fakeNanos::get, sleeper), new Random(7), sleeper);
        client = new CoincallClient(http, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    void ok(String dataJson) {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"code\":0,\"msg\":\"Success\",\"i18nArgs\":null,\"data\":" + dataJson + "}").build());
    }

    void error(int code, String msg) {
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"code\":" + code + ",\"msg\":\"" + msg + "\",\"i18nArgs\":null,\"data\":null}").build());
    }

    void http(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).body(body).build());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the server");
        }
        return r;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
