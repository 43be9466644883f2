package io.coincalltrader.exchange;

import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How each failure is classified: rejected, not sent, unknown outcome (writes), retried (reads). */
class CoincallClientFaultTest {
    private MockExchange ex;

    @BeforeEach
    void start() throws Exception {
        ex = new MockExchange(Duration.ofMillis(600));
    }

    @AfterEach
    void stop() {
        ex.close();
    }

    private OrderRequest order() {
        return OrderRequest.limit(ProductType.OPTION, "BTCUSD-27MAR26-100000-C", Side.BUY, new BigDecimal("0.1"), new BigDecimal("100"), 7L);
    }

    @Test
    void businessErrorIsADefinitiveRejectionWithTheCodeAndPlainWords() {
        ex.error(10558, "less.than.min.amount");
        assertThatThrownBy(() -> ex.client.orders().place(order()))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(10558);
                    assertThat(e.exchangeMessage()).isEqualTo("less.than.min.amount");
                    assertThat(e.traderMessage()).isEqualTo("Order size is below the exchange's minimum (code 10558)");
                });
    }

    @Test
    void serverErrorOnAWriteIsAnUnknownOutcomeAndIsNotResent() {
        ex.http(503, "<html>Service Unavailable</html>");
        ex.ok("1");
        assertThatThrownBy(() -> ex.client.orders().place(order())).isInstanceOf(OutcomeUnknownException.class);
        assertThat(ex.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsOnAReadAreRetriedWithBackoff() {
        ex.http(502, "bad gateway");
        ex.http(500, "oops");
        ex.ok("{\"serverTime\":5}");
        assertThat(ex.client.serverTime().toEpochMilli()).isEqualTo(5);
        assertThat(ex.server.getRequestCount()).isEqualTo(3);
        assertThat(ex.sleptNanos.get()).isPositive();
    }

    @Test
    void aReadGivesUpAfterItsAttemptsWithAClearError() {
        for (int i = 0; i < 3; i++) {
            ex.http(500, "oops");
        }
        assertThatThrownBy(() -> ex.client.serverTime()).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(ex.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void throttledReadWaitsForRetryAfter() {
        ex.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").body("").build());
        ex.ok("{\"serverTime\":5}");
        ex.client.serverTime();
        assertThat(ex.sleptNanos.get()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void throttledWriteIsAnUnknownOutcome() {
        ex.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("").build());
        assertThatThrownBy(() -> ex.client.orders().place(order())).isInstanceOf(OutcomeUnknownException.class);
        assertThat(ex.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedAnswerToAWriteIsAnUnknownOutcome() {
        ex.http(200, "{\"code\":0,\"data\":");
        assertThatThrownBy(() -> ex.client.orders().place(order())).isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("could not be read");
    }

    @Test
    void malformedAnswersToAReadEndAsAnUnexpectedResponse() {
        for (int i = 0; i < 3; i++) {
            ex.http(200, "<html>maintenance</html>");
        }
        assertThatThrownBy(() -> ex.client.serverTime()).isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("Unexpected response from the exchange");
    }

    @Test
    void wrongFieldTypeIsAnUnexpectedResponseNotACrash() {
        ex.ok("{\"serverTime\":\"soon\"}");
        assertThatThrownBy(() -> ex.client.serverTime()).isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void noAnswerWithinTheCallTimeoutIsAnUnknownOutcomeSentOnce() {
        ex.server.enqueue(new MockResponse.Builder().code(200).body("{\"code\":0,\"data\":1}")
                .headersDelay(3, TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> ex.client.orders().place(order())).isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("No answer");
        assertThat(ex.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionDroppedAfterTheRequestWasReadIsAnUnknownOutcomeSentOnce() {
        ex.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        ex.ok("1");
        assertThatThrownBy(() -> ex.client.orders().place(order())).isInstanceOf(OutcomeUnknownException.class);
        assertThat(ex.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionRefusedMeansNotSent() throws IOException {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        CoincallConfig config = CoincallConfig.of("http://127.0.0.1:" + freePort, new Credentials("k", "s"));
        try (CoincallClient client = CoincallClient.create(config)) {
            assertThatThrownBy(() -> client.orders().place(order())).isInstanceOf(NotSentException.class)
                    .hasMessageContaining("cannot connect");
        }
    }

    @Test
    void notFoundWithoutAnEnvelopeIsARejection() {
        ex.http(404, "Not Found");
        assertThatThrownBy(() -> ex.client.rfq().list(null, "OPEN", "TAKER", null, null))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.code()).isEqualTo(404));
    }

    @Test
    void signedCallWithoutKeysIsRefusedBeforeSending() throws IOException {
        CoincallConfig config = CoincallConfig.of(ex.server.url("/").toString(), null);
        try (CoincallClient client = CoincallClient.create(config)) {
            assertThatThrownBy(() -> client.account().summary()).isInstanceOf(NotSentException.class)
                    .hasMessageContaining("API key");
        }
        assertThat(ex.server.getRequestCount()).isZero();
    }

    @Test
    void clockOffsetFromServerTimeIsUsedForSigning() throws Exception {
        ex.ok("{\"serverTime\":" + (MockExchange.NOW.toEpochMilli() + 7000) + "}");
        assertThat(ex.client.synchronizeClock()).isEqualTo(7000);
        ex.ok("{\"list\":[]}");
        ex.client.orders().openOrders(ProductType.FUTURE, "BTCUSD");
        ex.take();
        assertThat(ex.take().getHeaders().get("ts")).isEqualTo(Long.toString(MockExchange.NOW.toEpochMilli() + 7000));
    }
}
