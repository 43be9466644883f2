package io.coincalltrader.contract;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.order.OrderRequest;
import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.domain.order.Side;
import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.exchange.ExchangeUnavailableException;
import io.coincalltrader.exchange.OutcomeUnknownException;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import io.coincalltrader.paper.PaperFaults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each injected fault gives a typed error or a recovered state, and nothing is sent twice: the paper exchange's
 * request counts and ledger are the oracle (shared/RELIABILITY.md B1, B2, B5, B7, B10).
 */
class PaperFaultTest {
    private static final String CREATE = "/open/option/order/create/v1";
    private static final String QUERY = "/open/option/order/singleQuery/v1";
    private static PaperExchange paper;
    private static CoincallClient client;
    private static String symbol;
    private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);

    @BeforeAll
    static void start() {
        paper = PaperExchange.start(PaperConfig.defaults().withDemoBook(false));
        client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), new Credentials(paper.apiKey(), paper.apiSecret()))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(700))
                .withRetries(3, Duration.ofMillis(20)));
        symbol = client.market().optionInstruments("BTC").stream().map(Instrument.Option::symbol).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        client.close();
        paper.close();
    }

    @BeforeEach
    void clean() {
        paper.faults().clear();
    }

    /** A resting buy far below the market, so only the fault decides what happens. */
    private OrderRequest restingBuy(long clientId) {
        return OrderRequest.limit(ProductType.OPTION, symbol, Side.BUY, new BigDecimal("0.1"), new BigDecimal("0.1"), clientId);
    }

    /** What the engine does with an unknown outcome: ask by client order id (never resend). */
    private Optional<Object> resolve(long clientId) {
        return client.orders().byClientOrderId(ProductType.OPTION, clientId).map(o -> o);
    }

    @Test
    void timeoutAfterTheExchangeAcceptedIsInDoubtAndResolvedByQuery() {
        long clientId = ids.incrementAndGet();
        int before = paper.faults().requests(CREATE);
        paper.faults().next(CREATE, new Fault.AcceptThenDelay(Duration.ofMillis(1500)));
        assertThatThrownBy(() -> client.orders().place(restingBuy(clientId))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(paper.faults().requests(CREATE) - before).as("sent once").isEqualTo(1);
        assertThat(resolve(clientId)).as("the exchange has it").isPresent();
        assertThat(paper.oracle().ordersWithClientId(ProductType.OPTION, Long.toString(clientId))).isEqualTo(1);
    }

    @Test
    void serverErrorOnCreateIsInDoubtAndTheQueryProvesNothingWasPlaced() {
        long clientId = ids.incrementAndGet();
        int before = paper.faults().requests(CREATE);
        paper.faults().next(CREATE, new Fault.Http(503, "<html>503</html>"));
        assertThatThrownBy(() -> client.orders().place(restingBuy(clientId))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(paper.faults().requests(CREATE) - before).isEqualTo(1);
        assertThat(resolve(clientId)).isEmpty();
        assertThat(paper.oracle().ordersWithClientId(ProductType.OPTION, Long.toString(clientId))).isZero();
    }

    @Test
    void serverErrorsOnReadsAreRetried() {
        String path = "/open/account/summary/v1";
        int before = paper.faults().requests(path);
        paper.faults().next(path, new Fault.Http(502, "bad gateway")).next(path, new Fault.Http(500, "oops"));
        assertThat(client.account().summary().equity()).isPositive();
        assertThat(paper.faults().requests(path) - before).isEqualTo(3);
    }

    @Test
    void readsGiveUpWithATypedErrorWhenTheFaultPersists() {
        String path = "/open/account/summary/v1";
        for (int i = 0; i < 3; i++) {
            paper.faults().next(path, new Fault.Http(503, "down"));
        }
        assertThatThrownBy(() -> client.account().summary()).isInstanceOf(ExchangeUnavailableException.class);
    }

    @Test
    void throttledReadWaitsAndThrottledCreateIsInDoubt() {
        String path = "/open/option/position/get/v1";
        paper.faults().next(path, new Fault.RateLimit(1));
        long t0 = System.nanoTime();
        assertThat(client.account().optionPositions()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        long clientId = ids.incrementAndGet();
        paper.faults().next(CREATE, new Fault.RateLimit(1));
        int before = paper.faults().requests(CREATE);
        assertThatThrownBy(() -> client.orders().place(restingBuy(clientId))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(paper.faults().requests(CREATE) - before).isEqualTo(1);
        assertThat(resolve(clientId)).isEmpty();
    }

    @Test
    void malformedAnswerAfterTheOrderWasPlacedIsInDoubtAndResolvedByQuery() {
        long clientId = ids.incrementAndGet();
        paper.faults().next(CREATE, new Fault.Malformed());
        assertThatThrownBy(() -> client.orders().place(restingBuy(clientId))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(resolve(clientId)).isPresent();
    }

    @Test
    void eventualConsistencyOfSingleQueryIsRidOutNotTakenAsNeverPlaced() {
        long clientId = ids.incrementAndGet();
        client.orders().place(restingBuy(clientId));
        paper.faults().next(QUERY, new Fault.NotFoundFor(Duration.ofMillis(600)));
        assertThat(resolve(clientId)).as("inside the window the exchange says it does not know").isEmpty();
        assertThat(io.coincalltrader.testing.Await.value("the order to become visible", Duration.ofSeconds(5), () -> resolve(clientId)))
                .isNotNull();
        assertThat(paper.oracle().ordersWithClientId(ProductType.OPTION, Long.toString(clientId))).isEqualTo(1);
    }

    @Test
    void addedLatencyIsAbsorbed() {
        paper.faults().next("/time", new Fault.Delay(Duration.ofMillis(300)));
        assertThat(client.serverTime()).isNotNull();
    }
}
